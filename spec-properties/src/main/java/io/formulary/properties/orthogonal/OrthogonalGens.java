package io.formulary.properties.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.generators.CommonGens;
import io.formulary.properties.generators.CommonGens.UnitPair;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.List;

/**
 * Inputs of the ORTHO properties: pairs {@code (a, b)} from the chapter's generator list. The shared regimes
 * (generic, near-equal, near-antipodal with {@code eta = 1e-1 .. 1e-15}, exactly equal, exactly antipodal) come from
 * {@link CommonGens}; this class adds the chapter's own edge families, each counted with
 * {@link PropertyHarness#regime(String)}: coordinate vectors ({@code eps_i -> eps_j}, {@code eps_i -> -eps_i}),
 * vectors with ties in {@code |a_j|} ({@code (1,1,1)}, {@code (0.6,0.8)}, ...), integer vectors such as the
 * article's example, and raw (unnormalized) inputs scaled by {@code 1e-150 .. 1e150} or with entries of mixed
 * magnitude.
 */
public final class OrthogonalGens {

    /** Regime: coordinate vectors. */
    public static final String COORDINATE = "coordinate";
    /** Regime: a vector with ties in {@code |a_j|}. */
    public static final String TIES = "ties";
    /** Regime: integer vectors. */
    public static final String INTEGER = "integer";
    /** Regime: raw inputs with independent scales. */
    public static final String SCALED = "scaled";

    private static final List<double[]> TIE_VECTORS = List.of(new double[] {1, 1, 1}, new double[] {0.6, 0.8},
            new double[] {1, 1}, new double[] {1, -1, 1, -1}, new double[] {2, 2, 1}, new double[] {-3, 3, 3, 0.5, 3});

    private OrthogonalGens() {
    }

    /**
     * One input pair and the family it was drawn from. Inputs need not be unit vectors (the forms normalize).
     *
     * @param a      first vector
     * @param b      second vector, same length
     * @param family a short label of the construction (for counterexamples)
     */
    public record OrthoCase(double[] a, double[] b, String family) {

        /** Copies the arrays: a case is a value. */
        public OrthoCase {
            a = a.clone();
            b = b.clone();
        }

        @Override
        public double[] a() {
            return a.clone();
        }

        @Override
        public double[] b() {
            return b.clone();
        }

        /** The dimension. */
        public int d() {
            return a.length;
        }

        /** {@code a / ||a||} by the shared scaled norm (independent of the subject). */
        public double[] aHat() {
            return unit(a);
        }

        /** {@code b / ||b||}. */
        public double[] bHat() {
            return unit(b);
        }

        /** {@code ||a_hat - b_hat||}: the distance to the Householder singularity. */
        public double rhoMinus() {
            return distance(aHat(), bHat(), -1);
        }

        /** {@code ||a_hat + b_hat||}: the distance to the rotation and symmetric singularity. */
        public double rhoPlus() {
            return distance(aHat(), bHat(), 1);
        }

        /** The distance to the nearer singular input, {@code min(rhoMinus, rhoPlus)}. */
        public double rho() {
            return Math.min(rhoMinus(), rhoPlus());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OrthoCase c && Arrays.equals(a, c.a) && Arrays.equals(b, c.b) && family.equals(c.family);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(a) + Arrays.hashCode(b);
        }

        @Override
        public String toString() {
            return family + " a=" + Arrays.toString(a) + " b=" + Arrays.toString(b);
        }
    }

    /** Every family: shared unit pairs (all regimes, weight 6), coordinate, ties, integer (weight 1 each). */
    public static Gen<OrthoCase> cases() {
        return Generate.frequency(List.of(Pair.of(6, unitPairs(CommonGens.unitPairs(CommonGens.dimensions()))),
                Pair.of(1, coordinatePairs()), Pair.of(1, tiePairs()), Pair.of(1, integerPairs())));
    }

    /** Like {@link #cases()} but with dimensions at least 3 (for properties about the orthogonal complement). */
    public static Gen<OrthoCase> casesOfDimensionAtLeast3() {
        return cases().assuming(c -> c.d() >= 3);
    }

    /** Cases at distance {@code rho >= 1e-3} from both singular inputs (generic, coordinate, integer). */
    public static Gen<OrthoCase> nonSingularCases() {
        Gen<OrthoCase> all = Generate.frequency(List.of(
                Pair.of(6, unitPairs(CommonGens.genericUnitPairs(CommonGens.dimensions()))),
                Pair.of(1, coordinatePairs()), Pair.of(1, integerPairs())));
        return all.assuming(c -> c.rho() >= 1e-3);
    }

    /** Near-singular unit pairs only: {@code b = unit(+-a + eta r)}, {@code eta = 1e-1 .. 1e-15}, {@code d in [2,7]}. */
    public static Gen<OrthoCase> nearSingularCases() {
        return unitPairs(CommonGens.nearSingularUnitPairs(CommonGens.dimensionsBetween(2, 7)));
    }

    /** Exactly singular unit pairs: {@code b = a} and {@code b = -a} bitwise. */
    public static Gen<OrthoCase> singularCases() {
        return CommonGens.dimensions().flatMap(d -> unitPairs(CommonGens.unitPairs(d, 0, 0, 1, 1)));
    }

