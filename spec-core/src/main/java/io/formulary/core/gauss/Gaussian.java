package io.formulary.core.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * The multivariate normal distribution {@code N(mu, Sigma)}: density, log-density, moments, entropy, the Gaussian
 * integral and the moment generating function (GAUSS-F1 to GAUSS-F7), all through the Cholesky factor
 * {@code L L^T = Sigma}; {@code Sigma^{-1}} is never formed.
 */
public final class Gaussian {

    /** {@code log(2 pi)}. */
    public static final double LOG_TWO_PI = 1.8378770664093454836;
    /** {@code log(Double.MAX_VALUE)}: a larger log value has no double exponential. */
    public static final double LOG_MAX_VALUE = 709.782712893384;

    private Gaussian() {
    }

    /** Validated mean and covariance ({@code mean}, {@code cov}), GAUSS-F3. */
    public record Moments(double[] mean, double[][] cov) {
    }

    /** The Gaussian integral on the log scale and, when representable, on the linear scale (GAUSS-F6). */
    public record GaussianIntegral(double log, double value) {
    }

    /** {@code log M(omega)} and the characteristic function {@code phi(omega) = cfRe + i cfIm} (GAUSS-F7). */
    public record MomentGenerating(double logMgf, double cfRe, double cfIm) {
    }

    /**
     * Density of {@code N(mu, Sigma)} at {@code x}.
     *
     * <p>$$p(x)=\frac{1}{\sqrt{(2\pi)^n\det\Sigma}}\exp\{-\tfrac12(x-\mu)^\top\Sigma^{-1}(x-\mu)\}$$
     *
     * <p>Evaluated as {@code exp(logPdf)}; underflow to 0 is a legitimate result. Accuracy: relative error at most
     * the absolute bound of {@link #logPdf}. Source: GAUSS-F1.
     *
     * @param x     evaluation point, length n, finite
     * @param mu    mean, length n, finite
     * @param sigma covariance, n x n SPD
     * @return the density, {@code >= 0}
     * @throws IllegalArgumentException on bad input (see {@link #logPdf})
     */
    @Formula(value = "GAUSS-F1", title = "Density of N(mu, Sigma)",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"), @Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa)(n + |log det Sigma| + ||z||^2)")
    public static double pdf(double[] x, double[] mu, double[][] sigma) {
        return StrictMath.exp(logPdf(x, mu, sigma));
    }

    /**
     * Log-density of {@code N(mu, Sigma)} at {@code x}.
     *
     * <p>$$\log p(x)=-\tfrac12\Big(n\log2\pi+\log\det\Sigma+\|L^{-1}(x-\mu)\|^2\Big)$$
     *
     * <p>Accuracy: absolute {@code tol(kappa)(n + |log det Sigma| + ||z||^2)} with
     * {@code tol(kappa) = 1e-12 + 4 n eps kappa}. Source: GAUSS-F2.
     *
     * @param x     evaluation point, length n, finite
     * @param mu    mean, length n, finite
     * @param sigma covariance, n x n SPD
     * @return {@code log p(x)}
     * @throws IllegalArgumentException naming the parameter: shape or length mismatch, NaN/infinite entry,
     *                                  asymmetric or not positive definite {@code sigma}, result below
     *                                  {@code -Double.MAX_VALUE}
     */
    @Formula(value = "GAUSS-F2", title = "Log-density of N(mu, Sigma)",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"), @Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar", accuracy = "absolute tol(kappa)(n + |log det Sigma| + ||z||^2)")
    public static double logPdf(double[] x, double[] mu, double[][] sigma) {
        Covariance c = Covariance.of(sigma, "sigma");
        double[] m = Covariance.vector(mu, c, "mu", "sigma");
        double[] xx = Covariance.vector(x, c, "x", "sigma");
        // Whitening by forward substitution, never Sigma^{-1}; the scaled norm avoids overflow of the squares.
        double[] z = c.whiten(Covariance.difference(xx, m, "x"));
        double q = Covariance.squaredNorm(z);
        double v = -0.5 * AccurateSums.sum(new double[] {c.n * LOG_TWO_PI, c.logDet(), q});
        return Covariance.result(v, "logPdf");
    }

