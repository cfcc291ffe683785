package io.formulary.core.init;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.random.RandomGenerator;

/**
 * Second-moment propagation through a dense layer (INIT-F7), the initialization variance rules and the
 * distribution parameters that realize them (INIT-F8), He's ReLU halving (INIT-F9), and NTK parameterization
 * (INIT-F17). Layout: {@code y = x W + b}, {@code x} a row of length {@code m = fan_in}, {@code W} of shape
 * {@code m x n}.
 */
public final class Initialization {

    /** TF/Keras truncation half-width, in pre-truncation standard deviations. */
    public static final double TF_TRUNCATION = 2;

    private Initialization() {
    }

    /**
     * Second moment of one output of a dense layer with independent zero-mean weights, independent of the input:
     * $$\mathbb E[y_j^2]=b_j^2+\sum_i\mathbb E[x_i^2]\,\mathbb E[w_{i,j}^2]\ \xrightarrow{b=0,\ \text{i.d.}}\ m\,\mathbb E[x^2]\,\mathbb E[w^2].$$
     * No assumption on the inputs' means or correlations is needed (the cross terms vanish because
     * {@code E[w_{i1,j} w_{i2,j}] = 0}); {@code E[y_j] = b_j}. Evaluated as an fma-compensated dot product.
     * Accuracy: a few ulps (all terms non-negative). Source: INIT-F7.
     *
     * @param inputSecondMoments  {@code E[x_i^2]}, length m, finite and {@code >= 0}
     * @param weightSecondMoments {@code E[w_{i,j}^2]} of column j, length m, finite and {@code >= 0}
     * @param bias                {@code b_j}, finite
     * @return {@code E[y_j^2]}
     */
    @Formula(value = "INIT-F7", title = "Second moment of a dense-layer output",
            args = {@Formula.Arg(name = "inputSecondMoments", shape = "vector[m]", domain = "finite, >= 0"),
                    @Formula.Arg(name = "weightSecondMoments", shape = "vector[m]", domain = "finite, >= 0"),
                    @Formula.Arg(name = "bias", shape = "scalar")},
            output = "scalar", accuracy = "4 ulps")
    public static double outputSecondMoment(double[] inputSecondMoments, double[] weightSecondMoments, double bias) {
        Checks.sameLength(inputSecondMoments, "inputSecondMoments", weightSecondMoments, "weightSecondMoments");
        Checks.finite(bias, "bias");
        nonNegative(inputSecondMoments, "inputSecondMoments");
        nonNegative(weightSecondMoments, "weightSecondMoments");
        double[] x = inputSecondMoments.clone();
        double[] w = weightSecondMoments.clone();
        double[] withBias = new double[x.length + 1];
        double[] ones = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            withBias[i] = x[i];
            ones[i] = w[i];
        }
        withBias[x.length] = bias;
        ones[x.length] = bias;
        return AccurateSums.dot(withBias, ones);
    }

    /**
     * Fourth moment and variance of {@code y^2} for i.i.d. inputs and weights, {@code b = 0} (for Monte-Carlo
     * standard errors): {@code E[y^4] = m mu4x mu4w + 3m(m-1) mu2x^2 mu2w^2},
     * {@code Var[y^2] = m mu4x mu4w + (2m^2 - 3m) mu2x^2 mu2w^2}.
     *
     * @return {E[y^2], E[y^4], Var[y^2]}
     */
    public static double[] outputMoments(int m, double mu2x, double mu4x, double mu2w, double mu4w) {
        Checks.atLeast(m, 1, "fanIn");
        Checks.nonNegative(mu2x, "mu2x");
        Checks.nonNegative(mu4x, "mu4x");
        Checks.nonNegative(mu2w, "mu2w");
        Checks.nonNegative(mu4w, "mu4w");
        double second = m * mu2x * mu2w;
        double p = mu2x * mu2w;
        double fourth = m * mu4x * mu4w + 3.0 * m * (m - 1) * p * p;
        double varSq = m * mu4x * mu4w + (2.0 * m * m - 3.0 * m) * p * p;
        return new double[] {second, fourth, varSq};
    }

    /**
     * The weight variance of an initialization scheme:
     * $$v_{\rm LeCun}=\frac1{\text{fan\_in}},\quad v_{\rm He}=\frac2{\text{fan\_in}},\quad v_{\rm Glorot}=\frac2{\text{fan\_in}+\text{fan\_out}}.$$
     * Exact up to one rounding. Source: INIT-F8.
     *
     * @param scheme the scheme
     * @param fanIn  fan_in, {@code >= 1}
     * @param fanOut fan_out, {@code >= 1}
     * @return the variance
     * @throws IllegalArgumentException for a null scheme or a fan below 1 ({@code "fanIn must be >= 1, got 0"})
     */
    @Formula(value = "INIT-F8", title = "Initialization variance of LeCun, He, Glorot",
            args = {@Formula.Arg(name = "scheme", shape = "enum(LECUN|HE|GLOROT)"),
                    @Formula.Arg(name = "fanIn", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "fanOut", shape = "int", domain = ">= 1")},
            output = "scalar", accuracy = "0.5 ulp")
    public static double variance(InitScheme scheme, int fanIn, int fanOut) {
        Checks.notNull(scheme, "scheme");
        checkFans(fanIn, fanOut);
        return switch (scheme) {
            case LECUN -> 1.0 / fanIn;
            case HE -> 2.0 / fanIn;
            case GLOROT -> 2.0 / ((double) fanIn + fanOut);
        };
    }

    /** Fan used by the gain form {@code g^2 / fan}. */
    public enum FanMode {
        /** fan_in. */
        FAN_IN,
        /** fan_out. */
        FAN_OUT,
        /** (fan_in + fan_out)/2. */
        FAN_AVG
    }

    /** The gain form {@code g^2 / fan} of INIT-F8. */
    public static double gainVariance(double gain, FanMode mode, int fanIn, int fanOut) {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw Checks.fail("gain", "must be finite and > 0, got " + gain);
        }
        Checks.notNull(mode, "mode");
        checkFans(fanIn, fanOut);
        double fan = switch (mode) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> 0.5 * ((double) fanIn + fanOut);
        };
        return gain * gain / fan;
    }

    /**
     * The parameter of each law that realizes variance v: normal std {@code sqrt v}, uniform bound
     * {@code sqrt(3v)}, and truncated-normal pre-truncation std {@code sqrt(v) / sqrt(gamma(2))} (window
     * {@code +-2} of those). The variance is formed first and each square root taken once, so the three laws
     * have the same variance to the ulp.
     *
     * @param variance          v
     * @param normalStd         {@code sqrt v}
     * @param uniformBound      {@code sqrt(3 v)}
     * @param truncatedPreStd   {@code sqrt(v)/sqrt(gamma(2))}
     */
    public record LawParameters(double variance, double normalStd, double uniformBound, double truncatedPreStd) {
    }

    /** The law parameters of {@link LawParameters} for a variance {@code v > 0}. */
    public static LawParameters lawParameters(double variance) {
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw Checks.fail("variance", "must be finite and > 0, got " + variance);
        }
        double std = Math.sqrt(variance);
        return new LawParameters(variance, std, Math.sqrt(3 * variance),
                std * TruncatedNormal.stdCorrection(TF_TRUNCATION));
    }

    /** One weight of variance v from the given law, zero mean. */
    public static double drawWeight(RandomGenerator rng, WeightDistribution law, double variance) {
        Checks.notNull(law, "distribution");
        LawParameters p = lawParameters(variance);
        return drawWeight(rng, law, p);
    }

    /** A prepared sampler of zero-mean weights of variance v from the law (parameters computed once). */
    public static java.util.function.ToDoubleFunction<RandomGenerator> weightSampler(WeightDistribution law,
                                                                                    double variance) {
        Checks.notNull(law, "distribution");
        LawParameters p = lawParameters(variance);
        return rng -> drawWeight(rng, law, p);
    }

    private static double drawWeight(RandomGenerator rng, WeightDistribution law, LawParameters p) {
        return switch (law) {
            case NORMAL -> p.normalStd() * rng.nextGaussian();
            case UNIFORM -> p.uniformBound() * (2 * rng.nextDouble() - 1);
            case TRUNCATED_NORMAL -> Sampling.truncatedNormalRejection(rng, 0, p.truncatedPreStd(), TF_TRUNCATION);
        };
    }

    /** A fan_in x fan_out weight matrix of the scheme's variance drawn from the law (bias is initialized to 0). */
    public static double[][] weights(RandomGenerator rng, InitScheme scheme, WeightDistribution law, int fanIn, int fanOut) {
        Checks.notNull(rng, "rng");
        Checks.notNull(law, "distribution");
        LawParameters p = lawParameters(variance(scheme, fanIn, fanOut));
        double[][] w = new double[fanIn][fanOut];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                w[i][j] = drawWeight(rng, law, p);
            }
        }
        return w;
    }

    /** {@code E[w^4]/E[w^2]^2} of each law: 3, 1.8, and {@code m4(2)/gamma(2)^2 = 2.3655367171296495...}. */
    public static double kurtosis(WeightDistribution law) {
        Checks.notNull(law, "distribution");
        return switch (law) {
            case NORMAL -> 3;
            case UNIFORM -> 1.8;
            case TRUNCATED_NORMAL -> {
                double g = TruncatedNormal.gamma(TF_TRUNCATION);
                yield TruncatedNormal.fourthMoment(TF_TRUNCATION) / (g * g);
            }
        };
    }

    /**
     * He's observation: for a symmetric pre-activation y, {@code E[relu(y)^2] = E[y^2]/2} exactly, so a dense layer
     * fed by ReLU outputs of pre-activations of second moment q has
     * $$\mathbb E[y_j^2]=\frac m2\,\mathbb E[w^2]\,q,$$
     * which {@code E[w^2] = 2/m} keeps equal to q. Exact up to two roundings. Source: INIT-F9.
     *
     * @param fanIn                    m, {@code >= 1}
     * @param weightSecondMoment       {@code E[w^2]}, finite {@code >= 0}
     * @param preActivationSecondMoment q, finite {@code >= 0}
     * @return the next pre-activation's second moment
     */
    @Formula(value = "INIT-F9", title = "Second moment after relu -> dense (He's halving)",
            args = {@Formula.Arg(name = "fanIn", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "weightSecondMoment", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "preActivationSecondMoment", shape = "scalar", domain = ">= 0")},
            output = "scalar", accuracy = "exact up to 2 roundings")
    public static double afterRelu(int fanIn, double weightSecondMoment, double preActivationSecondMoment) {
        Checks.atLeast(fanIn, 1, "fanIn");
        Checks.nonNegative(weightSecondMoment, "weightSecondMoment");
        Checks.nonNegative(preActivationSecondMoment, "preActivationSecondMoment");
        return 0.5 * fanIn * weightSecondMoment * preActivationSecondMoment;
    }

    /**
     * A dense layer {@code y = x W + b} with fma-compensated dot products (standard parameterization).
     *
     * @param x row of length m
     * @param w m x n
     * @param b length n
     * @return y, length n
     */
    public static double[] dense(double[] x, double[][] w, double[] b) {
        Checks.finite(x, "x");
        Checks.shape(w, x.length, -1, "w");
        Checks.length(b, w[0].length, "b");
        int n = w[0].length;
        double[] y = new double[n];
        double[] col = new double[x.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < x.length; i++) {
                col[i] = w[i][j];
            }
            y[j] = AccurateSums.dot(x, col) + b[j];
        }
        return y;
    }

    /**
     * The NTK-parameterized dense layer:
     * $$y_j=b_j+\frac1{\sqrt m}\sum_ix_iw_{i,j},\qquad w_{i,j}\ \text{of mean 0 and variance 1}.$$
     * {@code y_NTK(x; W) = y_std(x; W/sqrt m)} identically, so forward statistics at initialization coincide with
     * LeCun's; the gradients with respect to w differ by the factor {@code 1/sqrt m}. Evaluation: fma-compensated
     * dot product, then one division by {@code sqrt(m)}. Accuracy: {@code 2 ulps + u sum|x_i w_ij|/sqrt m}.
     * Source: INIT-F17.
     *
     * @param x row of length m, finite
     * @param w m x n, finite
     * @param b length n, finite
     * @return y, length n
     */
    @Formula(value = "INIT-F17", title = "NTK-parameterized dense layer",
            args = {@Formula.Arg(name = "x", shape = "vector[m]"),
                    @Formula.Arg(name = "w", shape = "matrix[m][n]"),
                    @Formula.Arg(name = "b", shape = "vector[n]")},
            output = "vector[n]", accuracy = "2 ulps + u sum|x w|/sqrt m")
    public static double[] ntkDense(double[] x, double[][] w, double[] b) {
        Checks.finite(x, "x");
        Checks.shape(w, x.length, -1, "w");
        Checks.length(b, w[0].length, "b");
        double root = Math.sqrt(x.length);
        double[] y = dense(x, w, new double[w[0].length]);
        for (int j = 0; j < y.length; j++) {
            y[j] = y[j] / root + b[j];
        }
        return y;
    }

    /**
     * {@code dL/dw_{ij}} of a dense layer for upstream gradient g: {@code x_i g_j} (standard) or
     * {@code x_i g_j / sqrt m} (NTK).
     */
    public static double[][] weightGradient(double[] x, double[] upstream, boolean ntk) {
        Checks.finite(x, "x");
        Checks.finite(upstream, "upstream");
        double root = Math.sqrt(x.length);
        double[][] g = new double[x.length][upstream.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < upstream.length; j++) {
                g[i][j] = ntk ? (x[i] * upstream[j]) / root : x[i] * upstream[j];
            }
        }
        return g;
    }

    /**
     * The first bias-corrected Adam step: {@code Delta w = -eta g/(|g| + epsHat)}, so {@code |Delta w| <= eta}
     * (the article's {@code eta sign(g)} approximation made exact):
     * $$\Delta w=-\eta\,\frac{g}{\lvert g\rvert+\hat\epsilon}.$$
     * Accuracy: 2 ulps. Source: INIT-F18.
     *
     * @param gradient   g, finite
     * @param eta        learning rate, finite {@code > 0}
     * @param epsilonHat Adam's epsilon, finite {@code >= 0} ({@code g = 0} needs {@code epsilonHat > 0})
     * @return {@code Delta w}
     */
    @Formula(value = "INIT-F18", title = "First Adam step -eta g/(|g| + eps)",
            args = {@Formula.Arg(name = "gradient", shape = "scalar"),
                    @Formula.Arg(name = "eta", shape = "scalar", domain = "finite, > 0"),
                    @Formula.Arg(name = "epsilonHat", shape = "scalar", domain = "finite, >= 0")},
            output = "scalar", accuracy = "2 ulps")
    public static double adamFirstStep(double gradient, double eta, double epsilonHat) {
        Checks.finite(gradient, "gradient");
        Checks.positive(eta, "eta");
        Checks.nonNegative(epsilonHat, "epsilonHat");
        double denom = Math.abs(gradient) + epsilonHat;
        if (!(denom > 0)) {
            throw Checks.fail("epsilonHat", "must be > 0 when the gradient is 0");
        }
        return -eta * (gradient / denom);
    }

    static void checkFans(int fanIn, int fanOut) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("fanIn must be >= 1, got " + fanIn);
        }
        if (fanOut < 1) {
            throw new IllegalArgumentException("fanOut must be >= 1, got " + fanOut);
        }
    }

    private static void nonNegative(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be >= 0, got " + v[i]);
            }
        }
    }
}
