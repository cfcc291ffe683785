package io.formulary.core.nn;

/** Normalization kind (WIDEN-F3). */
public enum NormKind {
    LAYER_NORM,
    RMS_NORM
}
