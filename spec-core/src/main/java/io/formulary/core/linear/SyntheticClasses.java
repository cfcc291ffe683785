package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeded synthetic Gaussian class data (LOGIT-F22): shared or unequal covariances, binary or many classes.
 * The generator is Java 17's {@code L64X128MixRandom}; draws are consumed in the order the spec writes them
 * (design first, then per sample: one uniform for the label, then {@code n} standard normals).
 */
public final class SyntheticClasses {

    private SyntheticClasses() {
    }

    /** The two covariance structures of the experiment grid. */
    public enum Kind {
        SHARED, UNEQUAL
    }

    /**
     * A data set: rows {@code X}, labels {@code y}.
     *
     * @param X samples, {@code N x n}
     * @param y labels, length {@code N}
     */
    public record Dataset(double[][] X, int[] y) {
        public Dataset {
            X = Checks.copy(X);
            y = y.clone();
        }

        @Override
        public double[][] X() {
            return Checks.copy(X);
        }

        @Override
        public int[] y() {
            return y.clone();
        }

        /** The first {@code count} rows (few-shot subset, LOGIT-F21). */
        public Dataset first(int count) {
            return new Dataset(Classification.firstRows(X, count), Classification.firstLabels(y, count));
        }

        /** The number of samples. */
        public int size() {
            return y.length;
        }
    }

    /**
     * The true parameters of a synthetic design.
     *
     * @param means       class means as rows, {@code k x n}
     * @param covariances class covariances, {@code k} matrices {@code n x n} (all equal when shared)
     * @param priors      class priors
     * @param shared      whether all classes share one covariance
     */
    public record Design(double[][] means, double[][][] covariances, double[] priors, boolean shared) {
        public Design {
            means = Checks.copy(means);
            double[][][] c = new double[covariances.length][][];
            for (int i = 0; i < c.length; i++) {
                c[i] = Checks.copy(covariances[i]);
            }
            covariances = c;
            priors = priors.clone();
        }

        @Override
        public double[][] means() {
            return Checks.copy(means);
        }

        @Override
        public double[][][] covariances() {
            double[][][] c = new double[covariances.length][][];
            for (int i = 0; i < c.length; i++) {
                c[i] = Checks.copy(covariances[i]);
            }
            return c;
        }

        @Override
        public double[] priors() {
            return priors.clone();
        }

        /** Number of classes. */
        public int classes() {
            return means.length;
        }

        /** Feature dimension. */
        public int dimension() {
            return means[0].length;
        }

        /** Draws {@code count} samples with the given generator (label by inverse CDF, then {@code x = mu_y + eps L_y^T}). */
        public Dataset sample(int count, RandomGenerator rng) {
            Checks.atLeast(count, 1, "count");
            int k = means.length;
            int n = means[0].length;
            double[][][] chol = new double[k][][];
            for (int i = 0; i < k; i++) {
                chol[i] = DenseLinearAlgebra.cholesky(covariances[i], "covariances[" + i + "]").lower();
            }
            double[] cdf = new double[k];
            double acc = 0;
            for (int i = 0; i < k; i++) {
                acc += priors[i];
                cdf[i] = acc;
            }
            double[][] x = new double[count][n];
            int[] y = new int[count];
            double[] eps = new double[n];
            for (int j = 0; j < count; j++) {
                double u = rng.nextDouble();
                int label = 0;
                while (label < k - 1 && u >= cdf[label]) {
                    label++;
                }
                y[j] = label;
                for (int a = 0; a < n; a++) {
                    eps[a] = rng.nextGaussian();
                }
                double[][] l = chol[label];
                for (int a = 0; a < n; a++) {
                    double s = 0;
                    for (int b = 0; b <= a; b++) {
                        s += l[a][b] * eps[b];
                    }
                    x[j][a] = means[label][a] + s;
                }
            }
            return new Dataset(x, y);
        }
    }

