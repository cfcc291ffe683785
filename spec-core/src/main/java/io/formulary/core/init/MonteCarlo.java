package io.formulary.core.init;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** The Monte-Carlo error model used by every simulation of the INIT chapter (INIT-F27). */
public final class MonteCarlo {

    private MonteCarlo() {
    }

    /**
     * A replicate mean with its standard error.
     *
     * @param mean           {@code v-bar}
     * @param standardError  {@code s_v/sqrt R}
     * @param replicates     R
     */
    public record Estimate(double mean, double standardError, int replicates) {

        /** Whether {@code |mean - target| <= z SE + bias}. */
        public boolean accepts(double target, double z, double bias) {
            return Math.abs(mean - target) <= z * standardError + bias;
        }
    }

    /**
     * The replicate mean and its standard error:
     * $$\bar v=\frac1R\sum_rv_r,\qquad SE=\frac{s_v}{\sqrt R},\quad s_v^2=\frac1{R-1}\sum_r(v_r-\bar v)^2.$$
     * Two passes with compensated sums. Accept {@code |v-bar - target| <= z SE + beta} with z = 6 in generated
     * properties, 5 for single fixed-seed checks. Source: INIT-F27.
     *
     * @param values the R replicate values, finite, {@code R >= 2}
     * @return {mean, standard error}
     */
    @Formula(value = "INIT-F27", title = "Replicate mean and standard error",
            args = {@Formula.Arg(name = "values", shape = "vector[R]", domain = "finite, R >= 2")},
            output = "record(mean, standardError, replicates)", accuracy = "a few ulps")
    public static Estimate estimate(double[] values) {
        Checks.finite(values, "values");
        if (values.length < 2) {
            throw Checks.fail("R", "must be >= 2, got " + values.length);
        }
        int r = values.length;
        double mean = AccurateSums.sum(values) / r;
        double[] dev = new double[r];
        for (int i = 0; i < r; i++) {
            dev[i] = values[i] - mean;
        }
        double var = AccurateSums.dot(dev, dev) / (r - 1);
        return new Estimate(mean, Math.sqrt(var / r), r);
    }

    /** An estimate whose standard error comes from an analytic variance V: {@code SE = sqrt(V/R)}. */
    public static Estimate withAnalyticVariance(double[] values, double variance) {
        Checks.finite(values, "values");
        if (values.length < 2) {
            throw Checks.fail("R", "must be >= 2, got " + values.length);
        }
        Checks.nonNegative(variance, "variance");
        return new Estimate(AccurateSums.sum(values) / values.length, Math.sqrt(variance / values.length),
                values.length);
    }

    /** Two-sided acceptance {@code |mean - target| <= z SE + bias} with z checked positive. */
    public static boolean accepts(Estimate e, double target, double z, double bias) {
        if (!(z > 0)) {
            throw Checks.fail("z", "must be > 0, got " + z);
        }
        return e.accepts(target, z, bias);
    }

    /** Kolmogorov-Smirnov statistic {@code sup |F_R - F|} of a sample against a distribution function. */
    public static double kolmogorovSmirnov(double[] sample, java.util.function.DoubleUnaryOperator cdf) {
        Checks.finite(sample, "sample");
        double[] s = sample.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }
}
