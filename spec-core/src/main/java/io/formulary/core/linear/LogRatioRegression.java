package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;

/** The article's suggested improvement (LOGIT-F23, an extension): regress a better log-ratio estimate linearly. */
public final class LogRatioRegression {

    private LogRatioRegression() {
    }

    /**
     * Fit a linear logit to a richer log-ratio estimate: with per-class QDA estimates ({@code 1/N_i} class
     * covariances, class means, {@code ln N_1 - ln N_0}), compute {@code r_j = ln p(1|x_j)/p(0|x_j)} by LOGIT-F17
     * at every training input, then the least-squares fit {@code r ~ x w^T + b} of LOGIT-F4:
     * $$(\boldsymbol w,b)=\arg\min\sum_j\big(r_j-\boldsymbol x_j\boldsymbol w^\top-b\big)^2 .$$
     * The article only proposes this; no reference numbers exist. Domain: each class with more samples than
     * features (class covariances positive definite). Accuracy: that of F4 with target {@code r}. Source: LOGIT-F23.
     *
     * @param X data, {@code N x n}
     * @param y labels in {@code {0,1}}
     * @return the linear model
     */
    @Formula(value = "LOGIT-F23", title = "Linear regression on QDA log-ratios (extension)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "{0,1}, N_i > n")},
            output = "record: w[n], b, center[n], centeredBias", accuracy = "as LOGIT-F4 with target r")
    public static BinaryModel fitBinary(double[][] X, int[] y) {
        int n = Inputs.data(X, 2, "X");
        Inputs.labels(y, X.length, 2, "y");
        ClassStatistics s = ClassStatistics.of(X, y, 2);
        double[][] means = s.means();
        double[][][] cov = new double[2][n][n];
        int[] counts = s.counts();
        for (int j = 0; j < X.length; j++) {
            double[] d = Inputs.minus(X[j], means[y[j]]);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    cov[y[j]][a][b] += d[a] * d[b] / counts[y[j]];
                }
            }
        }
        DenseLinearAlgebra.Cholesky c0 = Conditioning.factor(cov[0], CovariancePolicy.REJECT,
                Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU, "Sigma_0 (class 0)");
        DenseLinearAlgebra.Cholesky c1 = Conditioning.factor(cov[1], CovariancePolicy.REJECT,
                Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU, "Sigma_1 (class 1)");
        double[] lp = s.logPriors();
        double[][] r = new double[X.length][1];
        for (int j = 0; j < X.length; j++) {
            r[j][0] = GaussianClassConditionals.logDensity(X[j], means[1], c1)
                    - GaussianClassConditionals.logDensity(X[j], means[0], c0) + (lp[1] - lp[0]);
        }
        GaussianRegression.Fit f = GaussianRegression.fit(X, r);
        double[][] w = f.weights();
        double[] wv = new double[n];
        for (int a = 0; a < n; a++) {
            wv[a] = w[a][0];
        }
        Checks.finite(f.bias()[0], "b");
        return BinaryModel.of(wv, f.bias()[0]);
    }
}