    /** {@code AR1(rho)_ab = rho^|a-b|}, {@code |rho| < 1}. */
    public static double[][] ar1(int n, double rho) {
        Checks.atLeast(n, 1, "n");
        Checks.finite(rho, "rho");
        if (!(Math.abs(rho) < 1)) {
            throw Checks.fail("rho", "must satisfy |rho| < 1, got " + rho);
        }
        double[][] s = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                s[a][b] = StrictMath.pow(rho, Math.abs(a - b));
            }
        }
        return s;
    }

    /** The project's random generator for a seed ({@code L64X128MixRandom}). */
    public static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /**
     * The design of LOGIT-F22 drawn from {@code rng}. {@code SHARED}: {@code Sigma = AR1(rho)}; binary
     * {@code mu_0 = 0}, {@code mu_1 = Delta d / sqrt(d Sigma^{-1} d^T)}, {@code d ~ N(0, I)}; {@code k > 2}:
     * {@code mu_i = sep z_i}. {@code UNEQUAL}: the same means; binary {@code Sigma_0 = AR1(0.5)},
     * {@code Sigma_1 = D AR1(-0.3) D}, {@code D = diag(e^u)}, {@code u ~ U(-1,1)}; {@code k > 2}
     * {@code Sigma_i = D_i AR1(rho_i) D_i}, {@code u ~ U(-0.7,0.7)}, {@code rho_i ~ U(-0.6,0.8)}.
     */
    public static Design design(Kind kind, int n, int k, double rho, double sep, double[] priors, double delta,
                                RandomGenerator rng) {
        Checks.notNull(kind, "kind");
        Checks.atLeast(n, 1, "n");
        Checks.atLeast(k, 2, "k");
        if (Inputs.priors(priors, "priors") != k) {
            throw Checks.fail("priors", "length " + priors.length + ", expected k=" + k);
        }
        Checks.nonNegative(sep, "sep");
        Checks.nonNegative(delta, "delta");
        double[][] sigma = ar1(n, rho);
        double[][] means = new double[k][n];
        if (k == 2) {
            double[] d = new double[n];
            for (int a = 0; a < n; a++) {
                d[a] = rng.nextGaussian();
            }
            DenseLinearAlgebra.Cholesky c = DenseLinearAlgebra.cholesky(sigma, "Sigma");
            double maha = AccurateSums.norm2(c.solveLower(d));
            for (int a = 0; a < n; a++) {
                means[1][a] = delta * d[a] / maha;
            }
        } else {
            for (int i = 0; i < k; i++) {
                for (int a = 0; a < n; a++) {
                    means[i][a] = sep * rng.nextGaussian();
                }
            }
        }
        double[][][] cov = new double[k][][];
        if (kind == Kind.SHARED) {
            for (int i = 0; i < k; i++) {
                cov[i] = sigma;
            }
        } else if (k == 2) {
            cov[0] = ar1(n, 0.5);
            cov[1] = scaled(ar1(n, -0.3), uniforms(n, 1.0, rng));
        } else {
            for (int i = 0; i < k; i++) {
                double[] u = uniforms(n, 0.7, rng);
                double r = -0.6 + 1.4 * rng.nextDouble();
                cov[i] = scaled(ar1(n, r), u);
            }
        }
        return new Design(means, cov, priors, kind == Kind.SHARED);
    }

    /**
     * A synthetic data set: the design of {@link #design} followed by {@code count} samples, all drawn from one
     * {@code L64X128MixRandom} seeded with {@code seed}:
     * $$y\sim\mathrm{Categorical}(\boldsymbol p),\qquad \boldsymbol x=\boldsymbol\mu_y+\boldsymbol\varepsilon\boldsymbol L_y^\top,\ \boldsymbol\varepsilon\sim\mathcal N(\boldsymbol 0,\boldsymbol I_n),\ \boldsymbol\Sigma_y=\boldsymbol L_y\boldsymbol L_y^\top .$$
     * Accuracy: exact given the generator (deterministic for a seed). Source: LOGIT-F22.
     *
     * @param kind   {@code SHARED} or {@code UNEQUAL}
     * @param n      dimension, {@code >= 1}
     * @param k      classes, {@code >= 2}
     * @param rho    AR(1) correlation, {@code |rho| < 1}
     * @param sep    mean scale for {@code k > 2}
     * @param priors class priors, summing to 1
     * @param delta  Mahalanobis distance of the binary means
     * @param count  number of samples
     * @param seed   generator seed
     * @return the data set
     */
    @Formula(value = "LOGIT-F22", title = "Synthetic Gaussian class data (seeded)",
            args = {@Formula.Arg(name = "kind", shape = "enum(SHARED|UNEQUAL)"),
                    @Formula.Arg(name = "n", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 2"),
                    @Formula.Arg(name = "rho", shape = "scalar", domain = "|rho| < 1"),
                    @Formula.Arg(name = "sep", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "priors", shape = "vector[k]", domain = "priors summing to 1"),
                    @Formula.Arg(name = "delta", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "count", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "seed", shape = "long")},
            output = "record: X[count][n], y[count]", accuracy = "deterministic for a seed")
    public static Dataset generate(Kind kind, int n, int k, double rho, double sep, double[] priors, double delta,
                                   int count, long seed) {
        RandomGenerator rng = random(seed);
        return design(kind, n, k, rho, sep, priors, delta, rng).sample(count, rng);
    }

    private static double[] uniforms(int n, double h, RandomGenerator rng) {
        double[] d = new double[n];
        for (int a = 0; a < n; a++) {
            d[a] = StrictMath.exp(-h + 2 * h * rng.nextDouble());
        }
        return d;
    }

    private static double[][] scaled(double[][] s, double[] d) {
        int n = s.length;
        double[][] out = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                out[a][b] = d[a] * s[a][b] * d[b];
            }
        }
        return out;
    }
}
