package io.formulary.properties.generators;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.PropertyHarness;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shared QuickTheories generators for every chapter: dimensions, Gaussian and unit vectors, pairs of unit vectors
 * in the hard regimes (near-equal, near-antipodal, exactly equal, exactly antipodal), log-uniform positive scales,
 * vectors of mixed magnitude and Haar-random orthogonal matrices.
 *
 * <p>Every generator is constructive (it builds a valid value directly instead of filtering), draws all of its
 * randomness from the QuickTheories source (so it is seeded by the property harness and shrinks), and mixes the
 * hard regimes in on purpose. When it produces a hard regime it calls {@link PropertyHarness#regime(String)} with
 * the regime's name (the constants below), so the property results show how often each regime was reached.
 * Values that carry a regime also record it ({@link UnitPair#regime()}), which lets the generator tests count
 * regimes without the harness.
 *
 * <p>Gaussians come from the Box-Muller transform of two uniform draws, with {@link StrictMath} so the values are
 * identical on every JVM; the uniforms shrink toward {@code u1 = 1, u2 = 0}, i.e. a Gaussian shrinks toward 0.
 */
public final class CommonGens {

    /** Regime: the smallest dimension a generator allows (often 2, where many identities degenerate). */
    public static final String SMALLEST_DIMENSION = "smallest-dimension";
    /** Regime: a unit vector that fell back to a coordinate vector (the Gaussian draw was nearly zero). */
    public static final String COORDINATE_FALLBACK = "coordinate-fallback";
    /** Regime: {@code b = unit(a + eta r)} with small {@code eta}. */
    public static final String NEAR_EQUAL = "near-equal";
    /** Regime: {@code b = unit(-a + eta r)} with small {@code eta}. */
    public static final String NEAR_ANTIPODAL = "near-antipodal";
    /** Regime: {@code b = a} exactly (same doubles). */
    public static final String EQUAL = "equal";
    /** Regime: {@code b = -a} exactly (every entry negated, which is exact). */
    public static final String ANTIPODAL = "antipodal";
    /** Regime: a scale that is an exact power of two (scaling by it is exact). */
    public static final String POWER_OF_TWO_SCALE = "power-of-two-scale";
    /** Regime: a scale beyond {@code 1e100} or below {@code 1e-100}. */
    public static final String EXTREME_SCALE = "extreme-scale";
    /** Regime: a vector with entries of magnitude about 1 next to entries near {@code 1e-200} or smaller. */
    public static final String MIXED_MAGNITUDE = "mixed-magnitude";
    /** Regime: a vector holding a subnormal entry. */
    public static final String SUBNORMAL = "subnormal";
    /** Regime: an orthogonal matrix with determinant -1. */
    public static final String IMPROPER_ORTHOGONAL = "improper-orthogonal";
    /** Regime: an orthogonal matrix that is a signed permutation (exact entries 0 and +-1). */
    public static final String SIGNED_PERMUTATION = "signed-permutation";

    /** The etas of the near-singular regimes: {@code 1e-1, 1e-2, ..., 1e-15}. */
    public static final List<Double> ETAS;

    static {
        List<Double> etas = new ArrayList<>();
        for (int k = 1; k <= 15; k++) {
            etas.add(Double.parseDouble("1e-" + k));
        }
        ETAS = List.copyOf(etas);
    }

    private static final long UNIFORM_STEPS = 1L << 53;

    private CommonGens() {
    }

    // ----------------------------------------------------------------------------------------------- dimensions

    /**
     * Dimensions from {@code {2, 3, 4, 5, 7, 16, 64}}, biased toward 2, 3 and odd values (weights 4, 4, 1, 2, 2, 1,
     * 1): small dimensions expose degenerate identities, odd ones expose sign conventions ({@code (-1)^d}), the
     * large ones catch accumulated rounding. Shrinks toward 2.
     */
    public static Gen<Integer> dimensions() {
        return weighted(List.of(Pair.of(4, 2), Pair.of(4, 3), Pair.of(1, 4), Pair.of(2, 5), Pair.of(2, 7),
                Pair.of(1, 16), Pair.of(1, 64)), 2);
    }

    /**
     * Dimensions in {@code [lo, hi]}: a third of the draws is {@code lo}, a sixth {@code lo + 1}, a sixth an odd
     * value and the rest uniform. Shrinks toward {@code lo}.
     *
     * @param lo smallest dimension, {@code >= 1}
     * @param hi largest dimension, {@code >= lo}
     */
    public static Gen<Integer> dimensionsBetween(int lo, int hi) {
        if (lo < 1 || hi < lo) {
            throw new IllegalArgumentException("hi: need 1 <= lo <= hi, got lo=" + lo + ", hi=" + hi);
        }
        Gen<Integer> uniform = Generate.range(lo, hi);
        int oddLo = (lo & 1) == 1 ? lo : lo + 1;
        Gen<Integer> odd = oddLo > hi ? uniform : Generate.range(0, (hi - oddLo) / 2).map(k -> oddLo + 2 * k);
        Gen<Integer> next = Generate.constant(Math.min(lo + 1, hi));
        Gen<Integer> d = Generate.frequency(List.of(Pair.of(2, Generate.constant(lo)), Pair.of(1, next),
                Pair.of(1, odd), Pair.of(2, uniform)));
        return d.map(v -> {
            if (v == lo) {
                PropertyHarness.regime(SMALLEST_DIMENSION);
            }
            return v;
        });
    }

    private static Gen<Integer> weighted(List<Pair<Integer, Integer>> weights, int smallest) {
        List<Pair<Integer, Gen<Integer>>> parts = new ArrayList<>();
        for (Pair<Integer, Integer> w : weights) {
            parts.add(Pair.of(w._1, Generate.constant(w._2)));
        }
        return Generate.frequency(parts).map(v -> {
            if (v == smallest) {
                PropertyHarness.regime(SMALLEST_DIMENSION);
            }
            return v;
        });
    }

    // ------------------------------------------------------------------------------------------------- scalars

    /** Uniform doubles on the grid {@code k / 2^53}, {@code k = 1..2^53}, i.e. in {@code (0, 1]}; shrinks to 1. */
    public static Gen<Double> uniformsOpenClosed() {
        return Generate.longRange(1, UNIFORM_STEPS, UNIFORM_STEPS).map(k -> k * 0x1p-53);
    }

    /** Standard normal deviates (Box-Muller with {@link StrictMath}); shrinks toward 0. */
    public static Gen<Double> standardNormals() {
        Gen<Double> u1 = uniformsOpenClosed();
        Gen<Double> u2 = Generate.longRange(0, UNIFORM_STEPS - 1, 0).map(k -> k * 0x1p-53);
        return u1.zip(u2, (r, t) -> StrictMath.sqrt(-2 * StrictMath.log(r)) * StrictMath.cos(2 * Math.PI * t));
    }

    /**
     * Log-uniform positive scales in {@code [lo, hi]}; one draw in eight is an exact power of two (scaling by it is
     * exact), one in eight an endpoint. Regimes {@link #POWER_OF_TWO_SCALE} and {@link #EXTREME_SCALE}.
     *
     * @param lo smallest scale, {@code > 0}
     * @param hi largest scale, {@code >= lo}, finite
     */
    public static Gen<Double> logUniformScales(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("hi: need 0 < lo <= hi < infinity, got lo=" + lo + ", hi=" + hi);
        }
        double llo = StrictMath.log10(lo);
        double lhi = StrictMath.log10(hi);
        Gen<Double> logUniform = Generate.longRange(0, UNIFORM_STEPS, 0)
                .map(k -> clamp(StrictMath.pow(10, llo + (lhi - llo) * (k * 0x1p-53)), lo, hi));
        int elo = Math.getExponent(lo) + 1;
        int ehi = Math.getExponent(hi);
        Gen<Double> powerOfTwo = elo <= ehi ? Generate.range(elo, ehi, Math.max(elo, Math.min(0, ehi)))
                .map(e -> Math.scalb(1.0, e)) : logUniform;
        Gen<Double> endpoint = Generate.pick(List.of(lo, hi));
        return Generate.frequency(List.of(Pair.of(6, logUniform), Pair.of(1, powerOfTwo), Pair.of(1, endpoint)))
                .map(s -> {
                    if (s == Math.scalb(1.0, Math.getExponent(s))) {
                        PropertyHarness.regime(POWER_OF_TWO_SCALE);
                    }
                    if (s > 1e100 || s < 1e-100) {
                        PropertyHarness.regime(EXTREME_SCALE);
                    }
                    return s;
                });
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    // ------------------------------------------------------------------------------------------------- vectors

    /** Vectors of {@code d} independent standard normal entries. */
    public static Gen<double[]> gaussianVectors(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d: must be >= 1, got " + d);
        }
        Gen<Double> z = standardNormals();
        Gen<double[]> g = source -> {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = z.generate(source);
            }
            return v;
        };
        return g.describedAs(Arrays::toString);
    }

    /** Gaussian vectors whose dimension is drawn first (for example from {@link #dimensions()}). */
    public static Gen<double[]> gaussianVectors(Gen<Integer> dims) {
        return dims.flatMap(CommonGens::gaussianVectors).describedAs(Arrays::toString);
    }

    /**
     * Unit vectors uniform on the sphere {@code S^(d-1)}: a Gaussian vector divided by its (scaled, compensated)
     * norm, so the result has norm 1 to within a few ulps. A Gaussian draw of norm below {@code 1e-3} (which
     * shrinking produces on purpose) is replaced by the first coordinate vector, regime
     * {@link #COORDINATE_FALLBACK}: the vectors stay bounded away from zero before normalization.
     */
    public static Gen<double[]> unitVectors(int d) {
        return gaussianVectors(d).map(CommonGens::unitOrFirstAxis).describedAs(Arrays::toString);
    }

    /** Unit vectors whose dimension is drawn first. */
    public static Gen<double[]> unitVectors(Gen<Integer> dims) {
        return dims.flatMap(CommonGens::unitVectors).describedAs(Arrays::toString);
    }

    private static double[] unitOrFirstAxis(double[] g) {
        double n = AccurateSums.norm2(g);
        double[] u = new double[g.length];
        if (!(n >= 1e-3)) {
            PropertyHarness.regime(COORDINATE_FALLBACK);
            u[0] = 1;
            return u;
        }
        for (int i = 0; i < g.length; i++) {
            u[i] = g[i] / n;
        }
        return u;
    }

    /**
     * Vectors of mixed magnitude: every entry is a Gaussian times {@code 10^-k}, where {@code k} is 0 for at least
     * one entry (entry 0 or a drawn one) and otherwise drawn from {@code {0, 0, 0, 8, 16, 100, 200, 300, 320}}; the
     * last gives subnormal entries. Regimes {@link #MIXED_MAGNITUDE} and {@link #SUBNORMAL}.
     */
    public static Gen<double[]> mixedMagnitudeVectors(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d: must be >= 1, got " + d);
        }
        Gen<Double> z = standardNormals();
        Gen<Integer> exponent = Generate.pick(List.of(0, 0, 0, 8, 16, 100, 200, 300, 320));
        Gen<Integer> anchor = Generate.range(0, d - 1, 0);
        Gen<double[]> g = source -> {
            int big = anchor.generate(source);
            double[] v = new double[d];
            boolean tiny = false;
            boolean subnormal = false;
            for (int i = 0; i < d; i++) {
                double x = z.generate(source);
                int k = exponent.generate(source);
                if (i == big) {
                    // Keep one entry of order 1 (and nonzero), so the vector has a direction.
                    v[i] = Math.abs(x) < 0.5 ? Math.copySign(0.5 + Math.abs(x), x == 0 ? 1 : x) : x;
                } else {
                    v[i] = k == 0 ? x : x * StrictMath.pow(10, -k);
                    tiny |= k >= 200 && v[i] != 0;
                    subnormal |= v[i] != 0 && Math.abs(v[i]) < Double.MIN_NORMAL;
                }
            }
            if (tiny) {
                PropertyHarness.regime(MIXED_MAGNITUDE);
            }
            if (subnormal) {
                PropertyHarness.regime(SUBNORMAL);
            }
            return v;
        };
        return g.describedAs(Arrays::toString);
    }

    /** Mixed-magnitude vectors whose dimension is drawn first. */
    public static Gen<double[]> mixedMagnitudeVectors(Gen<Integer> dims) {
        return dims.flatMap(CommonGens::mixedMagnitudeVectors).describedAs(Arrays::toString);
    }

    // ------------------------------------------------------------------------------------------ pairs of units

    /** How a {@link UnitPair} was built. */
    public enum PairRegime {
        /** Two independent uniform unit vectors. */
        GENERIC,
        /** {@code b = unit(a + eta r)}. */
        NEAR_EQUAL,
        /** {@code b = unit(-a + eta r)}. */
        NEAR_ANTIPODAL,
        /** {@code b = a} exactly. */
        EQUAL,
        /** {@code b = -a} exactly. */
        ANTIPODAL
    }

    /**
     * Two unit vectors of the same dimension and how they were built.
     *
     * @param a      first unit vector
     * @param b      second unit vector
     * @param regime the construction
     * @param eta    the perturbation size for the near regimes, 0 otherwise
     */
    public record UnitPair(double[] a, double[] b, PairRegime regime, double eta) {

        /** Copies the arrays, so a pair is a value. */
        public UnitPair {
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

        /** {@code true} for the regimes at or near {@code b = +-a}. */
        public boolean nearSingular() {
            return regime != PairRegime.GENERIC;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnitPair p && Arrays.equals(a, p.a) && Arrays.equals(b, p.b) && regime == p.regime
                    && Double.compare(eta, p.eta) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(a) + Arrays.hashCode(b)) + regime.hashCode();
        }

        @Override
        public String toString() {
            return regime + (eta > 0 ? " eta=" + eta : "") + " a=" + Arrays.toString(a) + " b=" + Arrays.toString(b);
        }
    }

    /**
     * Pairs of unit vectors: a third generic, a third near-singular ({@code b = unit(+-a + eta r)} with {@code r}
     * Gaussian projected off {@code a} and {@code eta} from {@link #ETAS}, so {@code |b -+ a| ~ eta |r|}), a sixth exactly equal and a sixth exactly antipodal. Regimes
     * {@link #NEAR_EQUAL}, {@link #NEAR_ANTIPODAL}, {@link #EQUAL}, {@link #ANTIPODAL}.
     */
    public static Gen<UnitPair> unitPairs(Gen<Integer> dims) {
        return dims.flatMap(d -> unitPairs(d, 2, 2, 1, 1));
    }

    /** Generic pairs only (no hard regime): two independent uniform unit vectors. */
    public static Gen<UnitPair> genericUnitPairs(Gen<Integer> dims) {
        return dims.flatMap(d -> unitPairs(d, 1, 0, 0, 0));
    }

    /** Near-singular pairs only, both signs, every eta of {@link #ETAS}. */
    public static Gen<UnitPair> nearSingularUnitPairs(Gen<Integer> dims) {
        return dims.flatMap(d -> unitPairs(d, 0, 1, 0, 0));
    }

    /**
     * Pairs of unit vectors in dimension {@code d} with the given relative weights of the regimes.
     *
     * @param generic   weight of independent pairs
     * @param near      weight of near-equal plus near-antipodal pairs (half each)
     * @param equal     weight of exactly equal pairs
     * @param antipodal weight of exactly antipodal pairs
     */
    public static Gen<UnitPair> unitPairs(int d, int generic, int near, int equal, int antipodal) {
        Gen<double[]> unit = unitVectors(d);
        Gen<double[]> gauss = gaussianVectors(d);
        Gen<Double> eta = Generate.pick(ETAS);
        Gen<Boolean> plus = Generate.booleans();
        List<Pair<Integer, Gen<UnitPair>>> parts = new ArrayList<>();
        if (generic > 0) {
            parts.add(Pair.of(generic, unit.zip(unit, (a, b) -> new UnitPair(a, b, PairRegime.GENERIC, 0))));
        }
        if (near > 0) {
            parts.add(Pair.of(near, unit.zip(gauss, eta, plus, CommonGens::nearPair)));
        }
        if (equal > 0) {
            parts.add(Pair.of(equal, unit.map(a -> {
                PropertyHarness.regime(EQUAL);
                return new UnitPair(a, a, PairRegime.EQUAL, 0);
            })));
        }
        if (antipodal > 0) {
            parts.add(Pair.of(antipodal, unit.map(a -> {
                PropertyHarness.regime(ANTIPODAL);
                return new UnitPair(a, negate(a), PairRegime.ANTIPODAL, 0);
            })));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("weights: at least one regime weight must be positive");
        }
        return Generate.frequency(parts);
    }

    private static UnitPair nearPair(double[] a, double[] r, double eta, boolean plus) {
        int d = a.length;
        // Only the part of r orthogonal to a moves the direction; a zero or parallel draw (shrinking produces them)
        // is replaced by the coordinate axis of the smallest |a_j| made orthogonal to a, so the pair is never exact.
        double[] perp = r.clone();
        double k = AccurateSums.dot(a, perp);
        for (int i = 0; i < d; i++) {
            perp[i] -= k * a[i];
        }
        if (!(AccurateSums.norm2(perp) > 1e-3 * Math.max(1, AccurateSums.norm2(r)))) {
            int j = 0;
            for (int i = 1; i < d; i++) {
                j = Math.abs(a[i]) < Math.abs(a[j]) ? i : j;
            }
            for (int i = 0; i < d; i++) {
                perp[i] = (i == j ? 1 : 0) - a[j] * a[i];
            }
        }
        double sign = plus ? 1 : -1;
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            b[i] = sign * a[i] + eta * perp[i];
        }
        double n = AccurateSums.norm2(b);
        for (int i = 0; i < d; i++) {
            b[i] /= n;
        }
        PropertyHarness.regime(plus ? NEAR_EQUAL : NEAR_ANTIPODAL);
        return new UnitPair(a, b, plus ? PairRegime.NEAR_EQUAL : PairRegime.NEAR_ANTIPODAL, eta);
    }

    private static double[] negate(double[] a) {
        double[] n = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            n[i] = -a[i];
        }
        return n;
    }

    // -------------------------------------------------------------------------------------- orthogonal matrices

    /**
     * Random orthogonal {@code d x d} matrices: seven in eight Haar-distributed (Q of the QR factorization of a
     * Gaussian matrix, each column multiplied by the sign of the matching diagonal entry of R, which makes the
     * distribution exactly Haar), one in eight a random signed permutation (exact entries). Regimes
     * {@link #IMPROPER_ORTHOGONAL} (determinant -1) and {@link #SIGNED_PERMUTATION}.
     */
    public static Gen<double[][]> orthogonalMatrices(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d: must be >= 1, got " + d);
        }
        Gen<double[]> gauss = gaussianVectors(d * d);
        Gen<double[][]> haar = gauss.map(flat -> haar(flat, d));
        Gen<double[][]> perm = signedPermutations(d);
        Gen<double[][]> g = Generate.frequency(List.of(Pair.of(7, haar), Pair.of(1, perm))).map(q -> {
            if (DenseLinearAlgebra.determinant(q, "q") < 0) {
                PropertyHarness.regime(IMPROPER_ORTHOGONAL);
            }
            return q;
        });
        return g.describedAs(CommonGens::matrixString);
    }

    /** Random orthogonal matrices whose dimension is drawn first. */
    public static Gen<double[][]> orthogonalMatrices(Gen<Integer> dims) {
        return dims.flatMap(CommonGens::orthogonalMatrices).describedAs(CommonGens::matrixString);
    }

    private static double[][] haar(double[] flat, int d) {
        double[][] g = new double[d][d];
        boolean zero = true;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g[i][j] = flat[i * d + j];
                zero &= g[i][j] == 0;
            }
        }
        if (zero) {
            // A shrunk all-zero draw: the identity is a valid (and the simplest) orthogonal matrix.
            return DenseLinearAlgebra.identity(d);
        }
        return signFixedQ(g);
    }

    /**
     * The Haar-distributed orthogonal factor of a square Gaussian matrix {@code G}: {@code Q} of {@code G = Q R}
     * with each column multiplied by the sign of the matching diagonal entry of {@code R} (without the sign fix the
     * distribution of {@code Q} depends on the QR convention and is not Haar).
     *
     * @param g a square matrix of independent standard normal entries
     * @return the sign-fixed {@code Q}, orthogonal
     */
    public static double[][] signFixedQ(double[][] g) {
        DenseLinearAlgebra.QR qr = DenseLinearAlgebra.qr(g, "g");
        double[][] q = qr.q();
        for (int j = 0; j < q.length; j++) {
            if (qr.r()[j][j] < 0) {
                for (int i = 0; i < q.length; i++) {
                    q[i][j] = -q[i][j];
                }
            }
        }
        return q;
    }

    private static Gen<double[][]> signedPermutations(int d) {
        Gen<Integer> index = Generate.range(0, Integer.MAX_VALUE - 1, 0);
        Gen<Boolean> flip = Generate.booleans();
        Gen<double[][]> g = source -> {
            int[] p = new int[d];
            for (int i = 0; i < d; i++) {
                p[i] = i;
            }
            for (int i = d - 1; i > 0; i--) {
                int j = index.generate(source) % (i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            double[][] m = new double[d][d];
            for (int i = 0; i < d; i++) {
                m[i][p[i]] = flip.generate(source) ? -1 : 1;
            }
            PropertyHarness.regime(SIGNED_PERMUTATION);
            return m;
        };
        return g;
    }

    private static String matrixString(double[][] m) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Arrays.toString(m[i]));
        }
        return b.append(']').toString();
    }
}
