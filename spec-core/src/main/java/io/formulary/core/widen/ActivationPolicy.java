package io.formulary.core.widen;

/** How a layer that feeds an activation is widened (WIDEN-F15). */
public enum ActivationPolicy {
    /** {@code PLAIN} for positively homogeneous activations, else {@code PAIR} (the article's rule). */
    AUTO,
    /** Activation input at scale {@code k^{-1/2}}: exact only for positively homogeneous activations. */
    PLAIN,
    /** Activation input a plain repetition (scale 1); the missing {@code k^{-1/2}} moves into the next layer. */
    PAIR
}
