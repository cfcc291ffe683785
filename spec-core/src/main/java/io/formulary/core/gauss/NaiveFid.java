package io.formulary.core.gauss;

import io.formulary.core.numeric.DenseLinearAlgebra;

/**
 * A negative control, NOT a reference: the trace term {@code Tr sqrtm(S_p S_q)} of {@code W_2} as common FID code
 * computes it, with a general (non-symmetric) square root of the product {@code S_p S_q} by the Denman-Beavers
 * iteration and explicit inverses. It ignores the symmetric structure ({@link Wasserstein} uses
 * {@code sqrt(eig(L_p^T S_q L_p))}), so the difference {@code Tr S_p + Tr S_q - 2 Tr sqrtm(S_p S_q)} cancels to noise
 * for nearly equal covariances. The GAUSS report plots it to show that failure and a GAUSS mutant is built on it;
 * nothing else should call it. No argument checks.
 */
public final class NaiveFid {

    private NaiveFid() {
    }

    /**
     * {@code Tr Y_k} after {@code iterations} Denman-Beavers steps {@code Y <- (Y + Z^-1)/2}, {@code Z <- (Z + Y^-1)/2}
     * from {@code Y = S_p S_q}, {@code Z = I}: the trace of the principal square root of {@code S_p S_q}.
     *
     * @param sp         covariance {@code S_p}, {@code n x n}
     * @param sq         covariance {@code S_q}, {@code n x n}
     * @param iterations number of Denman-Beavers steps (no convergence test)
     * @return {@code Tr Y_k}
     */
    public static double traceSqrtProduct(double[][] sp, double[][] sq, int iterations) {
        int n = sp.length;
        double[][] y = DenseLinearAlgebra.multiply(sp, sq);
        double[][] z = DenseLinearAlgebra.identity(n);
        for (int it = 0; it < iterations; it++) {
            double[][] yi = inverse(y);
            double[][] zi = inverse(z);
            double[][] y2 = new double[n][n];
            double[][] z2 = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    y2[i][j] = 0.5 * (y[i][j] + zi[i][j]);
                    z2[i][j] = 0.5 * (z[i][j] + yi[i][j]);
                }
            }
            y = y2;
            z = z2;
        }
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += y[i][i];
        }
        return tr;
    }

    /** The explicit inverse, column by column from solves (as the FID code it imitates does). */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] inv = new double[n][n];
        double[][] id = DenseLinearAlgebra.identity(n);
        for (int j = 0; j < n; j++) {
            double[] col = DenseLinearAlgebra.solve(a, id[j], "a");
            for (int i = 0; i < n; i++) {
                inv[i][j] = col[i];
            }
        }
        return inv;
    }
}
