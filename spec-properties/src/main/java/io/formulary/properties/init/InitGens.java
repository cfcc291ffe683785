package io.formulary.properties.init;

import io.formulary.properties.PropertyHarness;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Generators of the INIT chapter, built constructively and mixing in the hard regimes on purpose (tiny and TF
 * half-widths, far-tail and infinite windows, windows narrower than 1e-7, huge and tiny LayerNorm rows, constant
 * rows, outliers); each hard value is counted with {@link PropertyHarness#regime}.
 */
public final class InitGens {

    private InitGens() {
    }

    /** {@code 10^u}, u uniform in {@code [log10 lo, log10 hi]}. */
    public static Gen<Double> logUniform(double lo, double hi) {
        // Clamped: 10^log10(x) can round one ulp outside [lo, hi].
        return doubles().between(StrictMath.log10(lo), StrictMath.log10(hi))
                .map(e -> Math.min(hi, Math.max(lo, StrictMath.pow(10, e))));
    }

    /** Truncation half-widths: log-uniform in {@code [0.01, 8]} plus the named values {0.5, 1, 2, 3}. */
    public static Gen<Double> halfWidths() {
        Gen<Double> named = Generate.pick(List.of(0.5, 1.0, 2.0, 3.0)).map(c -> {
            PropertyHarness.regime("named c");
            return c;
        });
        Gen<Double> small = logUniform(0.01, 0.1).map(c -> {
            PropertyHarness.regime("small c (cancelling closed form)");
            return c;
        });
        return logUniform(0.01, 8).mix(named, 25).mix(small, 20);
    }

    /** A standardized truncation window {@code [a, b]} (N(0,1) units). */
    public record Window(double a, double b) {
        @Override
        public String toString() {
            return "[" + a + ", " + b + "]";
        }
    }

    /**
     * Standardized windows: {@code a} uniform in {@code [-40, 40]}, widths log-uniform in {@code [1e-9, 80]},
     * each end infinite with probability 0.2 (never both, so the window is a proper truncation or a half line).
     */
    public static Gen<Window> windows() {
        Gen<Double> lower = doubles().between(-40, 40);
        Gen<Double> width = logUniform(1e-9, 80);
        Gen<Integer> ends = integers().between(0, 9);
        return lower.zip(width, ends, (a, w, e) -> {
            double lo = a;
            double hi = a + w;
            if (!(hi > lo)) {
                hi = Math.nextUp(lo);
            }
            if (e < 2) {
                lo = Double.NEGATIVE_INFINITY;
                PropertyHarness.regime("lower end infinite");
            } else if (e < 4) {
                hi = Double.POSITIVE_INFINITY;
                PropertyHarness.regime("upper end infinite");
            }
            double near = Math.min(Math.abs(lo), Math.abs(hi));
            if (near > 8 && (lo > 0 || hi < 0)) {
                PropertyHarness.regime("far tail (beyond 8 sigma)");
            }
            if (hi - lo < 1e-6) {
                PropertyHarness.regime("narrow window (< 1e-6)");
            }
            return new Window(lo, hi);
        });
    }

    /** Windows where the closed form is valid as a cross-check: both ends within 8, width at least 0.1. */
    public static Gen<Window> moderateWindows() {
        return doubles().between(-8, 7.9).zip(logUniform(0.1, 16), (a, w) -> {
            double b = Math.min(a + w, 8);
            if (b - a < 0.1) {
                b = a + 0.1;
            }
            return new Window(a, b);
        });
    }

    /** Locations {@code mu in [-1e3, 1e3]}. */
    public static Gen<Double> locations() {
        return doubles().between(-1e3, 1e3);
    }

    /** Scales {@code sigma} log-uniform in {@code [1e-6, 1e3]}. */
    public static Gen<Double> scales() {
        return logUniform(1e-6, 1e3);
    }

    /** Fan sizes {1, 2, 3, 17, 64, 257, 1024}. */
    public static Gen<Integer> fans() {
        return Generate.pick(List.of(1, 2, 3, 17, 64, 257, 1024));
    }

    /** Widths {1, 2, 3, 64, 127, 512}. */
    public static Gen<Integer> widths() {
        return Generate.pick(List.of(1, 2, 3, 64, 127, 512));
    }

    /** Epsilons {0, 1e-12, 1e-6, 1e-5, 1e-3, 1}. */
    public static Gen<Double> epsilons() {
        return Generate.pick(List.of(0.0, 1e-12, 1e-6, 1e-5, 1e-3, 1.0));
    }

    /**
     * Normalization rows of width d in {2, 3, 8, 64, 127}: Gaussian rows times a magnitude in
     * {@code 10^{-150..150}}, with a random offset, plus rows with one huge outlier; never constant (see
     * {@link #constantRows}).
     */
    public static Gen<double[]> normRows() {
        Gen<Integer> d = Generate.pick(List.of(2, 3, 8, 64, 127));
        Gen<Integer> magnitude = Generate.pick(List.of(-150, -20, -3, 0, 0, 0, 3, 20, 150));
        Gen<Long> seeds = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
        Gen<Integer> kind = integers().between(0, 9);
        return d.zip(magnitude, seeds, kind, (n, mag, seed, k) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            double scale = StrictMath.pow(10, mag);
            if (Math.abs(mag) == 150) {
                PropertyHarness.regime("row magnitude 1e+-150");
            }
            double[] x = new double[n];
            double offset = r.nextDouble(-2, 2);
            for (int i = 0; i < n; i++) {
                x[i] = scale * (r.nextGaussian() + offset);
            }
            if (k == 0) {
                x[r.nextInt(n)] *= 1e6;
                PropertyHarness.regime("row with one huge outlier");
            }
            boolean constant = true;
            for (double v : x) {
                constant &= v == x[0];
            }
            if (constant) {
                x[0] = Math.nextUp(x[0]);
            }
            return x;
        });
    }

    /** Constant rows (zero variance) of width 1..64 and value in {@code [-10, 10]} (including all-zero rows). */
    public static Gen<double[]> constantRows() {
        return integers().between(1, 64).zip(doubles().between(-10, 10), integers().between(0, 4), (n, v, z) -> {
            double[] x = new double[n];
            java.util.Arrays.fill(x, z == 0 ? 0.0 : v);
            PropertyHarness.regime(z == 0 ? "all-zero row" : "constant row");
            return x;
        });
    }
}
