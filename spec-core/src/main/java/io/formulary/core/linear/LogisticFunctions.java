package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * The scalar and vector pieces of the logistic and softmax models: sigmoid, softplus, log-odds, log-sum-exp,
 * softmax, and the binary negative log-likelihood (LOGIT-F5, F6, F7, F11).
 *
 * <p>Every function here is evaluated without forming a ratio of probabilities or the logarithm of a rounded
 * probability: {@code ln sigma(t) = -softplus(-t)}, {@code ln p_i = z_i - lse(z)}.
 */
public final class LogisticFunctions {

    private LogisticFunctions() {
    }

    /**
     * The logistic sigmoid $$\sigma(t)=\frac1{1+e^{-t}},$$ evaluated as {@code 1/(1+e^{-t})} for {@code t >= 0}
     * and {@code e^t/(1+e^t)} for {@code t < 0}, so {@code exp} never overflows. Accuracy: 2 ulps.
     *
     * @param t any finite real
     * @return {@code sigma(t)} in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code t} is NaN or infinite
     */
    public static double sigmoid(double t) {
        Checks.finite(t, "t");
        if (t >= 0) {
            return 1 / (1 + StrictMath.exp(-t));
        }
        double e = StrictMath.exp(t);
        return e / (1 + e);
    }

    /**
     * $$\operatorname{softplus}(u)=\ln(1+e^u)=\max(u,0)+\operatorname{log1p}(e^{-|u|}).$$
     * Accuracy: 2 ulps.
     *
     * @param u any finite real
     * @return {@code softplus(u) >= 0}
     */
    public static double softplus(double u) {
        Checks.finite(u, "u");
        // max + log1p(exp(-|u|)): exp never overflows and log1p keeps the tail for large |u|.
        return Math.max(u, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(u)));
    }

    /** {@code ln sigma(t) = -softplus(-t)}, never the logarithm of a rounded probability. Accuracy: 2 ulps. */
    public static double logSigmoid(double t) {
        return -softplus(-t);
    }

    /**
     * The log-odds of the binary logistic model from its two log-probabilities:
     * $$\ln\frac{p(1|\boldsymbol x)}{p(0|\boldsymbol x)}=\ln\sigma(t)-\ln\sigma(-t)=\operatorname{softplus}(t)-\operatorname{softplus}(-t)\;(=t).$$
     * Never forms the ratio of probabilities. Accuracy: {@code 4 eps max(1,|t|)} absolute (each softplus is
     * rounded at its own magnitude). Source: LOGIT-F6.
     *
     * @param t the logit {@code x w^T + b}, finite
     * @return the log-odds, equal to {@code t} up to rounding
     */
    @Formula(value = "LOGIT-F6", title = "Log-odds of the binary logistic model",
            args = {@Formula.Arg(name = "t", shape = "scalar", domain = "finite")},
            output = "scalar: softplus(t) - softplus(-t)", accuracy = "4 eps max(1,|t|) absolute")
    public static double logOdds(double t) {
        return softplus(t) - softplus(-t);
    }

    /**
     * Bayes' rule in odds form on the log scale:
     * $$\ln\frac{p(1|\boldsymbol x)}{p(0|\boldsymbol x)}=\ln p(\boldsymbol x|1)-\ln p(\boldsymbol x|0)+\ln p_1-\ln p_0.$$
     * Domain: finite log-densities, priors in {@code (0,1]}. Accuracy: a few ulps of the largest term (the
     * difference of log-densities may cancel). Source: LOGIT-F7.
     *
     * @param logDensity1 {@code ln p(x|1)}
     * @param logDensity0 {@code ln p(x|0)}
     * @param p0          prior of class 0, in {@code (0,1]}
     * @param p1          prior of class 1, in {@code (0,1]}
     * @return the posterior log-odds
     */
    @Formula(value = "LOGIT-F7", title = "Bayes rule in odds form (log scale)",
            args = {@Formula.Arg(name = "logDensity1", shape = "scalar"),
                    @Formula.Arg(name = "logDensity0", shape = "scalar"),
                    @Formula.Arg(name = "p0", shape = "scalar", domain = "(0, 1]"),
                    @Formula.Arg(name = "p1", shape = "scalar", domain = "(0, 1]")},
            output = "scalar: posterior log-odds", accuracy = "4 eps (|ln p(x|1)|+|ln p(x|0)|+|ln p1|+|ln p0|)")
    public static double bayesLogOdds(double logDensity1, double logDensity0, double p0, double p1) {
        Checks.finite(logDensity1, "logDensity1");
        Checks.finite(logDensity0, "logDensity0");
        prior(p0, "p0");
        prior(p1, "p1");
        return (logDensity1 - logDensity0) + (StrictMath.log(p1) - StrictMath.log(p0));
    }

    /**
     * Log-sum-exp with the maximum subtracted: $$\operatorname{lse}(\boldsymbol z)=z_{\max}+\ln\sum_j e^{z_j-z_{\max}}.$$
     * The sum is at least 1, so the logarithm is safe; it is Neumaier-compensated. Accuracy: 4 ulps of
     * {@code max(|lse|, 1)}.
     *
     * @param z a non-empty finite vector
     * @return {@code lse(z)}
     */
    public static double logSumExp(double[] z) {
        Checks.finite(z, "z");
        if (z.length == 0) {
            throw Checks.fail("z", "must not be empty");
        }
        int arg = 0;
        for (int j = 1; j < z.length; j++) {
            if (z[j] > z[arg]) {
                arg = j;
            }
        }
        double max = z[arg];
        double[] e = new double[z.length - 1];
        int m = 0;
        for (int j = 0; j < z.length; j++) {
            if (j != arg) {
                e[m++] = StrictMath.exp(z[j] - max);
            }
        }
        // The maximum contributes exactly 1; log1p of the compensated rest keeps small tails exact.
        double rest = AccurateSums.sum(e);
        return max + StrictMath.log1p(rest);
    }

    /** {@code ln p_i = z_i - lse(z)}, never the logarithm of a rounded probability. */
    public static double[] logSoftmax(double[] z) {
        double lse = logSumExp(z);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - lse;
        }
        return out;
    }

    /**
     * {@code p_i = e^{z_i - z_max} / sum_j e^{z_j - z_max}}. Algebraically {@code exp(z_i - lse(z))}, but that form
     * carries the rounding of {@code lse} (an absolute {@code eps |lse|}) into every probability; dividing by the
     * compensated sum keeps each probability within a few ulps and their sum within {@code 8 k eps} of 1.
     */
    public static double[] softmax(double[] z) {
        Checks.finite(z, "z");
        if (z.length == 0) {
            throw Checks.fail("z", "must not be empty");
        }
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = StrictMath.exp(z[i] - max);
        }
        double s = AccurateSums.sum(e);
        for (int i = 0; i < z.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    /**
     * The single-layer softmax model
     * $$p(i|\boldsymbol x)=\frac{\exp(\boldsymbol x\boldsymbol w_i^\top+b_i)}{\sum_{j=0}^{k-1}\exp(\boldsymbol x\boldsymbol w_j^\top+b_j)}$$
     * (the denominator runs over its own index {@code j}; erratum E1), with log-sum-exp and fma-compensated logits.
     * Domain: {@code weights} {@code k x n} (rows {@code w_i}), {@code bias} length {@code k}, {@code x} length
     * {@code n}, all finite. Accuracy: {@code 8 eps (|z_i| + |lse|)} absolute on {@code ln p_i}. Source: LOGIT-F11.
     *
     * @param x       sample, length {@code n}
     * @param weights class weights as rows, {@code k x n}
     * @param bias    class biases, length {@code k}
     * @return the probabilities {@code p(i|x)}, length {@code k}, summing to 1 within {@code 8k eps}
     */
    @Formula(value = "LOGIT-F11", title = "Softmax model probabilities",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"),
                    @Formula.Arg(name = "weights", shape = "matrix[k][n]"),
                    @Formula.Arg(name = "bias", shape = "vector[k]")},
            output = "vector[k]: p(i|x)", accuracy = "8 eps (|z_i| + |lse(z)|) absolute on ln p_i")
    public static double[] softmaxProbabilities(double[] x, double[][] weights, double[] bias) {
        return softmax(logits(x, weights, bias));
    }

    /** The logits {@code z_i = x w_i^T + b_i} with fma-compensated dot products. */
    public static double[] logits(double[] x, double[][] weights, double[] bias) {
        Checks.finite(weights, "weights");
        int n = weights[0].length;
        Checks.length(bias, weights.length, "bias");
        Inputs.query(x, n, "x");
        double[] z = new double[weights.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = AccurateSums.dot(x, weights[i]) + bias[i];
        }
        return z;
    }

    /**
     * The mean conditional negative log-likelihood of the binary logistic model
     * $$\mathrm{NLL}(\boldsymbol w,b)=\frac1N\sum_j\big[\operatorname{softplus}(t_j)-y_jt_j\big],\quad t_j=\boldsymbol x_j\boldsymbol w^\top+b,$$
     * evaluated per sample as {@code softplus(-t)} for {@code y=1} and {@code softplus(t)} for {@code y=0}
     * (no cancellation), summed with Neumaier compensation. Domain: {@code X} {@code N x n} finite,
     * {@code y in {0,1}}. Accuracy: {@code 4 eps} relative plus the conditioning of the logits. Source: LOGIT-F5.
     *
     * @param X data, {@code N x n}
     * @param y labels in {@code {0,1}}, length {@code N}
     * @param w weights, length {@code n}
     * @param b bias
     * @return the mean NLL, {@code >= 0}
     */
    @Formula(value = "LOGIT-F5", title = "Binary logistic model: mean conditional NLL",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "{0,1}"),
                    @Formula.Arg(name = "w", shape = "vector[n]"),
                    @Formula.Arg(name = "b", shape = "scalar")},
            output = "scalar: mean NLL >= 0", accuracy = "4 eps relative given the logits")
    public static double binaryNll(double[][] X, int[] y, double[] w, double b) {
        int n = Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, 2, "y");
        Checks.length(w, n, "w");
        Checks.finite(b, "b");
        double[] terms = new double[X.length];
        for (int j = 0; j < X.length; j++) {
            double t = AccurateSums.dot(X[j], w) + b;
            terms[j] = y[j] == 1 ? softplus(-t) : softplus(t);
        }
        return AccurateSums.sum(terms) / X.length;
    }

    static double prior(double p, String name) {
        Checks.finite(p, name);
        if (!(p > 0 && p <= 1)) {
            throw Checks.fail(name, "must be in (0, 1], got " + p);
        }
        return p;
    }
}
