package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.ContrastiveLoss.NaiveLoss;
import io.formulary.core.contrastive.GradientAccumulation;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;

/** The reference implementation of {@link ContrastiveContract}: delegates to {@code io.formulary.core.contrastive}. */
public class ReferenceContrastive implements ContrastiveContract {

    @Override
    public double[][] probabilities(double[][] H, double tau, boolean masked) {
        return ContrastiveLoss.probabilities(H, tau, masked);
    }

    @Override
    public double loss(double[][] H, int[] partner, double tau, boolean masked) {
        return ContrastiveLoss.loss(H, partner, tau, masked);
    }

    @Override
    public double[] rowLossesFromSimilarity(double[][] S, int[] partner, boolean masked) {
        return ContrastiveLoss.rowLossesFromSimilarity(S, partner, masked);
    }

    @Override
    public double[][] probabilitiesFromSimilarity(double[][] S, boolean masked) {
        return ContrastiveLoss.probabilitiesFromSimilarity(S, masked);
    }

    @Override
    public NaiveLoss naiveLoss(double[][] H, int[] partner, double tau, boolean masked, int[] chunkSizes) {
        return ContrastiveLoss.naiveLoss(H, partner, tau, masked, chunkSizes);
    }

    @Override
    public double stopGradientSurrogateValue(double[][] H, int[] partner, double tau, boolean masked) {
        return ContrastiveLoss.stopGradientSurrogateValue(H, partner, tau, masked);
    }

    @Override
    public double[][] symmetrizedProbabilities(double[][] H, int[] partner, double tau, boolean masked) {
        return ContrastiveLoss.symmetrizedProbabilities(H, partner, tau, masked);
    }

    @Override
    public double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        return ContrastiveLoss.labelVectors(H, partner, tau, masked);
    }

    @Override
    public double perSampleSurrogateValue(double[][] H, int[] partner, double tau, boolean masked) {
        return ContrastiveLoss.perSampleSurrogateValue(H, partner, tau, masked);
    }

    @Override
    public GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta,
                                   double[][] X, int[] partner, double tau, boolean masked, int[] chunkSizes) {
        return GradientAccumulation.twoPass(encoder, r, d, normalize, theta, X, partner, tau, masked, chunkSizes);
    }

    @Override
    public GradientAndLoss twoPassWithForwardChunks(EncoderKind encoder, int r, int d, boolean normalize,
                                                    double[] theta, double[][] X, int[] partner, double tau,
                                                    boolean masked, int[] chunkSizes, int[] forwardChunkSizes) {
        Encoder e = GradientAccumulation.encoder(encoder, r, d, normalize);
        return GradientAccumulation.twoPass(e, e, theta, X, partner, tau, masked, chunkSizes, forwardChunkSizes);
    }

    @Override
    public GradientAndLoss naiveGradient(EncoderKind encoder, int r, int d, boolean normalize, double[] theta,
                                         double[][] X, int[] partner, double tau, boolean masked, int[] chunkSizes) {
        return GradientAccumulation.naive(GradientAccumulation.encoder(encoder, r, d, normalize), theta, X, partner,
                tau, masked, chunkSizes);
    }

    @Override
    public double[][] embed(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X) {
        return GradientAccumulation.encoder(encoder, r, d, normalize).forward(theta, X);
    }

    @Override
    public GradientAndLoss fullBatchWithDropout(int r, int d, double rho, double[][] masks, double[] theta,
                                                double[][] X, int[] partner, double tau, boolean masked) {
        return GradientAccumulation.fullBatch(new Encoder.DropoutTanhMlp(r, d, rho, masks), theta, X, partner, tau,
                masked);
    }

    @Override
    public GradientAndLoss twoPassWithDropout(int r, int d, double rho, double[][] pass1Masks, double[][] pass2Masks,
                                              double[] theta, double[][] X, int[] partner, double tau, boolean masked,
                                              int[] chunkSizes) {
        return GradientAccumulation.twoPass(new Encoder.DropoutTanhMlp(r, d, rho, pass1Masks),
                new Encoder.DropoutTanhMlp(r, d, rho, pass2Masks), theta, X, partner, tau, masked, chunkSizes,
                new int[] {X.length});
    }
}
