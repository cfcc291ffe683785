package io.formulary.core.widen;

/** RoPE frequencies of the widened model (WIDEN-F20). */
public enum RopeFrequencies {
    /** The standard schedule {@code b^{-2j/(k d_h)}} of the wide head (lossy for offsets other than 0). */
    STANDARD,
    /** The original frequencies carried to every copy: {@code theta~_j = theta_{floor(j/k)}} (exact). */
    CARRY
}
