package io.formulary.core.nn;

/** Feed-forward kind (WIDEN-F8): plain {@code A(xW1+b1)W2+b2} or gated {@code (A(xW1+b1) * (xW3+b3))W2+b2}. */
public enum FfnKind {
    PLAIN,
    GATED
}
