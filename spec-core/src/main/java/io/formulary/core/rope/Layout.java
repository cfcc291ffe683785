package io.formulary.core.rope;

/**
 * Which components of a {@code d}-vector form the rotated pairs (ROPE-F21). Both layouts rotate pair {@code i} by
 * the same angle {@code n theta_i}; they differ only in which two components make pair {@code i}.
 */
public enum Layout {
    /**
     * Pair {@code i} is components {@code (2i, 2i+1)} (the chapter's canonical layout). Used by RoFormer (and the
     * Hugging Face {@code RoFormer} port), GPT-J ({@code rotate_every_two}) and Meta's original LLaMA reference
     * code (complex view of consecutive pairs).
     */
    INTERLEAVED,
    /**
     * Pair {@code i} is components {@code (i, i + d/2)}: {@code z = v * [cos; cos] + rotate_half(v) * [sin; sin]} with
     * {@code rotate_half(v) = (-v[h..d-1]; v[0..h-1])}. Used by GPT-NeoX and the Hugging Face LLaMA, Mistral and
     * Qwen models (and Qwen2-VL's M-RoPE); Meta weights are converted to it by the per-head row permutation
     * {@link RotaryEmbedding#rotateHalfOrder(int)}.
     */
    ROTATE_HALF
}
