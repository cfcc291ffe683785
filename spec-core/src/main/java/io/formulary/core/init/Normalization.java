package io.formulary.core.init;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * LayerNorm (INIT-F15) and RMSNorm (INIT-F16) in the article's indexing: each row of {@code x} is one position
 * {@code (i, j)}, its entries the features {@code k = 0..d-1}; plus BatchNorm's per-feature statistics for
 * contrast. The reference Transformer ({@code io.formulary.core.nn.Norms}) evaluates the same formulas; these
 * restate them with power-of-two rescaling so rows of magnitude {@code 10^{+-150}} and beyond stay finite.
 */
public final class Normalization {

    private static final double HUGE = 1e150;
    private static final double TINY = 1e-150;

    private Normalization() {
    }

    /**
     * LayerNorm of every row, biased variance, epsilon inside the root:
     * $$y_{k}=\frac{x_{k}-\mu}{\sqrt{\sigma^2+\epsilon}}\gamma_k+\beta_k,\quad \mu=\frac1d\sum_kx_k,\quad \sigma^2=\frac1d\sum_k(x_k-\mu)^2.$$
     * Evaluation: compensated mean, then compensated sum of centred squares (two passes); if the largest centred
     * magnitude {@code s} is above {@code 1e150} or below {@code 1e-150}, the centred row is scaled by the power of
     * two nearest s (exact) and epsilon by its square, {@code y = x^/sqrt(mean(x^2) + eps/s^2)}. Identity at
     * {@code gamma = 1, beta = 0}: row mean 0 and row mean square {@code sigma^2/(sigma^2 + eps)}. Accuracy: a few ulps
     * times {@code max|x - mu|/sqrt(sigma^2 + eps)}. Source: INIT-F15.
     *
     * @param x       n x d rows, finite
     * @param gamma   gains, length d, finite
     * @param beta    shifts, length d, finite
     * @param epsilon {@code >= 0}, finite
     * @return the normalized rows
     * @throws IllegalArgumentException for non-finite input, mismatched lengths, negative or NaN epsilon, or
     *                                  {@code epsilon = 0} with a constant row ({@code "epsilon=0 and row 3 has zero variance"})
     */
    @Formula(value = "INIT-F15", title = "LayerNorm over the features of each row",
            args = {@Formula.Arg(name = "x", shape = "matrix[n][d]"),
                    @Formula.Arg(name = "gamma", shape = "vector[d]"),
                    @Formula.Arg(name = "beta", shape = "vector[d]"),
                    @Formula.Arg(name = "epsilon", shape = "scalar", domain = "finite, >= 0")},
            output = "matrix[n][d]", accuracy = "a few ulps times max|x - mu|/sqrt(var + eps)")
    public static double[][] layerNorm(double[][] x, double[] gamma, double[] beta, double epsilon) {
        Checks.finite(x, "x");
        int d = x[0].length;
        Checks.length(gamma, d, "gamma");
        Checks.length(beta, d, "beta");
        Checks.nonNegative(epsilon, "epsilon");
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = normalizeRow(x[r], gamma, beta, epsilon, true, r);
        }
        return y;
    }

    /**
     * RMSNorm of every row (no centring, no shift):
     * $$y_{k}=\frac{x_{k}}{\sqrt{\mathrm{ms}+\epsilon}}\gamma_k,\qquad \mathrm{ms}=\frac1d\sum_kx_{k}^2.$$
     * With {@code epsilon = 0}: {@code sqrt(d) x/||x||}. Equals LayerNorm for rows of mean exactly 0 and
     * {@code beta = 0}. Power-of-two rescaling as in {@link #layerNorm}. Accuracy: a few ulps. Source: INIT-F16.
     *
     * @param x       n x d rows, finite
     * @param gamma   gains, length d
     * @param epsilon {@code >= 0}
     * @return the normalized rows
     * @throws IllegalArgumentException as for LayerNorm, with an all-zero row and {@code epsilon = 0}
     */
    @Formula(value = "INIT-F16", title = "RMSNorm over the features of each row",
            args = {@Formula.Arg(name = "x", shape = "matrix[n][d]"),
                    @Formula.Arg(name = "gamma", shape = "vector[d]"),
                    @Formula.Arg(name = "epsilon", shape = "scalar", domain = "finite, >= 0")},
            output = "matrix[n][d]", accuracy = "a few ulps")
    public static double[][] rmsNorm(double[][] x, double[] gamma, double epsilon) {
        Checks.finite(x, "x");
        int d = x[0].length;
        Checks.length(gamma, d, "gamma");
        Checks.nonNegative(epsilon, "epsilon");
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = normalizeRow(x[r], gamma, null, epsilon, false, r);
        }
        return y;
    }

    /** RMSNorm of one row with unit gain (the residual-stack simulations' Norm). */
    public static double[] rmsNormRow(double[] x, double epsilon) {
        Checks.finite(x, "x");
        Checks.nonNegative(epsilon, "epsilon");
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1.0);
        return normalizeRow(x, ones, null, epsilon, false, 0);
    }

    /** LayerNorm of one row with unit gain and zero shift. */
    public static double[] layerNormRow(double[] x, double epsilon) {
        Checks.finite(x, "x");
        Checks.nonNegative(epsilon, "epsilon");
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1.0);
        return normalizeRow(x, ones, new double[x.length], epsilon, true, 0);
    }

    /** Mean square {@code (1/d) sum x_k^2} of a row, with power-of-two scaling against overflow. */
    public static double meanSquare(double[] x) {
        Checks.finite(x, "x");
        if (x.length == 0) {
            throw Checks.fail("x", "must not be empty");
        }
        double s = AccurateSums.maxAbs(x);
        if (s == 0) {
            return 0;
        }
        int e = Math.getExponent(s);
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.scalb(x[i], -e);
        }
        return Math.scalb(AccurateSums.dot(c, c) / x.length, 2 * e);
    }

    private static double[] normalizeRow(double[] x, double[] gamma, double[] beta, double epsilon, boolean center,
                                         int row) {
        int d = x.length;
        double[] c = new double[d];
        if (center) {
            double mu = AccurateSums.sum(x) / d;
            for (int k = 0; k < d; k++) {
                c[k] = x[k] - mu;
            }
        } else {
            System.arraycopy(x, 0, c, 0, d);
        }
        double s = AccurateSums.maxAbs(c);
        if (s == 0 && epsilon == 0) {
            throw new IllegalArgumentException("epsilon=0 and row " + row + (center ? " has zero variance" : " is all zeros"));
        }
        double eps = epsilon;
        if (s > HUGE || (s < TINY && s > 0)) {
            // Scale by a power of two: exact, so the result equals the unscaled formula's wherever that is finite.
            int e = Math.getExponent(s);
            for (int k = 0; k < d; k++) {
                c[k] = Math.scalb(c[k], -e);
            }
            eps = Math.scalb(epsilon, -2 * e);
        }
        double m2 = AccurateSums.dot(c, c) / d;
        double r = 1.0 / Math.sqrt(m2 + eps);
        double[] y = new double[d];
        for (int k = 0; k < d; k++) {
            double v = gamma[k] * (c[k] * r);
            y[k] = beta == null ? v : v + beta[k];
        }
        return y;
    }

    /**
     * BatchNorm's training-time normalization for contrast: each feature (column) normalized over the rows
     * (batch and positions), biased variance, epsilon inside the root, unit gain, zero shift.
     */
    public static double[][] batchNorm(double[][] x, double epsilon) {
        Checks.finite(x, "x");
        Checks.nonNegative(epsilon, "epsilon");
        int n = x.length;
        int d = x[0].length;
        double[][] y = new double[n][d];
        double[] col = new double[n];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < n; i++) {
                col[i] = x[i][k];
            }
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            double[] z = normalizeRow(col, ones, new double[n], epsilon, true, k);
            for (int i = 0; i < n; i++) {
                y[i][k] = z[i];
            }
        }
        return y;
    }
}
