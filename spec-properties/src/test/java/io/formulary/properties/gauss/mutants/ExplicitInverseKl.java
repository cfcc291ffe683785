package io.formulary.properties.gauss.mutants;

import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: KL through the textbook route with an explicit inverse and determinants,
 * {@code (Tr(Sq^-1 Sp) - n - log(det Sp / det Sq) + delta' Sq^-1 delta)/2}. Mathematically equal, but it cancels to
 * noise (zero or negative) for nearly equal covariances. Caught by GAUSS-P7.
 */
public class ExplicitInverseKl extends ReferenceGauss {

    @Override
    public double klDivergence(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        int n = muP.length;
        double[][] inv = new double[n][n];
        double[][] id = DenseLinearAlgebra.identity(n);
        for (int j = 0; j < n; j++) {
            double[] col = DenseLinearAlgebra.solve(sigmaQ, id[j], "sigmaQ");
            for (int i = 0; i < n; i++) {
                inv[i][j] = col[i];
            }
        }
        double[][] prod = DenseLinearAlgebra.multiply(inv, sigmaP);
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += prod[i][i];
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = muP[i] - muQ[i];
        }
        double[] sd = DenseLinearAlgebra.multiply(inv, d);
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += d[i] * sd[i];
        }
        double logRatio = StrictMath.log(DenseLinearAlgebra.determinant(sigmaP, "sigmaP")
                / DenseLinearAlgebra.determinant(sigmaQ, "sigmaQ"));
        return 0.5 * (tr - n - logRatio + m);
    }
}