    /**
     * The defining first two moments {@code E[x] = mu}, {@code E[(x-mu)(x-mu)^T] = Sigma}: a validated echo.
     *
     * <p>$$\mathbb E[x]=\mu,\quad\mathbb E[(x-\mu)(x-\mu)^\top]=\Sigma$$
     *
     * <p>Exact (copies; the covariance is returned symmetrised). Source: GAUSS-F3.
     *
     * @param mu    mean, length n
     * @param sigma covariance, n x n SPD
     * @return {@code {mean, cov}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F3", title = "First two moments (validated echo)",
            args = {@Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "{mean: vector[n], cov: matrix[n][n]}", accuracy = "exact")
    public static Moments moments(double[] mu, double[][] sigma) {
        Covariance c = Covariance.of(sigma, "sigma");
        return new Moments(Covariance.vector(mu, c, "mu", "sigma"), Checks.copy(c.sigma));
    }

    /**
     * Raw second moment {@code E[x x^T] = mu mu^T + Sigma}.
     *
     * <p>$$\mathbb E[xx^\top]=\mu\mu^\top+\Sigma$$
     *
     * <p>Entrywise {@code fma(mu_a, mu_b, Sigma_ab)}: 1 ulp per entry. Source: GAUSS-F4.
     *
     * @param mu    mean, length n
     * @param sigma covariance, n x n SPD
     * @return n x n matrix
     * @throws IllegalArgumentException on bad input or an overflowing entry
     */
    @Formula(value = "GAUSS-F4", title = "Raw second moment mu mu^T + Sigma",
            args = {@Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "matrix[n][n]", accuracy = "1 ulp per entry")
    public static double[][] secondMoment(double[] mu, double[][] sigma) {
        Covariance c = Covariance.of(sigma, "sigma");
        double[] m = Covariance.vector(mu, c, "mu", "sigma");
        double[][] out = new double[c.n][c.n];
        for (int a = 0; a < c.n; a++) {
            for (int b = 0; b < c.n; b++) {
                // One rounding per entry.
                out[a][b] = Covariance.result(Math.fma(m[a], m[b], c.sigma[a][b]), "secondMoment");
            }
        }
        return out;
    }

    /**
     * Differential entropy of {@code N(mu, Sigma)} (independent of the mean).
     *
     * <p>$$\mathcal H=\tfrac n2(1+\log2\pi)+\sum_k\log L_{kk}$$
     *
     * <p>Accuracy: absolute {@code tol(kappa)(n + |log det Sigma|)}. Source: GAUSS-F5.
     *
     * @param sigma covariance, n x n SPD
     * @return the entropy in nats
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F5", title = "Entropy of N(mu, Sigma)",
            args = {@Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar", accuracy = "absolute tol(kappa)(n + |log det Sigma|)")
    public static double entropy(double[][] sigma) {
        Covariance c = Covariance.of(sigma, "sigma");
        return AccurateSums.sum(new double[] {0.5 * c.n * (1 + LOG_TWO_PI), c.halfLogDet()});
    }

    /**
     * The Gaussian integral, valid for every {@code omega}.
     *
     * <p>$$\int\exp\{-\tfrac12x^\top\Sigma^{-1}x+\omega^\top x\}dx=\sqrt{(2\pi)^n\det\Sigma}\exp\{\tfrac12\omega^\top\Sigma\omega\}$$
     *
     * <p>The log is {@code n/2 log 2pi + sum log L_kk + ||L^T omega||^2/2} (no cancellation). Accuracy: absolute on
     * the log {@code tol(kappa)(n + |log det Sigma| + omega^T Sigma omega)}. Source: GAUSS-F6.
     *
     * @param sigma covariance, n x n SPD
     * @param omega exponent vector, length n
     * @return {@code {log, value}}
     * @throws IllegalArgumentException on bad input, or {@code omega} when the value overflows (log &gt; 709.78;
     *                                  use {@link #logGaussianIntegral})
     */
    @Formula(value = "GAUSS-F6", title = "Gaussian integral (log and value)",
            args = {@Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "omega", shape = "vector[n]")},
            output = "{log: scalar, value: scalar}", accuracy = "absolute on log tol(kappa)(n + |log det| + w'Sw)")
    public static GaussianIntegral gaussianIntegral(double[][] sigma, double[] omega) {
        double log = logGaussianIntegral(sigma, omega);
        if (!(log <= LOG_MAX_VALUE)) {
            throw Checks.fail("omega", "Gaussian integral overflows double (log value " + log
                    + "); use logGaussianIntegral");
        }
        return new GaussianIntegral(log, StrictMath.exp(log));
    }

