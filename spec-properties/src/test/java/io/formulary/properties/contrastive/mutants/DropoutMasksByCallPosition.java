package io.formulary.properties.contrastive.mutants;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.core.contrastive.TanhMlpEncoder;
import io.formulary.properties.contrastive.ReferenceContrastive;

import java.util.Arrays;

/**
 * Mutant: pass 2 draws the dropout masks by position within the forward call, not per sample: the chunk of rows
 * {@code [o, o+c)} gets mask rows {@code [0, c)}. Pass 1 ran as one call, so the masks only match for the first
 * chunk (Errata 9: masks must follow samples, or both passes must use the same chunking).
 */
public final class DropoutMasksByCallPosition extends ReferenceContrastive {
    @Override
    public GradientAndLoss twoPassWithDropout(int r, int d, double rho, double[][] pass1Masks, double[][] pass2Masks,
                                              double[] theta, double[][] X, int[] partner, double tau, boolean masked,
                                              int[] chunkSizes) {
        double[][] h = TanhMlpEncoder.forwardWithDropout(theta, X, r, d, rho, pass1Masks);
        double[][] labels = ContrastiveLoss.labelVectors(h, partner, tau, masked);
        double[] grad = new double[theta.length];
        int offset = 0;
        for (int c : chunkSizes) {
            Encoder chunk = new Encoder.DropoutTanhMlp(r, d, rho, Arrays.copyOfRange(pass2Masks, 0, c));
            double[] g = chunk.backward(theta, Arrays.copyOfRange(X, offset, offset + c),
                    Arrays.copyOfRange(labels, offset, offset + c));
            for (int k = 0; k < grad.length; k++) {
                grad[k] += g[k];
            }
            offset += c;
        }
        return new GradientAndLoss(grad, ContrastiveLoss.loss(h, partner, tau, masked));
    }
}
