package io.formulary.core.init;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.Formula;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The three sampling laws of initialization (INIT-F1, INIT-F2, INIT-F6) as samplers on a caller-supplied, seeded
 * {@link RandomGenerator}, with their closed-form moments.
 *
 * <p>Generator: one project-wide choice, {@link #generator(long)} ({@code L64X128MixRandom}, a splittable
 * LXM generator of Java 17); Gaussian draws come from its {@code nextGaussian()}. Every sampler is a pure
 * function of the generator state: the same seed gives the same draws on every JDK.
 */
public final class Sampling {

    /** {@code sqrt(3)}, the uniform half-width per standard deviation. */
    public static final double SQRT3 = 1.7320508075688772;

    private Sampling() {
    }

    /** The project's seeded generator: {@code L64X128MixRandom} created from {@code seed}. */
    public static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /**
     * An interval {@code [lower, upper]}.
     *
     * @param lower lower end
     * @param upper upper end
     */
    public record Bounds(double lower, double upper) {
    }

    /**
     * The uniform law with mean mu and variance {@code sigma^2}: {@code U[mu - sqrt3 sigma, mu + sqrt3 sigma]}
     * (mean {@code (a+b)/2}, variance {@code (b-a)^2/12}, central fourth moment {@code 9 sigma^4/5}):
     * $$U\big[\mu-\sqrt3\sigma,\ \mu+\sqrt3\sigma\big].$$
     * Accuracy: each bound within 1 ulp of the exact {@code mu +- sqrt3 sigma} plus the rounding of the sum.
     * Source: INIT-F1.
     *
     * @param mu    the mean, finite
     * @param sigma the standard deviation, finite and {@code > 0}
     * @return the bounds
     * @throws IllegalArgumentException if mu is not finite or sigma is not finite and positive
     */
    @Formula(value = "INIT-F1", title = "Uniform law with prescribed mean and variance",
            args = {@Formula.Arg(name = "mu", shape = "scalar"),
                    @Formula.Arg(name = "sigma", shape = "scalar", domain = "finite, > 0")},
            output = "record(lower, upper)", accuracy = "1 ulp on sqrt3 sigma")
    public static Bounds uniformFor(double mu, double sigma) {
        TruncatedNormal.checkLaw(mu, sigma);
        double half = SQRT3 * sigma;
        return new Bounds(mu - half, mu + half);
    }

    /**
     * Mean, variance and central fourth moment of the normal law {@code N(mu, sigma^2)}: {@code (mu, sigma^2,
     * 3 sigma^4)}:
     * $$\mathcal N(\mu,\sigma^2):\quad \mathbb E=\mu,\ \operatorname{Var}=\sigma^2,\ \mu_4=3\sigma^4.$$
     * Exact up to the rounding of the products. Source: INIT-F2.
     *
     * @param mu    the mean, finite
     * @param sigma the standard deviation, finite and {@code > 0}
     * @return the moments
     */
    @Formula(value = "INIT-F2", title = "Normal law: mean, variance, central fourth moment",
            args = {@Formula.Arg(name = "mu", shape = "scalar"),
                    @Formula.Arg(name = "sigma", shape = "scalar", domain = "finite, > 0")},
            output = "record(mean, variance, centralFourth)", accuracy = "exact up to 2 roundings")
    public static TruncatedNormal.Moments normalMoments(double mu, double sigma) {
        TruncatedNormal.checkLaw(mu, sigma);
        double v = sigma * sigma;
        return new TruncatedNormal.Moments(mu, v, 3 * v * v);
    }

    /** Moments of the uniform law of {@link #uniformFor}: {@code (mu, sigma^2, 9 sigma^4 / 5)}. */
    public static TruncatedNormal.Moments uniformMoments(double mu, double sigma) {
        TruncatedNormal.checkLaw(mu, sigma);
        double v = sigma * sigma;
        return new TruncatedNormal.Moments(mu, v, 1.8 * v * v);
    }

    /** One draw of {@code U[mu - sqrt3 sigma, mu + sqrt3 sigma)} as {@code mu + sqrt3 sigma (2u - 1)}. */
    public static double uniform(RandomGenerator rng, double mu, double sigma) {
        Checks.notNull(rng, "rng");
        TruncatedNormal.checkLaw(mu, sigma);
        return mu + SQRT3 * sigma * (2 * rng.nextDouble() - 1);
    }

