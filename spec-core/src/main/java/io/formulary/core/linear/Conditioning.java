package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;

/**
 * The conditioning policy of the chapter (LOGIT-F16) applied to a covariance matrix before it is factored.
 */
public final class Conditioning {

    /** Default ridge factor {@code delta}. */
    public static final double DEFAULT_DELTA = 1e-8;
    /** Default conditioning threshold {@code tau}. */
    public static final double DEFAULT_TAU = 1e-12;

    private Conditioning() {
    }

    /**
     * The matrix a fit factors under a conditioning policy.
     *
     * <p>{@code REJECT}: the symmetrized {@code (Sigma + Sigma^T)/2}, after checking
     * $$\lambda_{\min}(\boldsymbol\Sigma) > \tau\,\lambda_{\max}(\boldsymbol\Sigma);$$
     * {@code RIDGE}: $$\boldsymbol\Sigma_\delta=\boldsymbol\Sigma+\delta\,\frac{\operatorname{tr}\boldsymbol\Sigma}{n}\boldsymbol I,$$
     * which must then be positive definite; {@code DROP} is defined for whitening only (LOGIT-F14) and is
     * rejected here.
     *
     * <p>Domain: {@code sigma} symmetric within {@code 1e-12 max|sigma_ab|}, finite; {@code delta >= 0};
     * {@code 0 < tau < 1}. Accuracy: exact up to one rounding per entry. Source: LOGIT-F16.
     *
     * @param sigma  covariance, {@code n x n}
     * @param policy {@code REJECT} or {@code RIDGE}
     * @param delta  ridge factor, {@code >= 0} (ignored under {@code REJECT})
     * @param tau    conditioning threshold in {@code (0, 1)}
     * @return the matrix to factor, {@code n x n}, exactly symmetric
     * @throws IllegalArgumentException when the policy rejects the matrix, or on invalid arguments
     */
    @Formula(value = "LOGIT-F16", title = "Conditioning policy for a covariance matrix",
            args = {@Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "symmetric, finite"),
                    @Formula.Arg(name = "policy", shape = "enum(REJECT|RIDGE|DROP)", domain = "REJECT or RIDGE"),
                    @Formula.Arg(name = "delta", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "tau", shape = "scalar", domain = "(0, 1)")},
            output = "matrix[n][n]: symmetric positive definite matrix to factor",
            accuracy = "exact up to one rounding per entry")
    public static double[][] condition(double[][] sigma, CovariancePolicy policy, double delta, double tau) {
        return condition(sigma, policy, delta, tau, "sigma");
    }

    /** {@link #condition(double[][], CovariancePolicy, double, double)} with messages naming {@code name}. */
    static double[][] condition(double[][] sigma, CovariancePolicy policy, double delta, double tau, String name) {
        checkHyper(policy, delta, tau);
        int n = Checks.symmetric(sigma, 1e-12, name);
        double[][] s = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                s[a][b] = 0.5 * (sigma[a][b] + sigma[b][a]);
            }
        }
        switch (policy) {
            case REJECT -> {
                double[] ev = DenseLinearAlgebra.symmetricEigen(s, name).values();
                double max = ev[n - 1];
                double min = ev[0];
                if (!(max > 0 && min > tau * max)) {
                    int rank = 0;
                    for (double v : ev) {
                        rank += v > tau * max ? 1 : 0;
                    }
                    double kappa = min > 0 ? max / min : Double.POSITIVE_INFINITY;
                    throw Checks.fail(name, "singular or ill-conditioned: rank " + rank + " < n=" + n + " at tau=" + tau
                            + " (kappa=" + String.format("%.3g", kappa) + " > 1/tau=" + String.format("%.3g", 1 / tau) + ")");
                }
                return s;
            }
            case RIDGE -> {
                double trace = 0;
                for (int a = 0; a < n; a++) {
                    trace += s[a][a];
                }
                double add = delta * trace / n;
                for (int a = 0; a < n; a++) {
                    s[a][a] += add;
                }
                DenseLinearAlgebra.cholesky(s, name + " (ridged, delta=" + delta + ")");
                return s;
            }
            default -> throw Checks.fail("policy", "DROP applies to whitening only (LOGIT-F14), not to " + name);
        }
    }

    /** Cholesky factor of the conditioned matrix. */
    static DenseLinearAlgebra.Cholesky factor(double[][] sigma, CovariancePolicy policy, double delta, double tau,
                                              String name) {
        return DenseLinearAlgebra.cholesky(condition(sigma, policy, delta, tau, name), name);
    }

    static void checkHyper(CovariancePolicy policy, double delta, double tau) {
        Checks.notNull(policy, "policy");
        Checks.finite(delta, "delta");
        if (!(delta >= 0)) {
            throw Checks.fail("delta", "must be >= 0, got " + delta);
        }
        Checks.finite(tau, "tau");
        if (!(tau > 0 && tau < 1)) {
            throw Checks.fail("tau", "must be in (0, 1), got " + tau);
        }
    }
}
