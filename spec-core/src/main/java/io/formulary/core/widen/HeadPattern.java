package io.formulary.core.widen;

/** The repetition pattern of the head axes: columns of {@code W_q, W_k, W_v} and their biases, rows of {@code W_o}. */
public enum HeadPattern {
    /** {@code PAIR_BLOCK} for q and k under interleaved-pair RoPE, else {@code INTERLEAVED}; v and o always {@code INTERLEAVED}. */
    AUTO,
    /** {@code INTERLEAVED} for q, k, v and o. */
    INTERLEAVED,
    /** {@code TILED} for q, k, v and o (not head-local for more than one head: lossy). */
    TILED,
    /** {@code PAIR_BLOCK} for q, k, v and o (head-local for even head sizes). */
    PAIR_BLOCK
}
