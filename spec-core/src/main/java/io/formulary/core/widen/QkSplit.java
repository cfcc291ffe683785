package io.formulary.core.widen;

/** How the score factor ({@code k^{-1/2}} scaled, {@code k^{-1}} unscaled) is split between q and k (WIDEN-F14.5, erratum E7). */
public enum QkSplit {
    /** {@code sigma_q = sigma_k} ({@code k^{-1/4}} scaled, {@code k^{-1/2}} unscaled). */
    SYMMETRIC,
    /** {@code sigma_k = k^{-1/2}}; {@code sigma_q = 1} (scaled) or {@code k^{-1/2}} (unscaled). */
    ALL_ON_Q
}
