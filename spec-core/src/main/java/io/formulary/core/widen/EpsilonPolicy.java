package io.formulary.core.widen;

/** How the norm epsilons are widened (WIDEN-F23). */
public enum EpsilonPolicy {
    /** Each epsilon times the square of its norm's input scale (exact): {@code eps/k} for norms fed by the residual stream, unchanged for the MLM norm under {@code PAIR}. */
    DIVIDE_BY_K,
    /** Every epsilon kept (the article's implicit choice; a small loss, WIDEN-F21). */
    KEEP,
    /** Every epsilon divided by k, the MLM norm's too (a wrong rule: lossy under {@code PAIR}). */
    DIVIDE_ALL_BY_K
}
