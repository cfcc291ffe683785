package io.formulary.core.nn;

/** The elementwise activations of the reference Transformer (WIDEN-F5). */
public enum ActivationKind {
    /** {@code max(x, 0)}; positively homogeneous. */
    RELU,
    /** {@code x} for {@code x >= 0}, else {@code a x} with slope {@code a} in {@code [0, 1)}; positively homogeneous. */
    LEAKY_RELU,
    /** The exact GELU {@code x Phi(x) = x erfc(-x/sqrt 2)/2}; not homogeneous. */
    GELU_ERF,
    /** The tanh approximation of GELU (GPT-2's {@code gelu_new}); not homogeneous. */
    GELU_TANH,
    /** The identity; positively homogeneous. */
    LINEAR;

    /** Whether {@code A(cx) = c A(x)} for every {@code c > 0} (the condition of the plain widening transform). */
    public boolean positivelyHomogeneous() {
        return this == RELU || this == LEAKY_RELU || this == LINEAR;
    }
}
