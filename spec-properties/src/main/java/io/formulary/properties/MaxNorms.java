package io.formulary.properties;

/**
 * Entrywise max-norm measurements shared by the property tests: the largest magnitude of a matrix and the largest
 * entrywise difference of two vectors or matrices, the error measures of most matrix-valued properties.
 *
 * <p>A difference that involves NaN counts as infinite, so a NaN can never pass an {@code error <= bound} check,
 * however the check is written; mismatched shapes fail with an {@link AssertionError} instead of comparing a prefix.
 */
public final class MaxNorms {

    private MaxNorms() {
    }

    /** {@code max_ij |a_ij|} (0 for an empty matrix; NaN if an entry is NaN). */
    public static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double x : row) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** {@code max_i |a_i - b_i|}, infinite if either holds NaN. */
    public static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " differs from " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double e = Math.abs(a[i] - b[i]);
            m = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(m, e);
        }
        return m;
    }

    /** {@code max_ij |a_ij - b_ij|}, infinite if either holds NaN. */
    public static double maxAbsDiff(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " rows differ from " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, maxAbsDiff(a[i], b[i]));
        }
        return m;
    }
}
