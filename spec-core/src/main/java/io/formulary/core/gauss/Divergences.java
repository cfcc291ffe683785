package io.formulary.core.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.SymmetricMatrixFunctions;

/**
 * Kullback-Leibler divergence and Bhattacharyya distance between {@code p = N(muP, sigmaP)} and
 * {@code q = N(muQ, sigmaQ)} (GAUSS-F11 to GAUSS-F18), with Cholesky log-determinants and solves (never an explicit
 * inverse) and a cancellation-free path for nearly equal covariances.
 *
 * <p>Path selection (F11): {@code u = eig(E)}, {@code E = L_q^{-1}(Sigma_p - Sigma_q)L_q^{-T}} with the difference
 * formed first, {@code rho = max|u_i|}. For {@code rho <= 1/2} the covariance parts are sums of
 * {@code g(u) = u - log(1+u)} (KL) and {@code log1p(w)} (BD) per eigenvalue, each evaluated without cancellation;
 * otherwise the Cholesky log-determinant forms are used, whose covariance parts are then bounded away from 0.
 *
 * <p>Error bounds ({@code kappa} = largest spectral condition number of the covariances,
 * {@code tol(kappa) = 1e-12 + 4 n eps kappa}): KL relative {@code tol(kappa)} on both paths; BD relative
 * {@code tol(kappa)} on the near-equal path and {@code 16 tol(kappa)} on the general path.
 */
public final class Divergences {

    /** Switch between the near-equal (eigenvalue) path and the general (log-determinant) path. */
    static final double NEAR_EQUAL_RADIUS = 0.5;

    private Divergences() {
    }

    /** Cross-entropy {@code E_p[-log q]} and the expected quadratic form {@code E_p[(x-mu_q)^T Sigma_q^{-1}(x-mu_q)]}. */
    public record CrossEntropy(double crossEntropy, double expectedQuadratic) {
    }

    /** Bhattacharyya coefficient {@code BC = exp(-BD)} and squared Hellinger distance {@code H^2 = 1 - BC}. */
    public record BhattacharyyaCoefficient(double bc, double hellingerSquared) {
    }

    /**
     * KL divergence {@code KL(p || q)}.
     *
     * <p>$$KL(p\Vert q)=\tfrac12\Big[\delta^\top\Sigma_q^{-1}\delta+\sum_i(\lambda_i-1-\log\lambda_i)\Big],\quad
     * \lambda_i=\mathrm{eig}(\Sigma_q^{-1}\Sigma_p)$$
     *
     * <p>Mean term {@code ||L_q^{-1} delta||^2}. Covariance term: near-equal path ({@code rho <= 1/2})
     * {@code sum g(u_i)}; general path with {@code B = L_q^{-1} L_p} (lower triangular, diagonal
     * {@code b_k = L_p,kk / L_q,kk}): {@code ||B||_F^2 - n - log det B^2 = sum_k g(b_k^2 - 1) + sum_{j<k} B_kj^2}, a sum
     * of non-negative terms (the same value as the chapter's trace/log-determinant form, without its subtraction).
     * The result is {@code >= 0}; {@code KL(p||p) = 0} exactly. Accuracy: relative {@code tol(kappa)}.
     * Source: GAUSS-F11.
     *
     * @param muP    mean of p, length n
     * @param sigmaP covariance of p, n x n SPD
     * @param muQ    mean of q, length n
     * @param sigmaQ covariance of q, n x n SPD
     * @return {@code KL(p||q) >= 0}
     * @throws IllegalArgumentException naming the parameter: malformed, non-finite, asymmetric, not positive
     *                                  definite, dimension mismatch, or a result that overflows double
     */
    @Formula(value = "GAUSS-F11", title = "KL divergence KL(p||q) of two Gaussians",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa) = 1e-12 + 4 n eps kappa")
    public static double klDivergence(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Pair pr = Pair.of(muP, sigmaP, muQ, sigmaQ);
        return Covariance.result(kl(pr.p, pr.q, pr.delta), "kl");
    }

