package io.formulary.core.nn;

/** Where the norms sit (WIDEN-F9): after the residual sum (BERT) or before each sublayer with a final norm (GPT-2, T5). */
public enum Placement {
    POST,
    PRE
}