    /** The logarithm of the Gaussian integral of {@link #gaussianIntegral} (never overflows for valid input). */
    public static double logGaussianIntegral(double[][] sigma, double[] omega) {
        Covariance c = Covariance.of(sigma, "sigma");
        double[] w = Covariance.vector(omega, c, "omega", "sigma");
        double q = quadraticForm(c, w);
        return Covariance.result(AccurateSums.sum(new double[] {0.5 * c.n * LOG_TWO_PI, c.halfLogDet(), 0.5 * q}),
                "gaussianIntegral");
    }

    /**
     * Log moment generating function and characteristic function of {@code N(mu, Sigma)}; the article's
     * "characteristic function" is the MGF (Errata 1).
     *
     * <p>$$\log M(\omega)=\omega^\top\mu+\tfrac12\omega^\top\Sigma\omega,\qquad
     * \varphi(\omega)=e^{-q/2}(\cos\phi+i\sin\phi),\ \phi=\omega^\top\mu,\ q=\|L^\top\omega\|^2$$
     *
     * <p>Accuracy: as GAUSS-F6, plus 1 ulp for sin/cos. Source: GAUSS-F7.
     *
     * @param mu    mean, length n
     * @param sigma covariance, n x n SPD
     * @param omega argument, length n
     * @return {@code {logMgf, cfRe, cfIm}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F7", title = "Log-MGF and characteristic function",
            args = {@Formula.Arg(name = "mu", shape = "vector[n]"),
                    @Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "omega", shape = "vector[n]")},
            output = "{logMgf, cfRe, cfIm}", accuracy = "as GAUSS-F6 plus 1 ulp")
    public static MomentGenerating momentGenerating(double[] mu, double[][] sigma, double[] omega) {
        Covariance c = Covariance.of(sigma, "sigma");
        double[] m = Covariance.vector(mu, c, "mu", "sigma");
        double[] w = Covariance.vector(omega, c, "omega", "sigma");
        double phi = Covariance.result(AccurateSums.dot(w, m), "logMgf");
        double q = quadraticForm(c, w);
        double logMgf = Covariance.result(phi + 0.5 * q, "logMgf");
        double damp = StrictMath.exp(-0.5 * q);
        return new MomentGenerating(logMgf, damp * StrictMath.cos(phi), damp * StrictMath.sin(phi));
    }

    /**
     * The MGF {@code M(omega) = exp(omega^T mu + omega^T Sigma omega / 2)} on the linear scale.
     *
     * @throws IllegalArgumentException naming {@code omega} when the value overflows (log &gt; 709.78)
     */
    public static double mgf(double[] mu, double[][] sigma, double[] omega) {
        double log = momentGenerating(mu, sigma, omega).logMgf();
        if (!(log <= LOG_MAX_VALUE)) {
            throw Checks.fail("omega", "mgf overflows double (log value " + log + "); use logMgf");
        }
        return StrictMath.exp(log);
    }

    /** {@code omega^T Sigma omega = ||L^T omega||^2 >= 0} (no cancellation). */
    static double quadraticForm(Covariance c, double[] w) {
        double[] y = new double[c.n];
        for (int j = 0; j < c.n; j++) {
            double[] col = new double[c.n - j];
            double[] ww = new double[c.n - j];
            for (int i = j; i < c.n; i++) {
                col[i - j] = c.lower[i][j];
                ww[i - j] = w[i];
            }
            y[j] = AccurateSums.dot(col, ww);
        }
        return Covariance.squaredNorm(y);
    }
}
