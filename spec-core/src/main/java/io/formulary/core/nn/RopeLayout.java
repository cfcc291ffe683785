package io.formulary.core.nn;

/** RoPE pair layout within a head (WIDEN-F7): pairs {@code (2p, 2p+1)} (RoFormer) or {@code (p, p+dh/2)} (GPT-NeoX, LLaMA). */
public enum RopeLayout {
    INTERLEAVED_PAIRS,
    HALF_SPLIT
}
