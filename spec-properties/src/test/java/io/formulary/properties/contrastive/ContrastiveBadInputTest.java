package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.CostModel;
import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.GradientAccumulation;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.L2Normalization;
import io.formulary.core.contrastive.LinearEncoder;
import io.formulary.core.contrastive.TanhMlpEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "Bad input" rules of chapter CONTRA: each raises IllegalArgumentException naming the parameter. */
class ContrastiveBadInputTest {

    private static final double[][] H = {{0.75, -0.75}, {-0.375, 1}, {0.25, 0.75}, {-0.875, 0.25}};
    private static final int[] PARTNER = {1, 0, 3, 2};
    private static final double[][] X = {{1, 0, 2}, {0, 1, -1}, {1, 1, 0}, {-1, 2, 1}};

    @Test
    void temperatureMustBeFiniteAndPositive() {
        for (double tau : new double[] {-1, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ContrastiveLoss.loss(H, PARTNER, tau, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tau");
        }
    }

    @Test
    void nonFiniteEntriesAreRejectedWithTheirIndex() {
        double[][] bad = {{0.75, -0.75}, {-0.375, 1}, {0.25, 0.75}, {-0.875, Double.NaN}};
        assertThatThrownBy(() -> ContrastiveLoss.loss(bad, PARTNER, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("H[3][1] is NaN");
        double[] theta = {0.5, -0.25, Double.POSITIVE_INFINITY, 0.25, 0.5, -0.5};
        assertThatThrownBy(() -> LinearEncoder.forward(theta, X, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("theta[2] is infinite");
        double[][] badX = {{1, 0, 2}, {0, Double.NEGATIVE_INFINITY, -1}, {1, 1, 0}, {-1, 2, 1}};
        assertThatThrownBy(() -> GradientAccumulation.twoPass(EncoderKind.MLP, 2, 2, false, new double[14], badX,
                PARTNER, 0.5, false, new int[] {4})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("X[1][1] is infinite");
        GradientAccumulation.GradientAndLoss r = GradientAccumulation.twoPass(EncoderKind.LINEAR, 1, 2, false,
                new double[] {0.5, -0.25, 0.125, 0.25, 0.5, -0.5}, X, PARTNER, 0.5, false, new int[] {4});
        r.grad()[0] = Double.NaN;
        org.assertj.core.api.Assertions.assertThat(r.grad()[0]).as("values out: the record's gradient is a copy").isFinite();
    }

    @Test
    void partnerMustBeAnInvolutionOfTheRightLength() {
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, new int[] {1, 0, 3}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("partner: length 3");
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, new int[] {1, 0, 4, 2}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, new int[] {1, 2, 3, 0}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner: not an involution, partner[0]=1 but partner[1]=2");
    }

    @Test
    void maskedVariantNeedsAFixedPointFreePartner() {
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, new int[] {0, 1, 3, 2}, 0.5, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partner: masked variant requires partner[i] != i (violated at i=0)");
        assertThatThrownBy(() -> ContrastiveLoss.probabilities(new double[][] {{1, 2}}, 0.5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("H: masked variant requires B >= 2");
    }

    @Test
    void raggedOrEmptyMatricesAndWrongParameterCountsAreRejected() {
        assertThatThrownBy(() -> ContrastiveLoss.loss(new double[][] {{1, 2}, {3}}, new int[] {1, 0}, 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not rectangular");
        assertThatThrownBy(() -> ContrastiveLoss.loss(new double[0][], new int[0], 0.5, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("H");
        assertThatThrownBy(() -> TanhMlpEncoder.forward(new double[13], X, 2, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("theta: length 13, expected r*m+r+d*r+d = 14");
        assertThatThrownBy(() -> LinearEncoder.backward(new double[6], X, 2, new double[4][3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("upstream: shape 4x3, expected 4x2");
    }

    @Test
    void chunkSizesMustBePositiveAndSumToTheBatch() {
        double[] theta = new double[6];
        assertThatThrownBy(() -> GradientAccumulation.twoPass(EncoderKind.LINEAR, 1, 2, false, theta, X, PARTNER, 0.5,
                false, new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunkSizes: must be positive and sum to B=4, sum is 3");
        assertThatThrownBy(() -> GradientAccumulation.twoPass(EncoderKind.LINEAR, 1, 2, false, theta, X, PARTNER, 0.5,
                false, new int[] {4, 0})).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chunkSizes");
        assertThatThrownBy(() -> GradientAccumulation.twoPass(EncoderKind.LINEAR, 1, 2, false, theta, X, PARTNER, 0.5,
                false, new int[0])).isInstanceOf(IllegalArgumentException.class).hasMessage("chunkSizes: must not be empty");
        assertThatThrownBy(() -> CostModel.twoPass(4, new int[] {5}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chunkSizes");
    }

    @Test
    void naiveSchemeRejectsChunksThatSplitAPair() {
        assertThatThrownBy(() -> ContrastiveLoss.naiveLoss(H, PARTNER, 0.5, false, new int[] {1, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunkSizes: chunk 0 [0,1) is not closed under partner (partner[0]=1)");
    }

    @Test
    void normalizingAZeroOutputIsRejected() {
        // Called directly (CONTRA-F14, argument Y) the message names Y; inside an encoder the zero row comes from
        // theta, as the chapter's message says.
        assertThatThrownBy(() -> L2Normalization.forward(new double[][] {{1, 0}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Y: row 1 has zero norm, normalize undefined");
        double[] w = {0, 1, 1, 0, 2, 2};
        assertThatThrownBy(() -> new Encoder.Linear(2, true).forward(w, X))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("theta: encoder output y[1] has zero norm, normalize undefined");
    }

    @Test
    void overflowingSimilaritiesAreRejectedNotReturnedAsInfinity() {
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, PARTNER, 1e-310, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tau: similarity s[0][0]")
                .hasMessageContaining("overflows double");
        // finite similarities whose spread overflows the loss
        assertThatThrownBy(() -> ContrastiveLoss.loss(H, PARTNER, 1e-308, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("H: loss of row 0 overflows double");
    }

    @Test
    void dropoutRateAndMasksAreValidated() {
        assertThatThrownBy(() -> new Encoder.DropoutTanhMlp(2, 2, 1.0, new double[][] {{1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rho: dropout rate must be in [0,1), got 1.0");
        assertThatThrownBy(() -> TanhMlpEncoder.forwardWithDropout(new double[14], X, 2, 2, 0.3, new double[][] {{1, 0.5},
                {1, 1}, {1, 1}, {1, 1}})).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("masks: entry [0][1]");
        assertThatThrownBy(() -> TanhMlpEncoder.forwardWithDropout(new double[14], X, 2, 2, 0.3, new double[][] {{1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("masks: shape 1x2, expected 4x2");
    }

    /**
     * Finite rows can still sum past {@code Double.MAX_VALUE}: each row loss here is {@code 8e307} (finite, as is every
     * similarity {@code +-4e307}), their sum is not. The loss, its mean and the surrogate values must reject, not
     * return Infinity or NaN.
     */
    @Test
    void aLossWhoseRowsAreFiniteButWhoseSumOverflowsIsRejected() {
        double[][] h = {{1, 0}, {-1, 0}, {1, 0}, {-1, 0}};
        double tau = 2.5e-308;
        for (double li : ContrastiveLoss.rowLosses(h, PARTNER, tau, false)) {
            org.assertj.core.api.Assertions.assertThat(li).isFinite();
        }
        assertThatThrownBy(() -> ContrastiveLoss.loss(h, PARTNER, tau, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("H: loss L = sum_i L_i overflows double");
        assertThatThrownBy(() -> ContrastiveLoss.meanLoss(h, PARTNER, tau, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("H: loss");
        assertThatThrownBy(() -> ContrastiveLoss.stopGradientSurrogateValue(h, PARTNER, tau, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tau:");
    }

    /**
     * {@code |htilde| ~ |h| / tau} exceeds {@code |s| ~ |h|^2 / tau} when {@code |h| < 1}: with {@code h = +-1e-15} and
     * the smallest positive tau every similarity ({@code +-2e293}) and the loss are finite, but
     * {@code htilde_0 = 4e-15 / tau} is not. The label vectors, V_h and the gradients must reject.
     */
    @Test
    void overflowingLabelVectorsAndGradientsAreRejected() {
        double[][] h = {{1e-15, 0}, {-1e-15, 0}};
        int[] partner = {1, 0};
        double tau = Double.MIN_VALUE;
        org.assertj.core.api.Assertions.assertThat(ContrastiveLoss.loss(h, partner, tau, false)).isFinite();
        assertThatThrownBy(() -> ContrastiveLoss.labelVectors(h, partner, tau, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tau: label vector htilde[0][0] overflows double");
        assertThatThrownBy(() -> ContrastiveLoss.perSampleSurrogateValue(h, partner, tau, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tau:");
        // The linear encoder W = I on x = h gives the same embeddings; its gradient overflows with them.
        double[] identity = {1, 0, 0, 1};
        assertThatThrownBy(() -> GradientAccumulation.twoPass(EncoderKind.LINEAR, 1, 2, false, identity, h, partner,
                tau, false, new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tau:");
        // A gradient can overflow on its own: htilde finite (1e300), x = 1e10.
        double[][] x = {{1e10, 0}, {-1e10, 0}};
        double[] w = {1e-25, 0, 0, 1e-25};
        double t = 4e-15 / 1e300;
        assertThatThrownBy(() -> GradientAccumulation.fullBatch(new Encoder.Linear(2, false), w, x, partner, t, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("theta: gradient entry 0 overflows");
    }

    /**
     * The chapter asks for {@code <h_i, h_j>} before the division, but only an overflowing {@code |<h_i,h_j>|/tau} is
     * bad input: {@code <h_i, h_j> = -1e400} overflows while {@code s = -1e100} does not, and must be returned.
     */
    @Test
    void anOverflowingDotProductWithAFiniteSimilarityIsNotRejected() {
        double[][] h = {{1e200, 0}, {-1e200, 0}};
        double[][] s = ContrastiveLoss.similarity(h, 1e300);
        org.assertj.core.api.Assertions.assertThat(s[0][1]).isCloseTo(-1e100,
                org.assertj.core.api.Assertions.withinPercentage(1e-12));
        org.assertj.core.api.Assertions.assertThat(ContrastiveLoss.loss(h, new int[] {1, 0}, 1e300, false)).isFinite();
    }
}
