package io.formulary.core.linear;

/**
 * What to do with a singular or ill-conditioned covariance matrix (LOGIT-F16).
 *
 * <ul>
 *   <li>{@link #REJECT}: throw when Cholesky fails or {@code lambda_min <= tau * lambda_max} (the default).</li>
 *   <li>{@link #RIDGE}: use {@code Sigma + delta * tr(Sigma)/n * I} (for whitening {@code lambda_j + delta * mean(lambda)});
 *       probabilities move by {@code O(delta * kappa)}.</li>
 *   <li>{@link #DROP}: whitening only; keep the eigen-directions with {@code lambda_j > tau * lambda_max}.</li>
 * </ul>
 */
public enum CovariancePolicy {
    REJECT, RIDGE, DROP
}
