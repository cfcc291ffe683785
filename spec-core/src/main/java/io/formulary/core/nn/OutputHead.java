package io.formulary.core.nn;

/** The output head (WIDEN-F10). */
public enum OutputHead {
    /** Logits {@code s h E^T + b} with the token embedding (GPT-2, T5). */
    TIED,
    /** Logits {@code s h W_out + b} with a separate projection (mT5). */
    UNTIED,
    /** BERT's MLM head: dense + activation + norm, then the tied projection. */
    MLM_TIED,
    /** MLM transform followed by an untied projection. */
    MLM_UNTIED;

    /** Whether the head has the MLM transform (dense, activation, norm). */
    public boolean mlm() {
        return this == MLM_TIED || this == MLM_UNTIED;
    }

    /** Whether the vocabulary projection is the token embedding. */
    public boolean tied() {
        return this == TIED || this == MLM_TIED;
    }
}
