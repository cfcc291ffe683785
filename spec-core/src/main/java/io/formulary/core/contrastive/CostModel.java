package io.formulary.core.contrastive;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * The cost model of the three schemes (CONTRA-F18), counted in sample passes and stored floats: the two-pass
 * scheme pays one extra forward pass over the batch and stores {@code H} and {@code Htilde}, but its peak
 * activation memory is one chunk, like the naive scheme, whose gradient is wrong.
 */
public final class CostModel {

    private CostModel() {
    }

    /**
     * Costs of one gradient step.
     *
     * @param forwardSamplePasses   forward passes of one sample, summed over the step
     * @param backwardSamplePasses  backward passes of one sample (each about twice a forward)
     * @param peakActivationSamples samples whose activations are alive at once
     * @param storedFloats          extra floats kept between the passes ({@code H}, {@code Htilde} and {@code S})
     */
    public record Cost(long forwardSamplePasses, long backwardSamplePasses, long peakActivationSamples,
                       long storedFloats) {
    }

    /**
     * The cost of the two-pass scheme: {@code 2B} forward and {@code B} backward sample passes, peak activations of
     * the largest chunk, and {@code 2Bd + B^2} stored floats ({@code H}, {@code Htilde}, full {@code S}).
     * Exact. Source: CONTRA-F18.
     */
    @Formula(value = "CONTRA-F18", title = "Cost model of the two-pass scheme", args = {
            @Arg(name = "B", shape = "int", domain = ">= 1"),
            @Arg(name = "chunkSizes", shape = "int[n]", domain = "positive, sum B"),
            @Arg(name = "d", shape = "int", domain = ">= 1")},
            output = "{forwardSamplePasses, backwardSamplePasses, peakActivationSamples, storedFloats}",
            accuracy = "exact")
    public static Cost twoPass(int B, int[] chunkSizes, int d) {
        return twoPassWithRowBlocks(B, chunkSizes, d, B);
    }

    /** The two-pass cost when {@code S} is processed in row blocks of {@code rowBlock} rows (CONTRA-F9). */
    public static Cost twoPassWithRowBlocks(int B, int[] chunkSizes, int d, int rowBlock) {
        Checks.atLeast(B, 1, "B");
        Checks.atLeast(d, 1, "d");
        Checks.inRange(rowBlock, 1, B, "rowBlock");
        int[] chunks = Partners.validateChunks(chunkSizes, B);
        return new Cost(2L * B, B, max(chunks), 2L * B * d + (long) rowBlock * B);
    }

    /** The full-batch cost: {@code B} forward and backward sample passes, all {@code B} activations alive. */
    public static Cost fullBatch(int B) {
        Checks.atLeast(B, 1, "B");
        return new Cost(B, B, B, 0);
    }

    /** The naive scheme's cost: like full batch, but only one chunk of activations alive. */
    public static Cost naive(int B, int[] chunkSizes) {
        Checks.atLeast(B, 1, "B");
        return new Cost(B, B, max(Partners.validateChunks(chunkSizes, B)), 0);
    }

    private static long max(int[] chunks) {
        long m = 0;
        for (int c : chunks) {
            m = Math.max(m, c);
        }
        return m;
    }
}
