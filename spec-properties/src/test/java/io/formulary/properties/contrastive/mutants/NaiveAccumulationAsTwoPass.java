package io.formulary.properties.contrastive.mutants;

import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: "accumulates" by treating every chunk as a batch of its own (article eq. 2), the scheme the article
 * warns against. Equal to the full-batch gradient only for a single chunk.
 */
public final class NaiveAccumulationAsTwoPass extends ReferenceContrastive {
    @Override
    public GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X,
                                   int[] partner, double tau, boolean masked, int[] chunkSizes) {
        return naiveGradient(encoder, r, d, normalize, theta, X, partner, tau, masked, chunkSizes);
    }
}
