package io.formulary.core.nn;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** LayerNorm and RMSNorm, row-wise (WIDEN-F3). */
public final class Norms {

    private Norms() {
    }

    /**
     * One normalized row.
     *
     * <p>$$\text{LayerNorm: } \mu=\tfrac1d\sum_i x_i,\ \sigma^2=\tfrac1d\sum_i(x_i-\mu)^2,\
     * y_i=\gamma_i\frac{x_i-\mu}{\sqrt{\sigma^2+\varepsilon}}+\beta_i;\qquad
     * \text{RMSNorm: } y_i=\gamma_i\frac{x_i}{\sqrt{\overline{x^2}+\varepsilon}}.$$
     *
     * <p>Domain: finite {@code x}, {@code gamma}, {@code beta} of one length {@code d >= 1}; {@code epsilon >= 0}.
     * Population variance ({@code 1/d}) with {@code epsilon} inside the root. Evaluated in two passes (compensated
     * mean, then compensated sum of centred squares; never {@code mean(x^2) - mu^2}, which cancels), with
     * {@code r = 1/sqrt(var + eps)} computed once. Special case: a constant row with {@code epsilon = 0} has no
     * normalization and is rejected. Accuracy: a few ulps times the condition number
     * {@code max|x_i|/sqrt(var+eps)}. Source: WIDEN-F3.
     *
     * @param kind    LayerNorm or RMSNorm
     * @param x       the row, length {@code d}
     * @param gamma   gain, length {@code d}
     * @param beta    shift, length {@code d} (LayerNorm; ignored and may be null for RMSNorm)
     * @param epsilon {@code >= 0}
     * @return the normalized row
     * @throws IllegalArgumentException on non-finite or mismatched input, negative epsilon, or
     *                                  {@code variance + epsilon == 0}
     */
    @Formula(value = "WIDEN-F3", title = "LayerNorm / RMSNorm of one row",
            args = {@Formula.Arg(name = "kind", shape = "enum(LAYER_NORM|RMS_NORM)"),
                    @Formula.Arg(name = "x", shape = "vector[d]"),
                    @Formula.Arg(name = "gamma", shape = "vector[d]"),
                    @Formula.Arg(name = "beta", shape = "vector[d]", domain = "finite; absent (null) for RMS_NORM"),
                    @Formula.Arg(name = "epsilon", shape = "scalar", domain = ">= 0")},
            output = "vector[d]", accuracy = "a few ulps times max|x_i|/sqrt(var+eps)")
    public static double[] normalize(NormKind kind, double[] x, double[] gamma, double[] beta, double epsilon) {
        Checks.notNull(kind, "kind");
        Checks.finite(x, "x");
        if (x.length == 0) {
            throw Checks.fail("x", "must not be empty");
        }
        Checks.length(gamma, x.length, "gamma");
        if (kind == NormKind.LAYER_NORM) {
            Checks.length(beta, x.length, "beta");
        }
        Checks.nonNegative(epsilon, "epsilon");
        return row(kind, x, gamma, beta, epsilon, "x");
    }

    /** LayerNorm of one row (see {@link #normalize}). */
    public static double[] layerNorm(double[] x, double[] gamma, double[] beta, double epsilon) {
        return normalize(NormKind.LAYER_NORM, x, gamma, beta, epsilon);
    }

    /** RMSNorm of one row (see {@link #normalize}). */
    public static double[] rmsNorm(double[] x, double[] gamma, double epsilon) {
        return normalize(NormKind.RMS_NORM, x, gamma, null, epsilon);
    }

    /**
     * The normalized part before the affine step: {@code (x-mu)/sqrt(var+eps)} (LayerNorm) or
     * {@code x/sqrt(mean(x^2)+eps)} (RMSNorm).
     */
    public static double[] normalizedPart(NormKind kind, double[] x, double epsilon) {
        double[] ones = new double[Checks.finite(x, "x").length];
        java.util.Arrays.fill(ones, 1.0);
        return normalize(kind, x, ones, kind == NormKind.LAYER_NORM ? new double[x.length] : null, epsilon);
    }

    /** The statistic under the root: population variance (LayerNorm) or mean square (RMSNorm), two-pass. */
    public static double secondMoment(NormKind kind, double[] x) {
        Checks.finite(x, "x");
        double[] c = kind == NormKind.LAYER_NORM ? centred(x) : x;
        return AccurateSums.dot(c, c) / x.length;
    }

    private static double[] centred(double[] x) {
        double mu = AccurateSums.sum(x) / x.length;
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i] - mu;
        }
        return c;
    }

    /** Unchecked row evaluation; {@code label} names the norm and row in the degenerate-row message. */
    static double[] row(NormKind kind, double[] x, double[] gamma, double[] beta, double epsilon, String label) {
        // Two-pass: centre first, then square, so a large mean does not cancel the variance.
        double[] c = kind == NormKind.LAYER_NORM ? centred(x) : x;
        double m2 = AccurateSums.dot(c, c) / x.length;
        double denom = m2 + epsilon;
        if (!(denom > 0)) {
            throw new IllegalArgumentException(label + ": variance+epsilon == 0");
        }
        double r = 1.0 / Math.sqrt(denom);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = gamma[i] * (c[i] * r);
            y[i] = kind == NormKind.LAYER_NORM ? v + beta[i] : v;
        }
        return y;
    }

    /** Row-wise norm of a matrix with a label such as {@code LayerNorm L1.norm2} for error messages. */
    static double[][] rows(NormKind kind, double[][] x, double[] gamma, double[] beta, double epsilon, String label) {
        double[][] y = new double[x.length][];
        String name = (kind == NormKind.LAYER_NORM ? "LayerNorm " : "RMSNorm ") + label;
        for (int m = 0; m < x.length; m++) {
            y[m] = row(kind, x[m], gamma, beta, epsilon, name + " row " + m);
        }
        return y;
    }
}
