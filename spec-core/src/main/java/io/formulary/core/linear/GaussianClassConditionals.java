package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.ErrorFunctions;

/**
 * Gaussian class-conditional densities and the log-ratios and Bayes accuracy they imply (LOGIT-F8, F9, F17, F18).
 * Densities are evaluated in log space with a Cholesky factor; no determinant or inverse is formed.
 */
public final class GaussianClassConditionals {

    private static final double LOG_TWO_PI = 1.8378770664093453;

    private GaussianClassConditionals() {
    }

    /**
     * The multivariate normal log-density (row vectors):
     * $$\ln\mathcal N(\boldsymbol x;\boldsymbol\mu,\boldsymbol\Sigma)=-\tfrac12\|\boldsymbol v\|^2-\tfrac n2\ln2\pi-\sum_a\ln L_{aa},
     * \quad \boldsymbol\Sigma=\boldsymbol L\boldsymbol L^\top,\ \boldsymbol L\boldsymbol v^\top=(\boldsymbol x-\boldsymbol\mu)^\top .$$
     * Domain: {@code sigma} symmetric positive definite. Accuracy: {@code 10 n kappa(Sigma) eps} relative to
     * {@code 1 + |ln N|}. Source: LOGIT-F8.
     *
     * @param x     point, length {@code n}
     * @param mu    mean, length {@code n}
     * @param sigma covariance, {@code n x n}, symmetric positive definite
     * @return {@code ln N(x; mu, Sigma)}
     * @throws IllegalArgumentException if {@code sigma} is not symmetric positive definite, or on shape errors
     */
    @Formula(value = "LOGIT-F8", title = "Multivariate normal log-density (Cholesky)",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"),
                    @Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "symmetric positive definite")},
            output = "scalar: ln N(x; mu, Sigma)", accuracy = "10 n kappa(Sigma) eps (1 + |ln N|)")
    public static double logDensity(double[] x, double[] mu, double[][] sigma) {
        int n = Checks.symmetric(sigma, 1e-12, "sigma");
        Inputs.query(x, n, "x");
        Checks.length(mu, n, "mu");
        return logDensity(x, mu, DenseLinearAlgebra.cholesky(sigma, "sigma"));
    }

    static double logDensity(double[] x, double[] mu, DenseLinearAlgebra.Cholesky chol) {
        double[] v = chol.solveLower(Inputs.minus(x, mu));
        return -0.5 * AccurateSums.sumOfSquares(v) - 0.5 * x.length * LOG_TWO_PI - 0.5 * chol.logDet();
    }

    /**
     * The posterior log-odds under Gaussian classes with a shared covariance (the quadratic terms cancel):
     * $$\ln\frac{p(1|\boldsymbol x)}{p(0|\boldsymbol x)}=\boldsymbol x\boldsymbol\Sigma^{-1}(\boldsymbol\mu_1-\boldsymbol\mu_0)^\top
     * +\tfrac12\big(\boldsymbol\mu_0\boldsymbol\Sigma^{-1}\boldsymbol\mu_0^\top-\boldsymbol\mu_1\boldsymbol\Sigma^{-1}\boldsymbol\mu_1^\top\big)+\ln\frac{p_1}{p_0},$$
     * evaluated as {@code (x - (mu0+mu1)/2) Sigma^{-1} (mu1-mu0)^T + ln p1 - ln p0} (one Cholesky solve; the
     * article's difference of quadratic forms cancels, erratum E15). Accuracy: {@code 100 kappa eps} relative to
     * the magnitude of the terms. Source: LOGIT-F9.
     *
     * @param x     point, length {@code n}
     * @param mu0   mean of class 0
     * @param mu1   mean of class 1
     * @param sigma shared covariance, symmetric positive definite
     * @param p0    prior of class 0, in {@code (0,1]}
     * @param p1    prior of class 1, in {@code (0,1]}
     * @return the log-odds
     */
    @Formula(value = "LOGIT-F9", title = "Shared-covariance posterior log-ratio",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"),
                    @Formula.Arg(name = "mu0", shape = "vector[n]"),
                    @Formula.Arg(name = "mu1", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "symmetric positive definite"),
                    @Formula.Arg(name = "p0", shape = "scalar", domain = "(0, 1]"),
                    @Formula.Arg(name = "p1", shape = "scalar", domain = "(0, 1]")},
            output = "scalar: ln p(1|x)/p(0|x)", accuracy = "100 kappa eps (|x w^T| + |b| + 1)")
    public static double sharedCovarianceLogRatio(double[] x, double[] mu0, double[] mu1, double[][] sigma, double p0,
                                                  double p1) {
        BinaryModel m = AnalyticLogistic.binaryFromParameters(mu0, mu1, sigma, p0, p1);
        return m.logit(x);
    }

    /**
     * The quadratic-discriminant (unequal covariance) posterior log-ratio
     * $$\ln\frac{p(1|\boldsymbol x)}{p(0|\boldsymbol x)}=-\tfrac12(\boldsymbol x-\boldsymbol\mu_1)\boldsymbol\Sigma_1^{-1}(\boldsymbol x-\boldsymbol\mu_1)^\top
     * +\tfrac12(\boldsymbol x-\boldsymbol\mu_0)\boldsymbol\Sigma_0^{-1}(\boldsymbol x-\boldsymbol\mu_0)^\top-\tfrac12\ln\frac{\det\boldsymbol\Sigma_1}{\det\boldsymbol\Sigma_0}+\ln\frac{p_1}{p_0},$$
     * from per-class Cholesky factors (log-determinants from the factors' diagonals). With
     * {@code Sigma1 = Sigma0} it reduces to LOGIT-F9. Accuracy: {@code 100 kappa eps} relative to the two
     * log-densities. Source: LOGIT-F17.
     *
     * @param x      point
     * @param mu0    mean of class 0
     * @param sigma0 covariance of class 0, symmetric positive definite
     * @param mu1    mean of class 1
     * @param sigma1 covariance of class 1, symmetric positive definite
     * @param p0     prior of class 0
     * @param p1     prior of class 1
     * @return the log-odds
     */
    @Formula(value = "LOGIT-F17", title = "QDA (unequal covariance) posterior log-ratio",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"),
                    @Formula.Arg(name = "mu0", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma0", shape = "matrix[n][n]", domain = "symmetric positive definite"),
                    @Formula.Arg(name = "mu1", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma1", shape = "matrix[n][n]", domain = "symmetric positive definite"),
                    @Formula.Arg(name = "p0", shape = "scalar", domain = "(0, 1]"),
                    @Formula.Arg(name = "p1", shape = "scalar", domain = "(0, 1]")},
            output = "scalar: ln p(1|x)/p(0|x)", accuracy = "100 kappa eps (|ln N1| + |ln N0| + 1)")
    public static double quadraticLogRatio(double[] x, double[] mu0, double[][] sigma0, double[] mu1, double[][] sigma1,
                                           double p0, double p1) {
        int n = Checks.symmetric(sigma0, 1e-12, "sigma0");
        Checks.square(sigma1, n, "sigma1");
        Checks.symmetric(sigma1, 1e-12, "sigma1");
        Inputs.query(x, n, "x");
        Checks.length(mu0, n, "mu0");
        Checks.length(mu1, n, "mu1");
        LogisticFunctions.prior(p0, "p0");
        LogisticFunctions.prior(p1, "p1");
        DenseLinearAlgebra.Cholesky c0 = DenseLinearAlgebra.cholesky(sigma0, "sigma0");
        DenseLinearAlgebra.Cholesky c1 = DenseLinearAlgebra.cholesky(sigma1, "sigma1");
        double q1 = AccurateSums.sumOfSquares(c1.solveLower(Inputs.minus(x, mu1)));
        double q0 = AccurateSums.sumOfSquares(c0.solveLower(Inputs.minus(x, mu0)));
        // The 2 pi terms cancel exactly, so they are never formed.
        return 0.5 * (q0 - q1) - 0.5 * (c1.logDet() - c0.logDet()) + (StrictMath.log(p1) - StrictMath.log(p0));
    }

    /**
     * Log posteriors {@code ln p(i|x)} of Gaussian classes with their own covariances (QDA; shared covariance when
     * all are equal), by log-densities and log-sum-exp. Used for Bayes rules with known parameters.
     *
     * @param x           point, length {@code n}
     * @param means       class means as rows, {@code k x n}
     * @param covariances class covariances, {@code k} matrices {@code n x n}
     * @param priors      class priors, summing to 1
     * @return {@code ln p(i|x)}, length {@code k}
     */
    public static double[] logPosteriors(double[] x, double[][] means, double[][][] covariances, double[] priors) {
        int k = Inputs.priors(priors, "priors");
        Checks.shape(means, k, -1, "means");
        Checks.notNull(covariances, "covariances");
        if (covariances.length != k) {
            throw Checks.fail("covariances", "has " + covariances.length + " matrices, expected k=" + k);
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = logDensity(x, means[i], covariances[i]) + StrictMath.log(priors[i]);
        }
        return LogisticFunctions.logSoftmax(z);
    }

    /**
     * The accuracy of the Bayes rule for two Gaussian classes with a shared covariance:
     * $$A_{\rm Bayes}=p_1\,\Phi\Big(\frac\Delta2+\frac L\Delta\Big)+p_0\,\Phi\Big(\frac\Delta2-\frac L\Delta\Big),\quad
     * \Delta^2=(\boldsymbol\mu_1-\boldsymbol\mu_0)\boldsymbol\Sigma^{-1}(\boldsymbol\mu_1-\boldsymbol\mu_0)^\top,\ L=\ln\frac{p_1}{p_0},$$
     * with {@code A = max(p0, p1)} when {@code Delta = 0}; {@code Phi(t) = erfc(-t/sqrt 2)/2}. Accuracy:
     * {@code 10 kappa eps} relative (the Mahalanobis distance) plus 32 ulps of the {@code Phi} evaluations.
     * Source: LOGIT-F18.
     *
     * @param mu0   mean of class 0
     * @param mu1   mean of class 1
     * @param sigma shared covariance, symmetric positive definite
     * @param p1    prior of class 1, in {@code (0,1)}
     * @return the Bayes accuracy in {@code [max(p0,p1), 1]}
     */
    @Formula(value = "LOGIT-F18", title = "Bayes accuracy of two Gaussian classes with a shared covariance",
            args = {@Formula.Arg(name = "mu0", shape = "vector[n]"),
                    @Formula.Arg(name = "mu1", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "symmetric positive definite"),
                    @Formula.Arg(name = "p1", shape = "scalar", domain = "(0, 1)")},
            output = "scalar: Bayes accuracy", accuracy = "10 kappa eps + 32 ulps")
    public static double bayesAccuracy(double[] mu0, double[] mu1, double[][] sigma, double p1) {
        int n = Checks.symmetric(sigma, 1e-12, "sigma");
        Checks.length(mu0, n, "mu0");
        Checks.length(mu1, n, "mu1");
        DenseLinearAlgebra.Cholesky chol = DenseLinearAlgebra.cholesky(sigma, "sigma");
        double delta = AccurateSums.norm2(chol.solveLower(Inputs.minus(mu1, mu0)));
        return accuracyFromDistance(delta, p1);
    }

    /**
     * {@link #bayesAccuracy} from the Mahalanobis distance {@code delta >= 0} and the prior {@code p1 in (0,1)};
     * {@code L = ln p1 - log1p(-p1)}.
     */
    public static double accuracyFromDistance(double delta, double p1) {
        Checks.nonNegative(delta, "delta");
        Checks.finite(p1, "p1");
        if (!(p1 > 0 && p1 < 1)) {
            throw Checks.fail("p1", "must be in (0, 1), got " + p1);
        }
        double p0 = 1 - p1;
        if (delta == 0) {
            return Math.max(p0, p1);
        }
        double l = StrictMath.log(p1) - StrictMath.log1p(-p1);
        return p1 * ErrorFunctions.normalCdf(delta / 2 + l / delta) + p0 * ErrorFunctions.normalCdf(delta / 2 - l / delta);
    }
}
