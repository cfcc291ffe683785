package io.formulary.properties.contrastive.mutants;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.core.contrastive.L2Normalization;
import io.formulary.core.contrastive.LinearEncoder;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: back-propagates through the L2 normalisation of the linear encoder as {@code g / ||y||}, forgetting the
 * projection {@code - h <h, g>} of the F14 vector-Jacobian product (treats the norm as a constant).
 */
public final class NormalizationWithoutProjection extends ReferenceContrastive {
    @Override
    public GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X,
                                   int[] partner, double tau, boolean masked, int[] chunkSizes) {
        if (encoder != EncoderKind.LINEAR || !normalize) {
            return super.twoPass(encoder, r, d, normalize, theta, X, partner, tau, masked, chunkSizes);
        }
        double[][] y = LinearEncoder.forward(theta, X, d);
        double[][] h = L2Normalization.forward(y);
        double[][] up = ContrastiveLoss.labelVectors(h, partner, tau, masked);
        for (int i = 0; i < y.length; i++) {
            double n = AccurateSums.norm2(y[i]);
            for (int a = 0; a < d; a++) {
                up[i][a] /= n;
            }
        }
        return new GradientAndLoss(LinearEncoder.backward(theta, X, d, up), ContrastiveLoss.loss(h, partner, tau, masked));
    }
}
