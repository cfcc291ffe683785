package io.formulary.core.orthogonal;

import io.formulary.core.numeric.Checks;

/**
 * The article's closed forms ORTHO-F9, F10 and F12 evaluated literally, exactly as written: inputs divided by
 * their plain norm {@code sqrt(sum x_i^2)}, {@code c = a_hat . b_hat} as a plain dot product, and the denominators
 * {@code 1 + c} and {@code 1 - c} formed by subtraction.
 *
 * <p><b>This is not the reference.</b> It exists as a cross-check away from the singular inputs (ORTHO-P8, within
 * {@code 16 d u (1 + 1/rho^2)} for {@code rho >= 1e-3}) and as the negative control of the report's near-singular
 * stability plot (erratum O-E6): near {@code b = a} (Householder) or {@code b = -a} (rotation, symmetric) the
 * mapping error grows like {@code u / rho} and the orthogonality error like {@code u / rho^2}, and once the
 * denominator rounds to zero the result holds infinities or NaN. Use {@link UnitVectorTransforms} for values.
 *
 * <p>Validation is limited to nulls and lengths; non-finite results are returned as they come, on purpose.
 */
public final class ArticleForms {

    private ArticleForms() {
    }

    /** The article's normalization {@code x / sqrt(sum x_i^2)} (overflows for huge entries, on purpose). */
    public static double[] normalize(double[] x) {
        Checks.notNull(x, "x");
        double ss = 0;
        for (double xi : x) {
            ss += xi * xi;
        }
        double n = Math.sqrt(ss);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] / n;
        }
        return y;
    }

    /** The plain dot product, left to right. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** F9 literally: {@code I + 2 b a^T - (a+b)(a+b)^T / (1 + a.b)}; infinite or NaN at {@code b = -a}. */
    public static double[][] rotation(double[] a, double[] b) {
        double[] ah = normalize(checked(a, b));
        double[] bh = normalize(b);
        double denom = 1 + dot(ah, bh);
        int d = ah.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sij = (ah[i] + bh[i]) * (ah[j] + bh[j]);
                t[i][j] = (i == j ? 1 : 0) + 2 * bh[i] * ah[j] - sij / denom;
            }
        }
        return t;
    }

    /** F10 literally: {@code I - (a-b)(a-b)^T / (1 - a.b)}; infinite or NaN at {@code b = a}. */
    public static double[][] householder(double[] a, double[] b) {
        double[] ah = normalize(checked(a, b));
        double[] bh = normalize(b);
        double denom = 1 - dot(ah, bh);
        int d = ah.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = (i == j ? 1 : 0) - (ah[i] - bh[i]) * (ah[j] - bh[j]) / denom;
            }
        }
        return t;
    }

    /** F12 literally: {@code (a+b)(a+b)^T / (1 + a.b) - I}; infinite or NaN at {@code b = -a}. */
    public static double[][] symmetric(double[] a, double[] b) {
        double[] ah = normalize(checked(a, b));
        double[] bh = normalize(b);
        double denom = 1 + dot(ah, bh);
        int d = ah.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = (ah[i] + bh[i]) * (ah[j] + bh[j]) / denom - (i == j ? 1 : 0);
            }
        }
        return t;
    }

    /**
     * The article-form application of the rotation, {@code x + 2 (a.x) b - (s.x) s / (1 + c)}: mathematically equal
     * to {@link UnitVectorTransforms#applyRotation(double[], double[], double[])}, inaccurate near {@code b = -a}.
     */
    public static double[] applyRotation(double[] a, double[] b, double[] x) {
        double[] ah = normalize(checked(a, b));
        double[] bh = normalize(b);
        double denom = 1 + dot(ah, bh);
        int d = ah.length;
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = ah[i] + bh[i];
        }
        double ax = dot(ah, x);
        double sx = dot(s, x);
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + 2 * ax * bh[i] - sx * s[i] / denom;
        }
        return y;
    }

    private static double[] checked(double[] a, double[] b) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        if (a.length != b.length) {
            throw Checks.fail("b", "length " + b.length + " differs from a: length " + a.length);
        }
        return a;
    }
}
