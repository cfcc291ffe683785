package io.formulary.properties.linear;

import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.PropertyHarness;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Constructive generators of the LOGIT chapter. Shape choices (dimension, classes, offsets, regime) are drawn by
 * QuickTheories and shrink; the numbers are then built from a drawn seed with {@link SplittableRandom}. Hard
 * regimes are mixed in on purpose and counted with {@link PropertyHarness#regime}: feature offsets up to
 * {@code 1e6}, covariance condition numbers up to {@code 1e10}, feature scales over six decades, strong class
 * imbalance (min prior 0.01), one-sample classes, duplicated rows, and {@code N - k = n} exactly.
 */
public final class LogitGens {

    /** Dimensions of the chapter's generator list. */
    public static final int[] DIMENSIONS = {1, 2, 3, 5, 8, 17};
    /** Class counts of the chapter's generator list. */
    public static final int[] CLASSES = {2, 3, 7};
    /** Feature offsets of the chapter's generator list. */
    public static final double[] OFFSETS = {0, 1, 1e3, 1e6};
    /** Regimes of {@link #labelled()}. */
    public static final List<String> REGIMES = List.of("plain", "imbalanced", "one-sample-class", "duplicated-rows", "N-k=n");

    private LogitGens() {
    }

    /**
     * Labelled data drawn from Gaussian classes.
     *
     * @param X      samples, {@code N x n}
     * @param y      labels in {@code [0,k)}, every class present
     * @param k      classes
     * @param offset the feature offset added to every coordinate
     * @param regime the regime name
     */
    public record LabelledData(double[][] X, int[] y, int k, double offset, String regime) {
        public int n() {
            return X[0].length;
        }

        public int size() {
            return X.length;
        }

        @Override
        public String toString() {
            return "LabelledData[N=" + X.length + ", n=" + X[0].length + ", k=" + k + ", offset=" + offset + ", regime="
                    + regime + ", y[0..]=" + Arrays.toString(Arrays.copyOf(y, Math.min(8, y.length))) + "]";
        }
    }

    /**
     * Regression data {@code Y = X W + b + noise}.
     *
     * @param X data, {@code N x n}
     * @param Y targets, {@code N x m}
     */
    public record RegressionData(double[][] X, double[][] Y, double offset) {
        @Override
        public String toString() {
            return "RegressionData[N=" + X.length + ", n=" + X[0].length + ", m=" + Y[0].length + ", offset=" + offset + "]";
        }
    }

    /**
     * Gaussian class parameters with a query point.
     *
     * @param means  class means, {@code k x n}
     * @param sigma  shared covariance
     * @param priors class priors
     * @param x      query point (near the means or far, up to norm 1e3)
     */
    public record ClassParameters(double[][] means, double[][] sigma, double[] priors, double[] x) {
        @Override
        public String toString() {
            return "ClassParameters[k=" + means.length + ", n=" + x.length + ", x=" + Arrays.toString(x) + "]";
        }
    }

    /** Logits for the scalar identities: uniform in [-800, 800] mixed with 0, -0 and +-1e-300. */
    public static Gen<Double> logits() {
        return doubles().between(-800, 800).mix(Generate.pick(List.of(0.0, -0.0, 1e-300, -1e-300, 745.0, -745.0)), 15)
                .map(t -> {
                    if (Math.abs(t) < 1e-200) {
                        PropertyHarness.regime("tiny-or-zero");
                    } else if (Math.abs(t) > 700) {
                        PropertyHarness.regime("huge");
                    }
                    return t;
                });
    }

    /** Labelled Gaussian class data over the chapter's generator list (see the class comment). */
    public static Gen<LabelledData> labelled() {
        return labelled(CLASSES);
    }

    /** Binary labelled data. */
    public static Gen<LabelledData> binary() {
        return labelled(new int[]{2});
    }

    /** Labelled data with feature offset 0 only (for the article's uncentered covariance form). */
    public static Gen<LabelledData> labelledWithoutOffset() {
        return integers().between(0, DIMENSIONS.length - 1).zip(integers().between(0, CLASSES.length - 1),
                integers().between(0, REGIMES.size() - 1), longs().all(),
                (ni, ki, ri, seed) -> build(DIMENSIONS[ni], CLASSES[ki], 0, REGIMES.get(ri), seed));
    }

    private static Gen<LabelledData> labelled(int[] classes) {
        return integers().between(0, DIMENSIONS.length - 1).zip(integers().between(0, classes.length - 1),
                integers().between(0, OFFSETS.length - 1), integers().between(0, REGIMES.size() - 1), longs().all(),
                (ni, ki, oi, ri, seed) -> build(DIMENSIONS[ni], classes[ki], OFFSETS[oi], REGIMES.get(ri), seed));
    }

    /** Regression data: {@code n in {1,2,3,5,8}}, {@code m in {1,3}}, offsets as the chapter lists, {@code kappa <= 1e8}. */
    public static Gen<RegressionData> regression() {
        return integers().between(0, 4).zip(integers().between(0, 1), integers().between(0, OFFSETS.length - 1),
                longs().all(), (ni, mi, oi, seed) -> buildRegression(new int[]{1, 2, 3, 5, 8}[ni], mi == 0 ? 1 : 3,
                        OFFSETS[oi], seed));
    }

    /** Known class parameters with {@code kappa(Sigma)} log-uniform in [1, 1e10] and query points near or far. */
    public static Gen<ClassParameters> parameters(int[] classes) {
        return integers().between(0, DIMENSIONS.length - 1).zip(integers().between(0, classes.length - 1),
                integers().between(0, 1), longs().all(),
                (ni, ki, far, seed) -> buildParameters(DIMENSIONS[ni], classes[ki], far == 1, seed));
    }


    /**
     * Well-posed data for the maximum-likelihood comparator: {@code n in {1,2,3,5}}, {@code k in {2,3}}, unit-scale
     * overlapping classes with label noise ({@code kappa(Sigma) <= 1e3}), {@code N in [40, 400]}, offsets {0, 1, 10}.
     */
    public static Gen<LabelledData> mleData() {
        return integers().between(0, 3).zip(integers().between(2, 3), integers().between(0, 2), longs().all(),
                (ni, k, oi, seed) -> {
                    int n = new int[]{1, 2, 3, 5}[ni];
                    double offset = new double[]{0, 1, 10}[oi];
                    SplittableRandom rnd = new SplittableRandom(seed);
                    double[][] l = DenseLinearAlgebra.cholesky(spd(n, Math.pow(10, 3 * rnd.nextDouble()), rnd), "s").lower();
                    int bigN = 40 + rnd.nextInt(361);
                    double[][] means = new double[k][n];
                    for (double[] m : means) {
                        for (int a = 0; a < n; a++) {
                            m[a] = 0.5 * gaussian(rnd);
                        }
                    }
                    double[][] x = new double[bigN][n];
                    int[] y = new int[bigN];
                    for (int j = 0; j < bigN; j++) {
                        y[j] = j < k ? j : rnd.nextInt(k);
                        double[] eps = new double[n];
                        for (int a = 0; a < n; a++) {
                            eps[a] = gaussian(rnd);
                        }
                        for (int a = 0; a < n; a++) {
                            double s = 0;
                            for (int b = 0; b <= a; b++) {
                                s += l[a][b] * eps[b];
                            }
                            x[j][a] = means[y[j]][a] + s + offset;
                        }
                    }
                    // label noise (one in six labels redrawn): the classes overlap, so the data are not separable
                    for (int j = k; j < bigN; j++) {
                        if (rnd.nextInt(6) == 0) {
                            y[j] = rnd.nextInt(k);
                        }
                    }
                    PropertyHarness.regime(k == 2 ? "binary" : "softmax");
                    return new LabelledData(x, y, k, offset, "mle");
                });
    }

    // ---- constructions -------------------------------------------------------------------------------------

    /** A random SPD matrix {@code Q diag(lambda) Q^T} with {@code lambda} log-spaced at random in {@code [1/kappa, 1]}. */
    public static double[][] spd(int n, double kappa, SplittableRandom rnd) {
        double[][] q = orthogonal(n, rnd);
        double[] lambda = new double[n];
        for (int a = 0; a < n; a++) {
            double u = a == 0 ? 0 : a == n - 1 ? 1 : rnd.nextDouble();
            lambda[a] = Math.pow(kappa, -u);
        }
        double[][] s = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double v = 0;
                for (int c = 0; c < n; c++) {
                    v += q[a][c] * lambda[c] * q[b][c];
                }
                s[a][b] = v;
                s[b][a] = v;
            }
        }
        return s;
    }

    /** A random orthogonal matrix from the QR factorization of a Gaussian matrix. */
    public static double[][] orthogonal(int n, SplittableRandom rnd) {
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int b = 0; b < n; b++) {
                row[b] = gaussian(rnd);
            }
        }
        return DenseLinearAlgebra.qr(g, "g").q();
    }

    /** A standard normal draw (Box-Muller; {@code SplittableRandom} has no Gaussian in Java 17). */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static LabelledData build(int n, int k, double offset, String regime, long seed) {
        for (long attempt = 0; ; attempt++) {
            LabelledData d = tryBuild(n, k, offset, regime, seed + 0x9E3779B97F4A7C15L * attempt);
            if (pooledConditionOk(d)) {
                countRegimes(d);
                return d;
            }
        }
    }

    private static void countRegimes(LabelledData d) {
        PropertyHarness.regime(d.regime);
        if (d.offset >= 1e3) {
            PropertyHarness.regime("offset>=1e3");
        }
        if (d.n() == 1) {
            PropertyHarness.regime("n=1");
        }
    }

    private static boolean pooledConditionOk(LabelledData d) {
        double[] ev = DenseLinearAlgebra.symmetricEigen(ClassStatistics.of(d.X, d.y, d.k).pooledCovariance(), "S").values();
        return ev[0] > 1e-10 * ev[ev.length - 1];
    }

    private static LabelledData tryBuild(int n, int k, double offset, String regime, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean tight = regime.equals("N-k=n");
        double logKappa = tight ? 3 * rnd.nextDouble() : 10 * rnd.nextDouble();
        double span = tight ? 0 : Math.min(6, (10 - logKappa) / 2) * rnd.nextDouble();
        double[][] sigma = spd(n, Math.pow(10, logKappa), rnd);
        double[][] l = DenseLinearAlgebra.cholesky(sigma, "sigma").lower();
        double[] scale = new double[n];
        for (int a = 0; a < n; a++) {
            scale[a] = Math.pow(10, span * (rnd.nextDouble() - 0.5));
        }
        double[][] means = new double[k][n];
        for (double[] m : means) {
            for (int a = 0; a < n; a++) {
                m[a] = 1.5 * gaussian(rnd);
            }
        }
        double[] priors = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double g = regime.equals("imbalanced") ? Math.pow(rnd.nextDouble(), 4) : 0.2 + rnd.nextDouble();
            priors[i] = Math.max(g, 0.01);
            sum += priors[i];
        }
        for (int i = 0; i < k; i++) {
            priors[i] /= sum;
        }
        int minN = k * (n + 2);
        int bigN = tight ? n + k : minN + rnd.nextInt(Math.min(300, 3000 - minN) + 1);
        int[] y = new int[bigN];
        // every class at least once, at random positions; the rest by the priors
        int[] perm = permutation(bigN, rnd);
        for (int j = 0; j < bigN; j++) {
            int pos = perm[j];
            if (j < k) {
                y[pos] = j;
            } else {
                double u = rnd.nextDouble();
                int c = 0;
                double acc = priors[0];
                while (c < k - 1 && u >= acc) {
                    c++;
                    acc += priors[c];
                }
                y[pos] = regime.equals("one-sample-class") && c == k - 1 ? 0 : c;
            }
        }
        double[][] x = new double[bigN][n];
        for (int j = 0; j < bigN; j++) {
            double[] eps = new double[n];
            for (int a = 0; a < n; a++) {
                eps[a] = gaussian(rnd);
            }
            for (int a = 0; a < n; a++) {
                double s = 0;
                for (int b = 0; b <= a; b++) {
                    s += l[a][b] * eps[b];
                }
                x[j][a] = (means[y[j]][a] + s) * scale[a] + offset;
            }
        }
        if (regime.equals("duplicated-rows")) {
            for (int j = 1; j < bigN; j += 3) {
                if (y[j] == y[j - 1] || rnd.nextBoolean()) {
                    x[j] = x[j - 1].clone();
                    y[j] = y[j - 1];
                }
            }
            ensureAllClasses(y, k);
        }
        return new LabelledData(x, y, k, offset, regime);
    }

    private static void ensureAllClasses(int[] y, int k) {
        boolean[] seen = new boolean[k];
        for (int v : y) {
            seen[v] = true;
        }
        for (int i = 0; i < k; i++) {
            if (!seen[i]) {
                y[y.length - 1 - i] = i;
            }
        }
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static RegressionData buildRegression(int n, int m, double offset, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double kappa = Math.pow(10, 8 * rnd.nextDouble());
        double[][] l = DenseLinearAlgebra.cholesky(spd(n, kappa, rnd), "sigma").lower();
        int bigN = rnd.nextInt(8) == 0 ? n + 2 : n + 2 + rnd.nextInt(300);
        if (offset >= 1e3) {
            PropertyHarness.regime("offset>=1e3");
        }
        if (bigN == n + 2) {
            PropertyHarness.regime("N=n+2");
        }
        double[][] w = new double[n][m];
        double[] b = new double[m];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < m; c++) {
                w[a][c] = gaussian(rnd);
            }
        }
        for (int c = 0; c < m; c++) {
            b[c] = gaussian(rnd);
        }
        double[][] x = new double[bigN][n];
        double[][] yy = new double[bigN][m];
        for (int j = 0; j < bigN; j++) {
            double[] eps = new double[n];
            for (int a = 0; a < n; a++) {
                eps[a] = gaussian(rnd);
            }
            double[] lat = new double[n];
            for (int a = 0; a < n; a++) {
                double s = 0;
                for (int q = 0; q <= a; q++) {
                    s += l[a][q] * eps[q];
                }
                lat[a] = s;
                x[j][a] = s + offset;
            }
            for (int c = 0; c < m; c++) {
                double s = b[c] + 0.3 * gaussian(rnd);
                for (int a = 0; a < n; a++) {
                    s += lat[a] * w[a][c];
                }
                yy[j][c] = s;
            }
        }
        return new RegressionData(x, yy, offset);
    }

    static ClassParameters buildParameters(int n, int k, boolean far, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double kappa = Math.pow(10, 10 * rnd.nextDouble());
        if (kappa > 1e8) {
            PropertyHarness.regime("kappa>1e8");
        }
        double[][] sigma = spd(n, kappa, rnd);
        double[][] means = new double[k][n];
        for (double[] m : means) {
            for (int a = 0; a < n; a++) {
                m[a] = gaussian(rnd);
            }
        }
        double[] priors = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            priors[i] = 0.01 + rnd.nextDouble();
            sum += priors[i];
        }
        for (int i = 0; i < k; i++) {
            priors[i] /= sum;
        }
        // Make the priors sum to 1 within 1e-12 after rounding: put the remainder on the last class.
        double rest = 1;
        for (int i = 0; i < k - 1; i++) {
            rest -= priors[i];
        }
        priors[k - 1] = rest;
        double[] x = new double[n];
        double r = far ? Math.pow(10, 3 * rnd.nextDouble()) : 1;
        if (far) {
            PropertyHarness.regime("far-query");
        }
        for (int a = 0; a < n; a++) {
            x[a] = means[rnd.nextInt(k)][a] + r * gaussian(rnd) / Math.sqrt(n);
        }
        return new ClassParameters(means, sigma, priors, x);
    }
}
