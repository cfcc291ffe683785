package io.formulary.core.widen;

/** The factor of the second FFN bias under the {@code PAIR} transform (erratum E1). */
public enum Ffn2BiasFactor {
    /** {@code k^{-1/2}}: the bias is added to an output of scale {@code k^{-1/2}}. */
    CORRECTED,
    /** {@code k^{-1}}: the article's table ({@code 1/2} for {@code k = 2}); lossy when {@code b_2 != 0}. */
    ARTICLE
}