    /**
     * Cross-entropy {@code E_p[-log q]} and {@code E_p[(x-mu_q)^T Sigma_q^{-1}(x-mu_q)]}.
     *
     * <p>$$\mathbb E_p[(x-\mu_q)^\top\Sigma_q^{-1}(x-\mu_q)]=\mathrm{Tr}(\Sigma_q^{-1}\Sigma_p)+\delta^\top\Sigma_q^{-1}\delta,\quad
     * \mathbb E_p[-\log q]=\tfrac12[n\log2\pi+\log\det\Sigma_q+\mathrm{Tr}(\Sigma_q^{-1}\Sigma_p)+\delta^\top\Sigma_q^{-1}\delta]$$
     *
     * <p>Evaluated as {@code ||L_q^{-1}L_p||_F^2 + ||L_q^{-1}delta||^2}. Accuracy: absolute
     * {@code tol(kappa)(n + |log det Sigma_q| + expectedQuadratic)}. Source: GAUSS-F12.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {crossEntropy, expectedQuadratic}}
     * @throws IllegalArgumentException on bad input (as {@link #klDivergence})
     */
    @Formula(value = "GAUSS-F12", title = "Cross-entropy and expected quadratic form",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{crossEntropy, expectedQuadratic}", accuracy = "absolute tol(kappa)(n + |log det Sq| + quad)")
    public static CrossEntropy crossEntropy(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Pair pr = Pair.of(muP, sigmaP, muQ, sigmaQ);
        double[][] b = SymmetricMatrixFunctions.solveLower(pr.q.lower, pr.p.lower);
        double quad = AccurateSums.sum(new double[] {squaredFrobenius(b),
                Covariance.squaredNorm(pr.q.whiten(pr.delta))});
        double ce = 0.5 * AccurateSums.sum(new double[] {pr.p.n * Gaussian.LOG_TWO_PI, pr.q.logDet(), quad});
        return new CrossEntropy(Covariance.result(ce, "crossEntropy"), Covariance.result(quad, "expectedQuadratic"));
    }

    /**
     * KL divergence against the standard normal.
     *
     * <p>$$KL(p\Vert\mathcal N(0,I))=\tfrac12\Big[\|\mu_p\|^2+\sum_i(\lambda_i-1-\log\lambda_i)\Big],\ \lambda_i=\mathrm{eig}(\Sigma_p)$$
     *
     * <p>GAUSS-F11 with {@code L_q = I}. Accuracy: relative {@code tol(kappa_p)}. Source: GAUSS-F13.
     *
     * @param muP    mean, length n
     * @param sigmaP covariance, SPD
     * @return {@code KL(p || N(0, I)) >= 0}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F13", title = "KL divergence against the standard normal",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa_p)")
    public static double klToStandardNormal(double[] muP, double[][] sigmaP) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        double[] m = Covariance.vector(muP, p, "muP", "sigmaP");
        return Covariance.result(kl(p, Covariance.identity(p.n), m), "kl");
    }

    /**
     * KL divergence of two univariate normals given by standard deviations.
     *
     * <p>$$KL=\log\frac{\sigma_q}{\sigma_p}+\frac{\sigma_p^2+(\mu_p-\mu_q)^2}{2\sigma_q^2}-\frac12
     * =\tfrac12\Big[\frac{\delta^2}{\sigma_q^2}+g(u)\Big],\ u=\frac{\sigma_p^2-\sigma_q^2}{\sigma_q^2}$$
     *
     * <p>All inputs are first scaled by one power of two (exact) so that {@code max(sdP, sdQ)} lies in
     * {@code [1/2, 1)}; then {@code u = ((sdP-sdQ)/sdQ)((sdP+sdQ)/sdQ)}, the series for {@code |u| < 1/2}, otherwise
     * {@code g = u - 2(log sdP - log sdQ)}. Accuracy: relative {@code 1e-14}. Source: GAUSS-F14.
     *
     * @param muP mean of p, finite
     * @param sdP standard deviation of p, {@code > 0}
     * @param muQ mean of q, finite
     * @param sdQ standard deviation of q, {@code > 0}
     * @return {@code KL >= 0}
     * @throws IllegalArgumentException on a non-finite argument, a non-positive standard deviation, or a result
     *                                  above {@code Double.MAX_VALUE}
     */
    @Formula(value = "GAUSS-F14", title = "KL divergence in one dimension",
            args = {@Formula.Arg(name = "muP", shape = "scalar"), @Formula.Arg(name = "sdP", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "muQ", shape = "scalar"), @Formula.Arg(name = "sdQ", shape = "scalar", domain = "> 0")},
            output = "scalar >= 0", accuracy = "relative 1e-14")
    public static double klDivergence1d(double muP, double sdP, double muQ, double sdQ) {
        Scaled s = Scaled.of(muP, sdP, muQ, sdQ);
        double u = ((s.sdP - s.sdQ) / s.sdQ) * ((s.sdP + s.sdQ) / s.sdQ);
        double gu = Math.abs(u) < NEAR_EQUAL_RADIUS ? g(u)
                // Log of each input separately: their ratio may underflow.
                : u - 2 * (StrictMath.log(s.sdP) - StrictMath.log(s.sdQ));
        double z = s.delta / s.sdQ;
        return Covariance.result(0.5 * (z * z + gu), "kl");
    }

    /**
     * Bhattacharyya distance {@code BD(p, q) = -log int sqrt(p q)}.
     *
     * <p>$$BD=\tfrac12\log\frac{\det\bar\Sigma}{\sqrt{\det\Sigma_p\det\Sigma_q}}+\tfrac18\delta^\top\bar\Sigma^{-1}\delta,
     * \quad\bar\Sigma=\tfrac12(\Sigma_p+\Sigma_q)$$
     *
     * <p>Mean term {@code ||Lbar^{-1} delta||^2 / 8}. Covariance term: near-equal path
     * {@code 1/2 sum log1p(w_i)}, {@code w = (sqrt(lambda)-1)^2/(2 sqrt(lambda))},
     * {@code sqrt(lambda)-1 = u/(1+sqrt(1+u))}; general path
     * {@code sum_k log(Lbar_kk / sqrt(L_p,kk L_q,kk))}. Accuracy: relative {@code tol(kappa)} (near-equal path),
     * {@code 16 tol(kappa)} (general path). Source: GAUSS-F15.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code BD >= 0}, symmetric in p and q
     * @throws IllegalArgumentException on bad input (as {@link #klDivergence})
     */
    @Formula(value = "GAUSS-F15", title = "Bhattacharyya distance of two Gaussians",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa) (near-equal), 16 tol(kappa) (general)")
    public static double bhattacharyyaDistance(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Pair pr = Pair.of(muP, sigmaP, muQ, sigmaQ);
        return Covariance.result(bd(pr.p, pr.q, pr.delta), "bd");
    }

    /**
     * Bhattacharyya coefficient and squared Hellinger distance.
     *
     * <p>$$BC=e^{-BD}\in(0,1],\qquad H^2=\tfrac12\int(\sqrt p-\sqrt q)^2=1-e^{-BD}$$
     *
     * <p>{@code H^2 = -expm1(-BD)} keeps relative accuracy for tiny BD. Accuracy: as GAUSS-F15. Source: GAUSS-F16.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {bc, hellingerSquared}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F16", title = "Bhattacharyya coefficient and Hellinger distance",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{bc, hellingerSquared}", accuracy = "as GAUSS-F15")
    public static BhattacharyyaCoefficient bhattacharyyaCoefficient(double[] muP, double[][] sigmaP, double[] muQ,
                                                                    double[][] sigmaQ) {
        double bd = bhattacharyyaDistance(muP, sigmaP, muQ, sigmaQ);
        return new BhattacharyyaCoefficient(StrictMath.exp(-bd), -StrictMath.expm1(-bd));
    }

    /**
     * Bhattacharyya distance of two univariate normals given by standard deviations.
     *
     * <p>$$BD=\tfrac12\log\frac{\sigma_p^2+\sigma_q^2}{2\sigma_p\sigma_q}+\frac{\delta^2}{4(\sigma_p^2+\sigma_q^2)}
     * =\tfrac12\operatorname{log1p}\frac{(\sigma_p-\sigma_q)^2}{2\sigma_p\sigma_q}+\frac{\delta^2}{4(\sigma_p^2+\sigma_q^2)}$$
     *
     * <p>After the power-of-two prescaling of GAUSS-F14. Accuracy: relative {@code 1e-14}. Source: GAUSS-F17.
     *
     * @param muP mean of p
     * @param sdP standard deviation of p, {@code > 0}
     * @param muQ mean of q
     * @param sdQ standard deviation of q, {@code > 0}
     * @return {@code BD >= 0}
     * @throws IllegalArgumentException on a non-finite argument, a non-positive standard deviation, or overflow
     */
    @Formula(value = "GAUSS-F17", title = "Bhattacharyya distance in one dimension",
            args = {@Formula.Arg(name = "muP", shape = "scalar"), @Formula.Arg(name = "sdP", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "muQ", shape = "scalar"), @Formula.Arg(name = "sdQ", shape = "scalar", domain = "> 0")},
            output = "scalar >= 0", accuracy = "relative 1e-14")
    public static double bhattacharyyaDistance1d(double muP, double sdP, double muQ, double sdQ) {
        Scaled s = Scaled.of(muP, sdP, muQ, sdQ);
        double d = s.sdP - s.sdQ;
        // (sdP^2 + sdQ^2)/(2 sdP sdQ) = 1 + w: log1p keeps the tiny w of nearly equal deviations.
        double w = 0.5 * (d / s.sdP) * (d / s.sdQ);
        double cov = 0.5 * StrictMath.log1p(w);
        double sum2 = s.sdP * s.sdP + s.sdQ * s.sdQ;
        double mean = 0.25 * (s.delta / sum2) * s.delta;
        return Covariance.result(cov + mean, "bd");
    }

    /**
     * Bhattacharyya distance against the standard normal (not in the article).
     *
     * <p>$$BD(p,\mathcal N(0,I))=\tfrac12\sum_i\log\frac{1+\lambda_i}{2\sqrt{\lambda_i}}
     * +\tfrac18\mu_p^\top\Big(\tfrac{\Sigma_p+I}2\Big)^{-1}\mu_p$$
     *
     * <p>GAUSS-F15 with {@code Sigma_q = I}. Accuracy: relative {@code tol(kappa_p)} (16x on the general path).
     * Source: GAUSS-F18.
     *
     * @param muP    mean, length n
     * @param sigmaP covariance, SPD
     * @return {@code BD >= 0}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F18", title = "Bhattacharyya distance against the standard normal",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa_p)")
    public static double bhattacharyyaToStandardNormal(double[] muP, double[][] sigmaP) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        double[] m = Covariance.vector(muP, p, "muP", "sigmaP");
        return Covariance.result(bd(p, Covariance.identity(p.n), m), "bd");
    }

    /**
     * The covariance part {@code sum g(u_i)} of {@code 2 KL} by the near-equal path, whatever {@code rho} is (for the
     * path-consistency property GAUSS-P8; {@link #klDivergence} selects the path itself).
     */
    public static double klCovarianceNearEqualPath(double[][] sigmaP, double[][] sigmaQ) {
        Pair pr = Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        return klCovarianceNearEqual(whitenedDifferenceEigenvalues(pr.p, pr.q));
    }

    /** The covariance part of {@code 2 KL} by the general (Cholesky log-determinant) path (for GAUSS-P8). */
    public static double klCovarianceGeneralPath(double[][] sigmaP, double[][] sigmaQ) {
        Pair pr = Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        return klCovarianceGeneral(pr.p, pr.q);
    }

    /** The covariance part of BD by the near-equal path, whatever {@code rho} is (for GAUSS-P8). */
    public static double bdCovarianceNearEqualPath(double[][] sigmaP, double[][] sigmaQ) {
        Pair pr = Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        return bdCovarianceNearEqual(whitenedDifferenceEigenvalues(pr.p, pr.q));
    }

    /** The covariance part of BD by the general path (for GAUSS-P8). */
    public static double bdCovarianceGeneralPath(double[][] sigmaP, double[][] sigmaQ) {
        Pair pr = Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        return bdGeneral(pr.p, pr.q);
    }

    /** The whitened radius {@code rho = max|eig(L_q^{-1}(Sigma_p - Sigma_q)L_q^{-T})|} that selects the path. */
    public static double whitenedRadius(double[][] sigmaP, double[][] sigmaQ) {
        Pair pr = Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        return AccurateSums.maxAbs(whitenedDifferenceEigenvalues(pr.p, pr.q));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Shared kernels (package-private so that the transport and report code reuse one evaluation).

    /** Eigenvalues {@code u} of the whitened difference {@code E = L_q^{-1}(Sigma_p - Sigma_q)L_q^{-T}}. */
    static double[] whitenedDifferenceEigenvalues(Covariance p, Covariance q) {
        return SymmetricMatrixFunctions.eigenvalues(whitenedDifference(p, q), "sigmaP");
    }

    /** {@code E = L_q^{-1} D L_q^{-T}} with {@code D = Sigma_p - Sigma_q} formed first (exact for close entries). */
    static double[][] whitenedDifference(Covariance p, Covariance q) {
        int n = p.n;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = p.sigma[i][j] - q.sigma[i][j];
            }
        }
        return SymmetricMatrixFunctions.whiten(q.lower, d);
    }

