package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.CostModel;
import io.formulary.core.contrastive.CostModel.Cost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRA-F18 (exact integer counts) against the chapter's table, for B = 256, d = 128 and chunks of 32: the two-pass
 * scheme pays one extra forward pass over the batch (2B against B), the same B backward passes, peak activations of
 * one chunk like the naive scheme, and stores H and Htilde (2Bd floats) plus S in full (B^2) or in row blocks.
 */
class ContrastiveCostModelTest {

    private static final int[] EIGHT_CHUNKS = {32, 32, 32, 32, 32, 32, 32, 32};

    @Test
    void twoPassCostsOneExtraForwardPassAndChunkSizedActivations() {
        assertThat(CostModel.twoPass(256, EIGHT_CHUNKS, 128)).isEqualTo(new Cost(512, 256, 32, 2 * 256 * 128 + 256 * 256));
        assertThat(CostModel.twoPassWithRowBlocks(256, EIGHT_CHUNKS, 128, 32))
                .isEqualTo(new Cost(512, 256, 32, 2 * 256 * 128 + 32 * 256));
        assertThat(CostModel.fullBatch(256)).isEqualTo(new Cost(256, 256, 256, 0));
        assertThat(CostModel.naive(256, EIGHT_CHUNKS)).isEqualTo(new Cost(256, 256, 32, 0));
        // Unequal chunks: the peak is the largest chunk.
        assertThat(CostModel.twoPass(12, new int[] {5, 7}, 4).peakActivationSamples()).isEqualTo(7);
    }
}
