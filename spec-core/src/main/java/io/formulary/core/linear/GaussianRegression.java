package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.LinearModelAlgebra;

/**
 * Linear regression with an intercept derived from a jointly Gaussian {@code (x, y)} (LOGIT-F1 to F4). Row
 * vectors throughout: {@code y = x W + b}, {@code W} of shape {@code n x m}.
 */
public final class GaussianRegression {

    private GaussianRegression() {
    }

    /**
     * Sample moments with the {@code 1/N} normalization.
     *
     * @param muX    {@code mu_x}, length {@code n}
     * @param muY    {@code mu_y}, length {@code m}
     * @param sigmaXX {@code Sigma_xx}, {@code n x n}
     * @param sigmaXY {@code Sigma_xy}, {@code n x m}
     * @param sigmaYY {@code Sigma_yy}, {@code m x m}
     */
    public record Moments(double[] muX, double[] muY, double[][] sigmaXX, double[][] sigmaXY, double[][] sigmaYY) {
        public Moments {
            muX = muX.clone();
            muY = muY.clone();
            sigmaXX = Checks.copy(sigmaXX);
            sigmaXY = Checks.copy(sigmaXY);
            sigmaYY = Checks.copy(sigmaYY);
        }

        @Override
        public double[] muX() {
            return muX.clone();
        }

        @Override
        public double[] muY() {
            return muY.clone();
        }

        @Override
        public double[][] sigmaXX() {
            return Checks.copy(sigmaXX);
        }

        @Override
        public double[][] sigmaXY() {
            return Checks.copy(sigmaXY);
        }

        @Override
        public double[][] sigmaYY() {
            return Checks.copy(sigmaYY);
        }
    }

    /**
     * A fitted regression {@code y = x W + b}.
     *
     * @param weights {@code W}, {@code n x m}
     * @param bias    {@code b}, length {@code m}
     */
    public record Fit(double[][] weights, double[] bias) {
        public Fit {
            weights = Checks.copy(weights);
            bias = bias.clone();
        }

        @Override
        public double[][] weights() {
            return Checks.copy(weights);
        }

        @Override
        public double[] bias() {
            return bias.clone();
        }

        /** The prediction {@code x W + b}. */
        public double[] predict(double[] x) {
            Inputs.query(x, weights.length, "x");
            double[] out = new double[bias.length];
            double[] col = new double[weights.length];
            for (int c = 0; c < bias.length; c++) {
                for (int a = 0; a < weights.length; a++) {
                    col[a] = weights[a][c];
                }
                out[c] = AccurateSums.dot(x, col) + bias[c];
            }
            return out;
        }
    }

    /**
     * The conditional law of {@code y} given {@code x} under the joint-normal assumption.
     *
     * @param mean       {@code mu_{y|x}}, length {@code m}
     * @param covariance {@code Sigma_{y|x}}, {@code m x m}
     */
    public record Conditional(double[] mean, double[][] covariance) {
        public Conditional {
            mean = mean.clone();
            covariance = Checks.copy(covariance);
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[][] covariance() {
            return Checks.copy(covariance);
        }
    }

