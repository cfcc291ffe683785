package io.formulary.core.init;

/** The variance rules of INIT-F8 (weights stored input x output, fan_in = rows, fan_out = columns). */
public enum InitScheme {
    /** {@code 1/fan_in} (the NTK section's "Xavier", erratum E2). */
    LECUN,
    /** {@code 2/fan_in}, for ReLU. */
    HE,
    /** {@code 2/(fan_in + fan_out)} (Glorot/Xavier). */
    GLOROT
}
