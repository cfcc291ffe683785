package io.formulary.properties.contrastive.mutants;

import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: ignores the partner map and hard-codes the interleaved layout {@code pi(i) = i xor 1} (as SimCSE's Keras
 * code builds its labels), in the gradient and the label vectors. Right for interleaved batches, wrong as soon as
 * the batch is permuted.
 */
public final class AssumesInterleavedPartners extends ReferenceContrastive {

    private static int[] interleaved(int b) {
        int[] p = new int[b];
        for (int i = 0; i < b; i++) {
            p[i] = i ^ 1;
        }
        return p;
    }

    @Override
    public GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X,
                                   int[] partner, double tau, boolean masked, int[] chunkSizes) {
        return super.twoPass(encoder, r, d, normalize, theta, X, interleaved(X.length), tau, masked, chunkSizes);
    }

    @Override
    public double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        return super.labelVectors(H, interleaved(H.length), tau, masked);
    }
}