    /**
     * The mean squared error of a linear model,
     * $$\mathcal L(\boldsymbol W,\boldsymbol b)=\frac1N\sum_{j=1}^N\big\|\boldsymbol y_j-\boldsymbol x_j\boldsymbol W-\boldsymbol b\big\|^2,$$
     * residuals from fma-compensated dot products, squares summed with Neumaier compensation. Accuracy: a few
     * ulps relative given the residuals. Source: LOGIT-F1.
     *
     * @param X data, {@code N x n}
     * @param Y targets, {@code N x m}
     * @param W weights, {@code n x m}
     * @param b bias, length {@code m}
     * @return the MSE, {@code >= 0}
     */
    @Formula(value = "LOGIT-F1", title = "Mean squared error of the linear model y = xW + b",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "Y", shape = "matrix[N][m]"),
                    @Formula.Arg(name = "W", shape = "matrix[n][m]"),
                    @Formula.Arg(name = "b", shape = "vector[m]")},
            output = "scalar: MSE >= 0", accuracy = "4 eps relative given the residuals")
    public static double mseLoss(double[][] X, double[][] Y, double[][] W, double[] b) {
        int n = Inputs.data(X, 1, "X");
        int m = targets(Y, X.length);
        Checks.shape(W, n, m, "W");
        Checks.length(b, m, "b");
        Fit f = new Fit(W, b);
        double[] sq = new double[X.length * m];
        for (int j = 0; j < X.length; j++) {
            double[] p = f.predict(X[j]);
            for (int c = 0; c < m; c++) {
                double r = Y[j][c] - p[c];
                sq[j * m + c] = r * r;
            }
        }
        return AccurateSums.sum(sq) / X.length;
    }

    /**
     * Sample means and {@code 1/N} covariance blocks, two-pass (means first, then centered products; never
     * {@code E[x^T x] - mu^T mu}):
     * $$\boldsymbol\mu_x=\tfrac1N\textstyle\sum_j\boldsymbol x_j,\quad\boldsymbol\Sigma_{xy}=\tfrac1N\sum_j(\boldsymbol x_j-\boldsymbol\mu_x)^\top(\boldsymbol y_j-\boldsymbol\mu_y),\ \dots$$
     * Means are compensated sums; products are EJML Gram products of the centered matrices. Accuracy:
     * {@code O(N eps)} relative to the centered magnitudes. Source: LOGIT-F2.
     *
     * @param X data, {@code N x n}, {@code N >= 2}
     * @param Y targets, {@code N x m}
     * @return the moments
     */
    @Formula(value = "LOGIT-F2", title = "Sample moments (1/N, two-pass)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "Y", shape = "matrix[N][m]")},
            output = "record: muX[n], muY[m], sigmaXX[n][n], sigmaXY[n][m], sigmaYY[m][m]",
            accuracy = "O(N eps) relative to the centered magnitudes")
    public static Moments moments(double[][] X, double[][] Y) {
        Inputs.data(X, 2, "X");
        targets(Y, X.length);
        double[] muX = columnMeans(X);
        double[] muY = columnMeans(Y);
        double[][] xc = center(X, muX);
        double[][] yc = center(Y, muY);
        double f = 1.0 / X.length;
        return new Moments(muX, muY, ClassStatistics.scale(LinearModelAlgebra.gram(xc), f),
                ClassStatistics.scale(LinearModelAlgebra.transposeTimes(xc, yc), f),
                ClassStatistics.scale(LinearModelAlgebra.gram(yc), f));
    }

    /**
     * The Gaussian conditional of {@code y} given {@code x}:
     * $$\boldsymbol\mu_{y|x}=\boldsymbol\mu_y+(\boldsymbol x-\boldsymbol\mu_x)\boldsymbol\Sigma_{xx}^{-1}\boldsymbol\Sigma_{xy},\quad
     * \boldsymbol\Sigma_{y|x}=\boldsymbol\Sigma_{yy}-\boldsymbol\Sigma_{yx}\boldsymbol\Sigma_{xx}^{-1}\boldsymbol\Sigma_{xy}$$
     * (the Schur complement), with the sample moments of LOGIT-F2: {@code Sigma_xx = L L^T},
     * {@code G = L^{-1} Sigma_xy}, {@code Sigma_{y|x} = Sigma_yy - G^T G}, symmetrized. With {@code 1/N} moments it
     * equals the ML residual covariance {@code R^T R / N} (erratum E11). Conditioning: {@code REJECT} on
     * {@code Sigma_xx}. Accuracy: {@code 10 (n + sqrt N) kappa eps ||Sigma_yy||}. Source: LOGIT-F3.
     *
     * @param X data, {@code N x n}, {@code N >= n + 1}
     * @param Y targets, {@code N x m}
     * @param x query point, length {@code n}
     * @return {@code mu_{y|x}} at {@code x} and {@code Sigma_{y|x}}
     */
    @Formula(value = "LOGIT-F3", title = "Gaussian conditional mean and Schur-complement covariance",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "Y", shape = "matrix[N][m]"),
                    @Formula.Arg(name = "x", shape = "vector[n]")},
            output = "record: mean[m], covariance[m][m]", accuracy = "10 (n + sqrt N) kappa eps ||Sigma_yy||")
    public static Conditional conditional(double[][] X, double[][] Y, double[] x) {
        int n = regressionShape(X, Y);
        Inputs.query(x, n, "x");
        Moments mo = moments(X, Y);
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(mo.sigmaXX(), CovariancePolicy.REJECT,
                Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU, "Sigma_xx");
        int m = mo.muY().length;
        double[][] sxy = mo.sigmaXY();
        double[][] g = new double[n][m];
        double[] col = new double[n];
        for (int c = 0; c < m; c++) {
            for (int a = 0; a < n; a++) {
                col[a] = sxy[a][c];
            }
            double[] gc = chol.solveLower(col);
            for (int a = 0; a < n; a++) {
                g[a][c] = gc[a];
            }
        }
        double[][] syy = mo.sigmaYY();
        double[][] gtg = LinearModelAlgebra.gram(g);
        double[][] cov = new double[m][m];
        for (int c = 0; c < m; c++) {
            for (int d = 0; d < m; d++) {
                cov[c][d] = 0.5 * (syy[c][d] + syy[d][c]) - 0.5 * (gtg[c][d] + gtg[d][c]);
            }
        }
        Fit fit = solve(mo, chol);
        return new Conditional(fit.predict(x), cov);
    }

    /**
     * The closed-form regression (= ordinary least squares with an intercept):
     * $$\boldsymbol W=\boldsymbol\Sigma_{xx}^{-1}\boldsymbol\Sigma_{xy},\qquad\boldsymbol b=\boldsymbol\mu_y-\boldsymbol\mu_x\boldsymbol W,$$
     * by a Cholesky solve with {@code m} right-hand sides (never an explicit inverse). Domain: {@code N >= n+1},
     * {@code Sigma_xx} positive definite with {@code lambda_min > 1e-12 lambda_max} (else rejected, LOGIT-F16).
     * Accuracy: {@code 10 (n+m) kappa(Sigma_xx) eps} relative to {@code max(1, |W|, |b|, |mu_x||W|)}.
     * Source: LOGIT-F4.
     *
     * @param X data, {@code N x n}
     * @param Y targets, {@code N x m}
     * @return {@code (W, b)}
     * @throws IllegalArgumentException {@code "Sigma_xx: singular or ill-conditioned ..."}, shape errors, NaN
     */
    @Formula(value = "LOGIT-F4", title = "Closed-form linear regression (OLS with intercept)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]", domain = "N >= n+1, Sigma_xx positive definite"),
                    @Formula.Arg(name = "Y", shape = "matrix[N][m]")},
            output = "record: weights[n][m], bias[m]", accuracy = "10 (n+m) kappa(Sigma_xx) eps relative")
    public static Fit fit(double[][] X, double[][] Y) {
        regressionShape(X, Y);
        Moments mo = moments(X, Y);
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(mo.sigmaXX(), CovariancePolicy.REJECT,
                Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU, "Sigma_xx");
        return solve(mo, chol);
    }

    private static Fit solve(Moments mo, DenseLinearAlgebra.Cholesky chol) {
        double[][] w = chol.solve(mo.sigmaXY());
        double[] muX = mo.muX();
        double[] muY = mo.muY();
        int n = muX.length;
        int m = muY.length;
        double[] b = new double[m];
        double[] col = new double[n];
        for (int c = 0; c < m; c++) {
            for (int a = 0; a < n; a++) {
                col[a] = w[a][c];
            }
            b[c] = muY[c] - AccurateSums.dot(muX, col);
        }
        return new Fit(w, b);
    }

    private static int regressionShape(double[][] X, double[][] Y) {
        int n = Inputs.data(X, 2, "X");
        targets(Y, X.length);
        if (X.length < n + 1) {
            throw Checks.fail("X", "N=" + X.length + " < n+1=" + (n + 1) + " (regression with an intercept needs N >= n+1)");
        }
        return n;
    }

    private static int targets(double[][] Y, int rows) {
        Checks.finite(Y, "Y");
        if (Y.length != rows) {
            throw Checks.fail("Y", "has " + Y.length + " rows, X has " + rows);
        }
        return Y[0].length;
    }

    static double[] columnMeans(double[][] X) {
        int n = X[0].length;
        double[] mu = new double[n];
        double[] col = new double[X.length];
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < X.length; j++) {
                col[j] = X[j][a];
            }
            mu[a] = AccurateSums.sum(col) / X.length;
        }
        return mu;
    }

    static double[][] center(double[][] X, double[] mu) {
        double[][] out = new double[X.length][mu.length];
        for (int j = 0; j < X.length; j++) {
            for (int a = 0; a < mu.length; a++) {
                out[j][a] = X[j][a] - mu[a];
            }
        }
        return out;
    }
}