    /** One draw of {@code N(mu, sigma^2)}. */
    public static double normal(RandomGenerator rng, double mu, double sigma) {
        Checks.notNull(rng, "rng");
        TruncatedNormal.checkLaw(mu, sigma);
        return mu + sigma * rng.nextGaussian();
    }

    /**
     * TF-style truncated normal: draw {@code mu + sigmaPre z}, redraw while {@code |z| > c} (sigma-relative
     * window; TF fixes c = 2). The variance is {@code gamma(c) sigmaPre^2}; pass
     * {@code sigmaPre = sigma * TruncatedNormal.stdCorrection(c)} to obtain variance {@code sigma^2}.
     */
    public static double truncatedNormalRejection(RandomGenerator rng, double mu, double sigmaPre, double c) {
        Checks.notNull(rng, "rng");
        TruncatedNormal.checkLaw(mu, sigmaPre);
        TruncatedNormal.checkHalfWidth(c);
        while (true) {
            double z = rng.nextGaussian();
            if (Math.abs(z) <= c) {
                return mu + sigmaPre * z;
            }
        }
    }

    /**
     * PyTorch-style truncated normal ({@code trunc_normal_(mean, std, a, b)}): absolute bounds a, b, pre-truncation
     * std; {@code u ~ U[Phi(a^), Phi(b^)]}, {@code w = mu + sigma Phi^{-1}(u)}, clamped to {@code [a, b]}. Intended
     * for windows where {@code Phi(a^)} and {@code Phi(b^)} are distinct doubles away from 1 (like PyTorch's own).
     */
    public static double truncatedNormalInverseCdf(RandomGenerator rng, double mu, double sigma, double a, double b) {
        Checks.notNull(rng, "rng");
        return inverseCdfSampler(mu, sigma, a, b).applyAsDouble(rng);
    }

    /** The PyTorch-style sampler of {@link #truncatedNormalInverseCdf} with {@code Phi(a^), Phi(b^)} computed once. */
    public static java.util.function.ToDoubleFunction<RandomGenerator> inverseCdfSampler(double mu, double sigma,
                                                                                         double a, double b) {
        TruncatedNormal.checkLaw(mu, sigma);
        TruncatedNormal.checkWindow(a, b);
        double lo = ErrorFunctions.normalCdf((a - mu) / sigma);
        double hi = ErrorFunctions.normalCdf((b - mu) / sigma);
        return rng -> inverseCdfDraw(rng, mu, sigma, a, b, lo, hi);
    }

    private static double inverseCdfDraw(RandomGenerator rng, double mu, double sigma, double a, double b, double lo,
                                         double hi) {
        double p = lo + (hi - lo) * rng.nextDouble();
        double w;
        if (!(p > 0)) {
            w = a;
        } else if (!(p < 1)) {
            w = b;
        } else {
            w = mu + sigma * ErrorFunctions.normalQuantile(p);
        }
        return Math.min(Math.max(w, a), b);
    }

    /**
     * The reference truncated-normal sampler of INIT-F6 for any window, including far tails (see
     * {@link TruncatedNormalLaw}; prepare the law once with {@link TruncatedNormalLaw#of} when drawing many).
     *
     * @param rng   the generator
     * @param mu    pre-truncation mean, finite
     * @param sigma pre-truncation standard deviation, finite and {@code > 0}
     * @param a     lower end (absolute), may be {@code -inf}
     * @param b     upper end (absolute), may be {@code +inf}
     * @return one draw in {@code [a, b]}
     */
    public static double truncatedNormal(RandomGenerator rng, double mu, double sigma, double a, double b) {
        Checks.notNull(rng, "rng");
        return TruncatedNormalLaw.of(mu, sigma, a, b).sample(rng);
    }

    /**
     * Distribution function of {@code N(mu, sigma^2)} truncated to {@code [a, b]} at x (for goodness-of-fit tests;
     * see {@link TruncatedNormalLaw#cdf}).
     */
    public static double truncatedCdf(double x, double mu, double sigma, double a, double b) {
        Checks.finite(x, "x");
        return TruncatedNormalLaw.of(mu, sigma, a, b).cdf(x);
    }

    /** {@code n} independent draws of a sampler. */
    public static double[] draw(RandomGenerator rng, int n, java.util.function.ToDoubleFunction<RandomGenerator> sampler) {
        Checks.notNull(rng, "rng");
        Checks.atLeast(n, 0, "n");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.applyAsDouble(rng);
        }
        return out;
    }
}
