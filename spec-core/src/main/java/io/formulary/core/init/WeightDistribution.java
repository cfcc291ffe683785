package io.formulary.core.init;

/** The three laws a weight can be drawn from with a prescribed variance (INIT-F8). */
public enum WeightDistribution {
    /** {@code N(0, v)}. */
    NORMAL,
    /** {@code U[-sqrt(3v), sqrt(3v)]}. */
    UNIFORM,
    /** Normal with pre-truncation std {@code sqrt(v)/sqrt(gamma(2))}, truncated at {@code +-2} pre-truncation std. */
    TRUNCATED_NORMAL
}
