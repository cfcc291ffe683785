package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.ContrastiveLoss.NaiveLoss;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.properties.Evaluates;

/**
 * The CONTRA formula family as a contract: the properties of the chapter are written against it, with
 * {@link ReferenceContrastive} as the default subject. Parameter names equal the {@code @Formula} argument names.
 */
public interface ContrastiveContract {

    /** CONTRA-F3. */
    @Evaluates("CONTRA-F3")
    double[][] probabilities(double[][] H, double tau, boolean masked);

    /** CONTRA-F4. */
    @Evaluates("CONTRA-F4")
    double loss(double[][] H, int[] partner, double tau, boolean masked);

    /** CONTRA-F4 with a similarity matrix in place of H and tau (per-row losses). */
    double[] rowLossesFromSimilarity(double[][] S, int[] partner, boolean masked);

    /** CONTRA-F3 with a similarity matrix in place of H and tau. */
    double[][] probabilitiesFromSimilarity(double[][] S, boolean masked);

    /** CONTRA-F5. */
    @Evaluates("CONTRA-F5")
    NaiveLoss naiveLoss(double[][] H, int[] partner, double tau, boolean masked, int[] chunkSizes);

    /** CONTRA-F7. */
    @Evaluates("CONTRA-F7")
    double stopGradientSurrogateValue(double[][] H, int[] partner, double tau, boolean masked);

    /** CONTRA-F8. */
    @Evaluates("CONTRA-F8")
    double[][] symmetrizedProbabilities(double[][] H, int[] partner, double tau, boolean masked);

    /** CONTRA-F9. */
    @Evaluates("CONTRA-F9")
    double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked);

    /** CONTRA-F10. */
    @Evaluates("CONTRA-F10")
    double perSampleSurrogateValue(double[][] H, int[] partner, double tau, boolean masked);

    /** CONTRA-F11 (chunk sizes {@code [B]} give the full-batch gradient: one backward over all rows). */
    @Evaluates("CONTRA-F11")
    GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X,
                            int[] partner, double tau, boolean masked, int[] chunkSizes);

    /**
     * CONTRA-F11 with an explicit pass-1 forward chunking (CONTRA-P4): the result may differ from
     * {@link #twoPass} only by rounding.
     */
    GradientAndLoss twoPassWithForwardChunks(EncoderKind encoder, int r, int d, boolean normalize, double[] theta,
                                             double[][] X, int[] partner, double tau, boolean masked,
                                             int[] chunkSizes, int[] forwardChunkSizes);

    /** The naive scheme's summed chunk gradients (CONTRA-F5, gradient part). */
    GradientAndLoss naiveGradient(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X,
                                  int[] partner, double tau, boolean masked, int[] chunkSizes);

    /** CONTRA-F12/F13 forward pass of the named encoder. */
    double[][] embed(EncoderKind encoder, int r, int d, boolean normalize, double[] theta, double[][] X);

    /**
     * The full-batch gradient of the tanh MLP with inverted dropout and the given per-sample masks (CONTRA-F16),
     * one backward over all rows.
     */
    GradientAndLoss fullBatchWithDropout(int r, int d, double rho, double[][] masks, double[] theta, double[][] X,
                                         int[] partner, double tau, boolean masked);

    /**
     * CONTRA-F11 with the dropout encoder of CONTRA-F16: pass 1 uses {@code pass1Masks}, pass 2 {@code pass2Masks}
     * (row {@code i} of a mask matrix belongs to sample {@code i}); equal masks are the replay of Errata 9.
     */
    GradientAndLoss twoPassWithDropout(int r, int d, double rho, double[][] pass1Masks, double[][] pass2Masks,
                                       double[] theta, double[][] X, int[] partner, double tau, boolean masked,
                                       int[] chunkSizes);
}
