package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.LinearModelAlgebra;

/**
 * Class frequencies, class means and the shared (pooled within-class) covariance of labelled data, with the
 * mixture's mean and covariance (LOGIT-F13), all with the {@code 1/N} normalization.
 *
 * @param counts           {@code N_i}, length {@code k}, all {@code >= 1}
 * @param priors           {@code p_i = N_i/N}
 * @param logPriors        {@code ln p_i = ln N_i - ln N} (from exact counts, no division first)
 * @param means            class means {@code mu_i} as rows, {@code k x n}
 * @param totalMean        mixture mean {@code mu~}, length {@code n}
 * @param pooledCovariance {@code Sigma = S_W / N}, {@code n x n}
 * @param totalCovariance  {@code Sigma~} ({@code 1/N}), {@code n x n}
 */
public record ClassStatistics(int[] counts, double[] priors, double[] logPriors, double[][] means, double[] totalMean,
                              double[][] pooledCovariance, double[][] totalCovariance) {

    public ClassStatistics {
        counts = counts.clone();
        priors = priors.clone();
        logPriors = logPriors.clone();
        means = Checks.copy(means);
        totalMean = totalMean.clone();
        pooledCovariance = Checks.copy(pooledCovariance);
        totalCovariance = Checks.copy(totalCovariance);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public double[] priors() {
        return priors.clone();
    }

    @Override
    public double[] logPriors() {
        return logPriors.clone();
    }

    @Override
    public double[][] means() {
        return Checks.copy(means);
    }

    @Override
    public double[] totalMean() {
        return totalMean.clone();
    }

    @Override
    public double[][] pooledCovariance() {
        return Checks.copy(pooledCovariance);
    }

    @Override
    public double[][] totalCovariance() {
        return Checks.copy(totalCovariance);
    }

    /** The number of samples {@code N}. */
    public int size() {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    /**
     * The plug-in estimates of the Gaussian class model:
     * $$p_i=\frac{N_i}N,\quad\boldsymbol\mu_i=\frac1{N_i}\sum_{j:y_j=i}\boldsymbol x_j,\quad
     * \boldsymbol\Sigma=\frac1N\sum_i\sum_{j:y_j=i}(\boldsymbol x_j-\boldsymbol\mu_i)^\top(\boldsymbol x_j-\boldsymbol\mu_i)=\frac{\boldsymbol S_W}N
     * =\tilde{\boldsymbol\Sigma}+\tilde{\boldsymbol\mu}^\top\tilde{\boldsymbol\mu}-\sum_ip_i\boldsymbol\mu_i^\top\boldsymbol\mu_i .$$
     * Evaluated as the class-centered two-pass scatter (the article's uncentered right-hand side cancels
     * catastrophically under feature offsets, erratum E4; it is kept as {@link #articleCovariance}). Means are
     * Neumaier-compensated column sums; scatter matrices are EJML Gram products of centered rows, mirrored to be
     * exactly symmetric.
     *
     * <p>Domain: {@code X} {@code N x n} finite, {@code N >= 2}; {@code y} in {@code [0,k)}, every class
     * present (a class without samples would give {@code p_i = 0}, {@code b_i = -inf}; erratum E7).
     * Accuracy: means to a few ulps; scatter entries to {@code O(N eps)} of the centered magnitudes.
     * Source: LOGIT-F13.
     *
     * @param X data, {@code N x n}
     * @param y labels, length {@code N}
     * @param k number of classes, {@code >= 2}
     * @return the statistics
     * @throws IllegalArgumentException on shape errors, non-finite data, labels out of range or an empty class
     */
    @Formula(value = "LOGIT-F13", title = "Class frequencies, means and pooled covariance (1/N)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "[0, k), every class present"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 2")},
            output = "record: counts, priors, logPriors, means[k][n], totalMean[n], pooledCovariance[n][n], totalCovariance[n][n]",
            accuracy = "O(N eps) relative to the centered scatter")
    public static ClassStatistics of(double[][] X, int[] y, int k) {
        int n = Inputs.data(X, 2, "X");
        Inputs.labels(y, X.length, k, "y");
        int bigN = X.length;
        int[] counts = new int[k];
        for (int label : y) {
            counts[label]++;
        }
        for (int i = 0; i < k; i++) {
            if (counts[i] == 0) {
                throw Checks.fail("y", "class " + i + " has no samples (p_" + i + "=0 gives b_" + i + "=-inf)");
            }
        }
        // Compensated column sums per class and overall (Neumaier): offsets do not leak into the means.
        double[][] s = new double[k + 1][n];
        double[][] c = new double[k + 1][n];
        for (int j = 0; j < bigN; j++) {
            add(s[y[j]], c[y[j]], X[j]);
            add(s[k], c[k], X[j]);
        }
        double[][] means = new double[k][n];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < n; a++) {
                means[i][a] = (s[i][a] + c[i][a]) / counts[i];
            }
        }
        double[] total = new double[n];
        for (int a = 0; a < n; a++) {
            total[a] = (s[k][a] + c[k][a]) / bigN;
        }
        double[][] within = new double[bigN][n];
        double[][] centered = new double[bigN][n];
        for (int j = 0; j < bigN; j++) {
            for (int a = 0; a < n; a++) {
                within[j][a] = X[j][a] - means[y[j]][a];
                centered[j][a] = X[j][a] - total[a];
            }
        }
        double[][] pooled = scale(LinearModelAlgebra.gram(within), 1.0 / bigN);
        double[][] tot = scale(LinearModelAlgebra.gram(centered), 1.0 / bigN);
        double[] priors = new double[k];
        double[] logPriors = new double[k];
        double logN = StrictMath.log(bigN);
        for (int i = 0; i < k; i++) {
            priors[i] = (double) counts[i] / bigN;
            logPriors[i] = StrictMath.log(counts[i]) - logN;
        }
        return new ClassStatistics(counts, priors, logPriors, means, total, pooled, tot);
    }

    /**
     * The article's uncentered covariance estimate
     * {@code Sigma~ + mu~^T mu~ - sum_i p_i mu_i^T mu_i} (kept to demonstrate erratum E4: it cancels like
     * {@code offset^2 eps}).
     */
    public double[][] articleCovariance() {
        int n = totalMean.length;
        double[][] out = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = totalCovariance[a][b] + totalMean[a] * totalMean[b];
                for (int i = 0; i < means.length; i++) {
                    v -= priors[i] * means[i][a] * means[i][b];
                }
                out[a][b] = v;
            }
        }
        return out;
    }

    /** The cancellation-free alternative {@code Sigma~ - sum_i p_i (mu_i - mu~)^T (mu_i - mu~)} (total minus between). */
    public double[][] totalMinusBetween() {
        int n = totalMean.length;
        double[][] out = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = totalCovariance[a][b];
                for (int i = 0; i < means.length; i++) {
                    v -= priors[i] * (means[i][a] - totalMean[a]) * (means[i][b] - totalMean[b]);
                }
                out[a][b] = v;
            }
        }
        return out;
    }

    private static void add(double[] sum, double[] comp, double[] row) {
        for (int a = 0; a < row.length; a++) {
            double t = sum[a] + row[a];
            comp[a] += Math.abs(sum[a]) >= Math.abs(row[a]) ? (sum[a] - t) + row[a] : (row[a] - t) + sum[a];
            sum[a] = t;
        }
    }

    static double[][] scale(double[][] m, double f) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return m;
    }
}
