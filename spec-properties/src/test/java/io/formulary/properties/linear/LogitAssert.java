package io.formulary.properties.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertion and measurement helpers of the LOGIT tests: every failure names the ID, values, error and bound. */
final class LogitAssert {

    static final double EPS = 0x1p-52;

    private LogitAssert() {
    }

    /** Asserts {@code |actual - expected| <= bound}. */
    static void close(String id, String what, double expected, double actual, double bound) {
        double err = Math.abs(actual - expected);
        assertThat(err <= bound)
                .as("%s %s: expected %s, actual %s, error %s, bound %s", id, what, expected, actual, err, bound)
                .isTrue();
    }

    /** Asserts a measured error is within its bound. */
    static void within(String id, String what, double error, double bound) {
        assertThat(error <= bound).as("%s %s: error %s, bound %s", id, what, error, bound).isTrue();
    }

    /** Spectral condition number of a symmetric positive (semi)definite matrix (infinite when singular). */
    static double kappa(double[][] s) {
        double[] ev = DenseLinearAlgebra.symmetricEigen(symmetrized(s), "s").values();
        double min = ev[0];
        double max = ev[ev.length - 1];
        return min > 0 ? Math.max(1, max / min) : Double.POSITIVE_INFINITY;
    }

    /** 2-norm condition number of a rectangular matrix, from its singular values. */
    static double kappa2(double[][] a) {
        double[] s = DenseLinearAlgebra.svd(a, "a").singularValues();
        return s[s.length - 1] > 0 ? s[0] / s[s.length - 1] : Double.POSITIVE_INFINITY;
    }

    static double[][] symmetrized(double[][] s) {
        int n = s.length;
        double[][] o = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                o[a][b] = 0.5 * (s[a][b] + s[b][a]);
            }
        }
        return o;
    }

    static double maxAbs(double[][] m) {
        double r = 0;
        for (double[] row : m) {
            r = Math.max(r, AccurateSums.maxAbs(row));
        }
        return r;
    }

    static double maxAbs(double[] v) {
        return AccurateSums.maxAbs(v);
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double r = 0;
        for (int i = 0; i < a.length; i++) {
            r = Math.max(r, maxAbsDiff(a[i], b[i]));
        }
        return r;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double r = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            r = Math.max(r, d);
        }
        return r;
    }

    static double[][] column(double[][] m, int c) {
        double[][] o = new double[m.length][1];
        for (int j = 0; j < m.length; j++) {
            o[j][0] = m[j][c];
        }
        return o;
    }

    static double[] times(double[] x, double[][] m) {
        double[] out = new double[m[0].length];
        double[] col = new double[m.length];
        for (int c = 0; c < out.length; c++) {
            for (int a = 0; a < m.length; a++) {
                col[a] = m[a][c];
            }
            out[c] = AccurateSums.dot(x, col);
        }
        return out;
    }

    /** {@code A^-1 B} columnwise by LU (tests only; the reference never inverts). */
    static double[][] solve(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        double[] col = new double[a.length];
        for (int c = 0; c < b[0].length; c++) {
            for (int r = 0; r < a.length; r++) {
                col[r] = b[r][c];
            }
            double[] s = DenseLinearAlgebra.solve(a, col, "a");
            for (int r = 0; r < a.length; r++) {
                out[r][c] = s[r];
            }
        }
        return out;
    }
}