    static double kl(Covariance p, Covariance q, double[] delta) {
        double m = Covariance.squaredNorm(q.whiten(delta));
        double[] u = whitenedDifferenceEigenvalues(p, q);
        double cov = AccurateSums.maxAbs(u) <= NEAR_EQUAL_RADIUS ? klCovarianceNearEqual(u) : klCovarianceGeneral(p, q);
        return 0.5 * (m + cov);
    }

    /** {@code sum g(u_i)} (near-equal path). */
    static double klCovarianceNearEqual(double[] u) {
        double[] t = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            t[i] = g(u[i]);
        }
        return AccurateSums.sum(t);
    }

    /** {@code ||B||_F^2 - n - 2 log det B}, {@code B = L_q^{-1} L_p}, as a sum of non-negative terms (general path). */
    static double klCovarianceGeneral(Covariance p, Covariance q) {
        int n = p.n;
        double[][] b = SymmetricMatrixFunctions.solveLower(q.lower, p.lower);
        double[] t = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                t[k++] = b[i][j] * b[i][j];
            }
            double bii = p.lower[i][i] / q.lower[i][i];
            double u = (bii - 1) * (bii + 1);
            t[k++] = Math.abs(u) < NEAR_EQUAL_RADIUS ? g(u)
                    : u - 2 * (StrictMath.log(p.lower[i][i]) - StrictMath.log(q.lower[i][i]));
        }
        return AccurateSums.sum(t);
    }

    static double bd(Covariance p, Covariance q, double[] delta) {
        int n = p.n;
        double[][] bar = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bar[i][j] = 0.5 * p.sigma[i][j] + 0.5 * q.sigma[i][j];
            }
        }
        double[][] lbar = DenseLinearAlgebra.cholesky(bar, "sigmaP").lower();
        double mean = 0.125 * Covariance.squaredNorm(DenseLinearAlgebra.forwardSubstitute(lbar, delta));
        double[] u = whitenedDifferenceEigenvalues(p, q);
        double cov;
        if (AccurateSums.maxAbs(u) <= NEAR_EQUAL_RADIUS) {
            cov = bdCovarianceNearEqual(u);
        } else {
            cov = bdGeneral(p, q, lbar);
        }
        return mean + cov;
    }

    static double bdGeneral(Covariance p, Covariance q) {
        int n = p.n;
        double[][] bar = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bar[i][j] = 0.5 * p.sigma[i][j] + 0.5 * q.sigma[i][j];
            }
        }
        return bdGeneral(p, q, DenseLinearAlgebra.cholesky(bar, "sigmaP").lower());
    }

    static double bdGeneral(Covariance p, Covariance q, double[][] lbar) {
        int n = p.n;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            // log(Lbar_kk / sqrt(Lp_kk Lq_kk)) per pivot: no large log-determinants cancel.
            t[k] = StrictMath.log(lbar[k][k] / Math.sqrt(p.lower[k][k]) / Math.sqrt(q.lower[k][k]));
        }
        return Math.max(0.0, AccurateSums.sum(t));
    }

    /** {@code 1/2 sum log1p((sqrt(lambda)-1)^2 / (2 sqrt(lambda)))}, {@code lambda = 1 + u} (near-equal path). */
    static double bdCovarianceNearEqual(double[] u) {
        double[] t = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double s = Math.sqrt(1 + u[i]);
            double sm1 = u[i] / (1 + s);
            t[i] = 0.5 * StrictMath.log1p(sm1 * sm1 / (2 * s));
        }
        return AccurateSums.sum(t);
    }

    /**
     * {@code g(u) = u - log(1+u)} for {@code |u| <= 1/2} without cancellation: with {@code r = u/(2+u)},
     * {@code g = u r - 2 r^3 sum_{k=1}^{20} r^{2k-2}/(2k+1)} ({@code |r| <= 1/3}); larger {@code |u|} by
     * {@code u - log1p(u)}.
     */
    static double g(double u) {
        if (!(Math.abs(u) <= NEAR_EQUAL_RADIUS)) {
            return u - StrictMath.log1p(u);
        }
        double r = u / (2 + u);
        double r2 = r * r;
        double s = 0;
        for (int k = 20; k >= 1; k--) {
            s = s * r2 + 1.0 / (2 * k + 1);
        }
        return u * r - 2 * r * r2 * s;
    }

    static double squaredFrobenius(double[][] a) {
        double f = io.formulary.core.numeric.AccurateSums.normFrobenius(a);
        return f * f;
    }

    /** Two validated distributions of the same dimension and the mean difference {@code delta = muP - muQ}. */
    static final class Pair {
        final Covariance p;
        final Covariance q;
        final double[] muP;
        final double[] muQ;
        final double[] delta;

        private Pair(Covariance p, Covariance q, double[] muP, double[] muQ) {
            this.p = p;
            this.q = q;
            this.muP = muP;
            this.muQ = muQ;
            this.delta = Covariance.difference(muP, muQ, "muP");
        }

        static Pair of(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
            Covariance p = Covariance.of(sigmaP, "sigmaP");
            Covariance q = Covariance.of(sigmaQ, "sigmaQ");
            p.requireSameDimension(q, "sigmaP", "sigmaQ");
            return new Pair(p, q, Covariance.vector(muP, p, "muP", "sigmaP"), Covariance.vector(muQ, q, "muQ", "sigmaQ"));
        }
    }

    /** One-dimensional inputs scaled by a common power of two so that {@code max(sdP, sdQ)} is in [1/2, 1). */
    static final class Scaled {
        final double sdP;
        final double sdQ;
        final double delta;

        private Scaled(double sdP, double sdQ, double delta) {
            this.sdP = sdP;
            this.sdQ = sdQ;
            this.delta = delta;
        }

        static Scaled of(double muP, double sdP, double muQ, double sdQ) {
            Checks.finite(muP, "muP");
            Checks.positive(sdP, "sdP");
            Checks.finite(muQ, "muQ");
            Checks.positive(sdQ, "sdQ");
            // KL, BD and W2/sigma^2 are scale invariant: an exact power-of-two scaling keeps the squares in range.
            int e = Math.getExponent(Math.max(sdP, sdQ)) + 1;
            double dp = StrictMath.scalb(muP, -e) - StrictMath.scalb(muQ, -e);
            return new Scaled(StrictMath.scalb(sdP, -e), StrictMath.scalb(sdQ, -e), dp);
        }
    }
}
