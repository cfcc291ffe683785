package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.LinearModelAlgebra;

/** The whitening transform of the article (LOGIT-F14). */
public final class Whitening {

    private Whitening() {
    }

    /**
     * PCA whitening of the training data:
     * $$\tilde{\boldsymbol\Sigma}=\tfrac1N\sum_j(\boldsymbol x_j-\tilde{\boldsymbol\mu})^\top(\boldsymbol x_j-\tilde{\boldsymbol\mu})=\boldsymbol U\boldsymbol\Lambda\boldsymbol U^\top,\quad
     * \boldsymbol T=\boldsymbol U\boldsymbol\Lambda^{-1/2},\quad\hat{\boldsymbol x}=(\boldsymbol x-\tilde{\boldsymbol\mu})\boldsymbol T .$$
     * Evaluated from the thin SVD of {@code X_c / sqrt(N)} ({@code U = V}, {@code lambda = s^2}), which does not
     * square the condition number; when {@code N < n} the symmetric eigendecomposition of {@code Sigma~} is used.
     * Gauge (erratum E6): eigenvalues descending, each eigenvector's largest-magnitude component positive.
     * Conditioning (LOGIT-F16): {@code RIDGE} always uses {@code lambda_j + delta mean(lambda)}; when
     * {@code lambda_min <= tau lambda_max}, {@code REJECT} throws and {@code DROP} keeps only
     * {@code lambda_j > tau lambda_max}.
     *
     * <p>Domain: {@code X} {@code N x n} finite, {@code N >= 2}. Accuracy: whitened data have {@code 1/N}
     * covariance {@code I} within {@code 10 n sqrt(kappa) eps}. Source: LOGIT-F14.
     *
     * @param X      training data, {@code N x n}
     * @param policy conditioning policy
     * @param delta  ridge factor ({@code RIDGE})
     * @param tau    threshold in {@code (0,1)}
     * @return the whitener
     * @throws IllegalArgumentException {@code "X: total covariance is singular (...)"} under {@code REJECT}, or on
     *                                  invalid input
     */
    @Formula(value = "LOGIT-F14", title = "PCA whitening transform (1/N)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "policy", shape = "enum(REJECT|RIDGE|DROP)"),
                    @Formula.Arg(name = "delta", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "tau", shape = "scalar", domain = "(0, 1)")},
            output = "record: mean[n], transform[n][r], eigenvalues[r]",
            accuracy = "whitened 1/N covariance = I within 10 n sqrt(kappa) eps")
    public static Whitener fit(double[][] X, CovariancePolicy policy, double delta, double tau) {
        Conditioning.checkHyper(policy, delta, tau);
        int n = Inputs.data(X, 2, "X");
        int bigN = X.length;
        double[] mean = new double[n];
        for (int a = 0; a < n; a++) {
            double[] col = new double[bigN];
            for (int j = 0; j < bigN; j++) {
                col[j] = X[j][a];
            }
            mean[a] = io.formulary.core.numeric.AccurateSums.sum(col) / bigN;
        }
        double root = Math.sqrt(bigN);
        double[][] scaled = new double[bigN][n];
        for (int j = 0; j < bigN; j++) {
            for (int a = 0; a < n; a++) {
                scaled[j][a] = (X[j][a] - mean[a]) / root;
            }
        }
        double[] lambda = new double[n];
        double[][] u;
        if (bigN >= n) {
            LinearModelAlgebra.RightSingular svd = LinearModelAlgebra.rightSingular(scaled, "X");
            for (int c = 0; c < n; c++) {
                lambda[c] = svd.singularValues()[c] * svd.singularValues()[c];
            }
            u = svd.v();
        } else {
            DenseLinearAlgebra.SymmetricEigen eig = DenseLinearAlgebra.symmetricEigen(LinearModelAlgebra.gram(scaled), "X");
            u = new double[n][n];
            for (int c = 0; c < n; c++) {
                int src = n - 1 - c;
                lambda[c] = Math.max(0, eig.values()[src]);
                for (int a = 0; a < n; a++) {
                    u[a][c] = eig.vectors()[a][src];
                }
            }
        }
        fixGauge(u);
        double max = lambda[0];
        int keep = n;
        boolean illConditioned = !(max > 0 && lambda[n - 1] > tau * max);
        // RIDGE always adds delta * mean(lambda), as RIDGE adds delta tr/n I to a covariance (LOGIT-F16).
        if (illConditioned || policy == CovariancePolicy.RIDGE) {
            switch (policy) {
                case REJECT -> throw Checks.fail("X", "total covariance is singular or ill-conditioned"
                        + constantFeature(X) + " (lambda_min=" + lambda[n - 1] + " <= tau*lambda_max=" + tau * max + ")");
                case RIDGE -> {
                    double avg = 0;
                    for (double l : lambda) {
                        avg += l;
                    }
                    avg /= n;
                    if (!(avg > 0)) {
                        throw Checks.fail("X", "total covariance is zero (every feature is constant)");
                    }
                    for (int c = 0; c < n; c++) {
                        lambda[c] += delta * avg;
                    }
                    if (!(lambda[n - 1] > 0)) {
                        throw Checks.fail("X", "total covariance is singular and delta=" + delta + " does not regularize it");
                    }
                }
                default -> {
                    keep = 0;
                    while (keep < n && lambda[keep] > tau * max) {
                        keep++;
                    }
                    if (keep == 0) {
                        throw Checks.fail("X", "total covariance is zero (every feature is constant)");
                    }
                }
            }
        }
        double[][] t = new double[n][keep];
        double[] used = new double[keep];
        for (int c = 0; c < keep; c++) {
            used[c] = lambda[c];
            double inv = 1 / Math.sqrt(lambda[c]);
            for (int a = 0; a < n; a++) {
                t[a][c] = u[a][c] * inv;
            }
        }
        return new Whitener(mean, t, used);
    }

    /** Default policy ({@code REJECT}, {@code tau = 1e-12}). */
    public static Whitener fit(double[][] X) {
        return fit(X, CovariancePolicy.REJECT, Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU);
    }

    private static void fixGauge(double[][] u) {
        int n = u.length;
        for (int c = 0; c < u[0].length; c++) {
            int arg = 0;
            for (int a = 1; a < n; a++) {
                if (Math.abs(u[a][c]) > Math.abs(u[arg][c])) {
                    arg = a;
                }
            }
            if (u[arg][c] < 0) {
                for (int a = 0; a < n; a++) {
                    u[a][c] = -u[a][c];
                }
            }
        }
    }

    private static String constantFeature(double[][] X) {
        for (int a = 0; a < X[0].length; a++) {
            boolean constant = true;
            for (double[] row : X) {
                if (row[a] != X[0][a]) {
                    constant = false;
                    break;
                }
            }
            if (constant) {
                return " (feature " + a + " is constant)";
            }
        }
        return "";
    }
}
