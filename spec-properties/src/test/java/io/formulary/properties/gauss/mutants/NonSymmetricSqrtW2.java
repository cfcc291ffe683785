package io.formulary.properties.gauss.mutants;

import io.formulary.core.gauss.Wasserstein;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: {@code W_2^2} as FID code computes it, {@code ||delta||^2 + Tr Sp + Tr Sq - 2 Tr sqrtm(Sp Sq)}
 * with a general (non-symmetric) square root of the product (Denman-Beavers iteration, "real part" taken), and the
 * difference of traces. Cancels to noise for nearly equal covariances. Caught by GAUSS-P7.
 */
public class NonSymmetricSqrtW2 extends ReferenceGauss {

    @Override
    public Wasserstein.W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        int n = muP.length;
        double[][] y = DenseLinearAlgebra.multiply(sigmaP, sigmaQ);
        double[][] z = DenseLinearAlgebra.identity(n);
        for (int it = 0; it < 60; it++) {
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
        double trRoot = 0;
        double tp = 0;
        double tq = 0;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            trRoot += y[i][i];
            tp += sigmaP[i][i];
            tq += sigmaQ[i][i];
            d2 += (muP[i] - muQ[i]) * (muP[i] - muQ[i]);
        }
        double w2s = Math.max(0, d2 + tp + tq - 2 * trRoot);
        return new Wasserstein.W2(w2s, Math.sqrt(w2s), trRoot);
    }

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
