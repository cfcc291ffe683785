package io.formulary.properties.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Tolerance;

import static io.formulary.properties.MaxNorms.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ORTHO tolerances and error measures, written once. Products and residuals use the fma-compensated dot
 * product, so the measured errors are those of the matrices, not of the measurement.
 */
final class OrthoMetrics {

    static final double U = Tolerance.UNIT_ROUNDOFF;

    private OrthoMetrics() {
    }

    /** TOL {@code = 16 max(d, 4) u}: invariants of one computed matrix. */
    static double tol(int d) {
        return 16 * Math.max(d, 4) * U;
    }

    /**
     * TOL-cond {@code = 16 d u (1 + 1/rho)}: two different computations of the same ill-conditioned matrix.
     * {@code rho = 0} (an exactly singular input handled by the same deterministic fallback) gives TOL.
     */
    static double tolCond(int d, double rho) {
        return rho == 0 ? tol(d) : Math.max(tol(d), 16 * d * U * (1 + 1 / rho));
    }

    /** The raw article formulas' tolerance {@code 16 d u (1 + 1/rho^2)}. */
    static double tolRaw(int d, double rho) {
        return 16 * d * U * (1 + 1 / (rho * rho));
    }

    /** {@code max(max|(T^T T - I)_ij|, max|(T T^T - I)_ij|)}. */
    static double orthogonalityError(double[][] t) {
        double[][] cols = DenseLinearAlgebra.transpose(t);
        return Math.max(gramError(cols), gramError(t));
    }

    private static double gramError(double[][] rows) {
        double worst = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i; j < rows.length; j++) {
                double g = AccurateSums.dot(rows[i], rows[j]) - (i == j ? 1 : 0);
                worst = Math.max(worst, Double.isNaN(g) ? Double.POSITIVE_INFINITY : Math.abs(g));
            }
        }
        return worst;
    }

    /** {@code T x} with compensated row products. */
    static double[] times(double[][] t, double[] x) {
        return DenseLinearAlgebra.multiply(t, x);
    }

    /** {@code ||X - Y||_F}. */
    static double frobeniusDiff(double[][] x, double[][] y) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            d[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                d[i][j] = x[i][j] - y[i][j];
            }
        }
        double n = AccurateSums.normFrobenius(d);
        return Double.isNaN(n) ? Double.POSITIVE_INFINITY : n;
    }

    /** {@code ||T a_hat - b_hat||_inf}. */
    static double mappingError(double[][] t, double[] aHat, double[] bHat) {
        return maxAbsDiff(times(t, aHat), bHat);
    }

    /** The identity minus nothing: {@code delta_ij + f * n_i m_j} summed over the given rank-one terms. */
    static double[][] identityPlus(int d, double[][] us, double[][] vs, double[] factors) {
        double[][] t = DenseLinearAlgebra.identity(d);
        for (int k = 0; k < factors.length; k++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    t[i][j] += factors[k] * us[k][i] * vs[k][j];
                }
            }
        }
        return t;
    }

    static double[][] negate(double[][] t) {
        double[][] n = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            n[i] = new double[t[i].length];
            for (int j = 0; j < t[i].length; j++) {
                n[i][j] = -t[i][j];
            }
        }
        return n;
    }

    static double[] negate(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            n[i] = -x[i];
        }
        return n;
    }

    static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f * x[i];
        }
        return y;
    }

    static double dot(double[] x, double[] y) {
        return AccurateSums.dot(x, y);
    }

    /** Asserts {@code error <= bound} (NaN fails) with a message naming the property, the check and both numbers. */
    static void within(String id, String what, double error, double bound) {
        assertThat(error).as("%s %s: error %s, bound %s", id, what, error, bound).isLessThanOrEqualTo(bound);
    }
}
