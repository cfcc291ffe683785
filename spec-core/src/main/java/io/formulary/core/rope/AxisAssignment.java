package io.formulary.core.rope;

/**
 * Which channels of a {@code d}-vector each axis of a 2-D position drives (ROPE-F7). Both use the per-axis schedule
 * {@code omega_j = base^(-2j/c)}, {@code c = d/2}; they differ by a fixed pair permutation.
 */
public enum AxisAssignment {
    /**
     * The canonical choice: the first half {@code v[0..c-1]} is a 1-D RoPE of dimension {@code c} driven by
     * {@code x}, the second half by {@code y}. Matches lucidrains' {@code get_axial_freqs} and FLUX {@code EmbedND}
     * (axis blocks concatenated, interleaved within blocks) when built with width {@code d/2}.
     */
    AXIS_SPLIT,
    /** Pair {@code 2j} rotates by {@code x omega_j} and pair {@code 2j+1} by {@code y omega_j}. */
    AXIS_INTERLEAVED
}