    /** Pairs of unit vectors of one dimension, all regimes. */
    public static Gen<OrthoCase> casesOfDimension(int d) {
        return unitPairs(CommonGens.unitPairs(d, 2, 2, 1, 1));
    }

    /**
     * Raw inputs: Gaussian or mixed-magnitude vectors, each multiplied by an independent log-uniform scale in
     * {@code [1e-150, 1e150]}; a third of them have {@code b} parallel to {@code a} ({@code b = mu a}), which
     * normalizes to a pair at or within an ulp of {@code b = a}.
     */
    public static Gen<OrthoCase> rawCases() {
        Gen<Integer> dims = CommonGens.dimensions();
        Gen<Double> scale = CommonGens.logUniformScales(1e-150, 1e150);
        Gen<OrthoCase> independent = dims.flatMap(d -> CommonGens.gaussianVectors(d).zip(
                CommonGens.mixedMagnitudeVectors(d), scale, scale, (g, m, l, mu) -> scaled(g, m, l, mu)));
        Gen<OrthoCase> parallel = dims.flatMap(d -> CommonGens.mixedMagnitudeVectors(d).zip(scale, scale,
                (m, l, mu) -> {
                    PropertyHarness.regime(SCALED);
                    return new OrthoCase(times(m, l), times(m, mu), "scaled-parallel");
                }));
        return Generate.frequency(List.of(Pair.of(2, independent), Pair.of(1, parallel)));
    }

    private static OrthoCase scaled(double[] g, double[] m, double l, double mu) {
        PropertyHarness.regime(SCALED);
        double[] a = times(g, l);
        double[] b = times(m, mu);
        if (AccurateSums.maxAbs(a) == 0) {
            // A Gaussian draw shrunk to zero: keep a direction.
            a[0] = l;
        }
        return new OrthoCase(a, b, "scaled");
    }

    private static double[] times(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    private static Gen<OrthoCase> unitPairs(Gen<UnitPair> pairs) {
        return pairs.map(p -> new OrthoCase(p.a(), p.b(),
                p.regime().name().toLowerCase(java.util.Locale.ROOT) + (p.eta() > 0 ? " eta=" + p.eta() : "")));
    }

    /** {@code eps_i -> eps_j} (equal when {@code i = j}) or {@code eps_i -> -eps_i}. */
    public static Gen<OrthoCase> coordinatePairs() {
        return CommonGens.dimensions().flatMap(d -> Generate.range(0, d - 1).zip(Generate.range(0, d - 1),
                Generate.booleans(), (i, j, flip) -> {
                    PropertyHarness.regime(COORDINATE);
                    double[] a = new double[d];
                    double[] b = new double[d];
                    a[i] = 1;
                    if (flip) {
                        b[i] = -1;
                        return new OrthoCase(a, b, "coordinate e" + i + "->-e" + i);
                    }
                    b[j] = 1;
                    return new OrthoCase(a, b, "coordinate e" + i + "->e" + j);
                }));
    }

    /**
     * A vector with ties in {@code |a_j|} (or the exactly unit {@code (0.6, 0.8)}) paired with a random unit vector,
     * itself, or its negation.
     */
    public static Gen<OrthoCase> tiePairs() {
        return Generate.pick(TIE_VECTORS).flatMap(a -> CommonGens.unitVectors(a.length).zip(Generate.range(0, 2),
                (u, k) -> {
                    PropertyHarness.regime(TIES);
                    double[] b = k == 0 ? u : k == 1 ? a.clone() : times(a, -1);
                    return new OrthoCase(a, b, "ties" + (k == 1 ? " b=a" : k == 2 ? " b=-a" : ""));
                }));
    }

    /** The article's example {@code (1..5) -> (9..5)} and random small-integer vectors (entries in [-9, 9]). */
    public static Gen<OrthoCase> integerPairs() {
        Gen<OrthoCase> article = Generate.constant(() -> new OrthoCase(new double[] {1, 2, 3, 4, 5},
                new double[] {9, 8, 7, 6, 5}, "integer article"));
        Gen<OrthoCase> random = CommonGens.dimensions().flatMap(d -> intVector(d).zip(intVector(d),
                (a, b) -> new OrthoCase(a, b, "integer")));
        return Generate.frequency(List.of(Pair.of(1, article), Pair.of(3, random))).map(c -> {
            PropertyHarness.regime(INTEGER);
            return c;
        });
    }

    private static Gen<double[]> intVector(int d) {
        Gen<Integer> entry = Generate.range(-9, 9, 0);
        return source -> {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = entry.generate(source);
            }
            if (AccurateSums.maxAbs(v) == 0) {
                // Shrunk to the zero vector: the simplest integer vector with a direction.
                v[0] = 1;
            }
            return v;
        };
    }

    /**
     * The chapter's normalization recipe (ORTHO-F1: divide by the largest magnitude, then by the compensated norm of
     * the scaled vector), so that "exactly singular after normalization" means the same here as in a conforming
     * subject.
     */
    public static double[] unit(double[] x) {
        double m = AccurateSums.maxAbs(x);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] / m;
        }
        double n = Math.sqrt(AccurateSums.dot(y, y));
        for (int i = 0; i < x.length; i++) {
            y[i] /= n;
        }
        return y;
    }

    static double distance(double[] x, double[] y, double sign) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] + sign * y[i];
        }
        return AccurateSums.norm2(d);
    }
}
