package io.formulary.properties.gauss.mutants;

import io.formulary.core.gauss.NaiveFid;
import io.formulary.core.gauss.Wasserstein;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: {@code W_2^2} as FID code computes it, {@code ||delta||^2 + Tr Sp + Tr Sq - 2 Tr sqrtm(Sp Sq)}
 * with a general (non-symmetric) square root of the product ({@link NaiveFid}, 60 Denman-Beavers steps), and the
 * difference of traces. Cancels to noise for nearly equal covariances. Caught by GAUSS-P7.
 */
public class NonSymmetricSqrtW2 extends ReferenceGauss {

    @Override
    public Wasserstein.W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        int n = muP.length;
        double trRoot = NaiveFid.traceSqrtProduct(sigmaP, sigmaQ, 60);
        double tp = 0;
        double tq = 0;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            tp += sigmaP[i][i];
            tq += sigmaQ[i][i];
            d2 += (muP[i] - muQ[i]) * (muP[i] - muQ[i]);
        }
        double w2s = Math.max(0, d2 + tp + tq - 2 * trRoot);
        return new Wasserstein.W2(w2s, Math.sqrt(w2s), trRoot);
    }
}
