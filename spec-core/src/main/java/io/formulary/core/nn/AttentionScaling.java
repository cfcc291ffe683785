package io.formulary.core.nn;

/** Attention score scaling (WIDEN-F6): {@code 1/sqrt(head size)} or none. */
public enum AttentionScaling {
    INV_SQRT_HEAD,
    NONE
}
