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
    /** Beyond this standardized lower bound {@code Q(a)} nears underflow: the tail sampler switches to tilted rejection. */
    private static final double FAR_TAIL = 37;

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
        TruncatedNormal.checkLaw(mu, sigma);
        TruncatedNormal.checkWindow(a, b);
        double lo = ErrorFunctions.normalCdf((a - mu) / sigma);
        double hi = ErrorFunctions.normalCdf((b - mu) / sigma);
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
     * The reference truncated-normal sampler of INIT-F6 for any window, including far tails: plain rejection while
     * the window holds at least a quarter of the mass; otherwise the window is reflected into the upper half
     * ({@code a^ >= 0}) and the upper-tail probability is inverted, {@code u ~ U[Q(b^), Q(a^)]},
     * {@code t = Q^{-1}(u)} (relative accuracy in the tail); beyond {@code a^ = 37}, where {@code Q(a^)}
     * approaches underflow, exponentially tilted rejection ({@code t = a^ + v}, v exponential of rate {@code a^}
     * truncated to the window, accepted with probability {@code e^{-v^2/2}}). Windows straddling 0 with little
     * mass invert {@code Phi} directly.
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
        TruncatedNormal.checkLaw(mu, sigma);
        TruncatedNormal.checkWindow(a, b);
        double ah = (a - mu) / sigma;
        double bh = (b - mu) / sigma;
        double t;
        if (TruncatedNormal.windowProbability(ah, bh) >= 0.25) {
            do {
                t = rng.nextGaussian();
            } while (!(t >= ah && t <= bh));
        } else if (bh <= 0) {
            t = -upperWindow(rng, -bh, -ah);
        } else if (ah >= 0) {
            t = upperWindow(rng, ah, bh);
        } else {
            double lo = ErrorFunctions.normalCdf(ah);
            double hi = ErrorFunctions.normalCdf(bh);
            t = ErrorFunctions.normalQuantile(lo + (hi - lo) * rng.nextDouble());
        }
        double w = mu + sigma * t;
        return Math.min(Math.max(w, a), b);
    }

    /** A standard-normal draw conditioned on {@code [lo, hi]} with {@code lo >= 0}. */
    private static double upperWindow(RandomGenerator rng, double lo, double hi) {
        if (lo < FAR_TAIL) {
            double qLo = ErrorFunctions.normalUpperTail(lo);
            double qHi = ErrorFunctions.normalUpperTail(hi);
            double u = qHi + (qLo - qHi) * (1 - rng.nextDouble());
            double t = u >= qLo ? lo : ErrorFunctions.upperTailQuantile(u);
            return Math.min(Math.max(t, lo), hi);
        }
        double width = hi - lo;
        // Truncated exponential of rate lo on [0, width] by inversion: -log1p(-u (1 - e^{-lo width}))/lo.
        double mass = Double.isInfinite(width) ? 1 : -StrictMath.expm1(-lo * width);
        while (true) {
            double v = -StrictMath.log1p(-rng.nextDouble() * mass) / lo;
            if (v <= width && rng.nextDouble() <= StrictMath.exp(-0.5 * v * v)) {
                return lo + v;
            }
        }
    }

    /**
     * Distribution function of {@code N(mu, sigma^2)} truncated to {@code [a, b]} at x (for goodness-of-fit tests),
     * evaluated on the side of the window away from the mode through Mills ratios, so far-tail windows keep their
     * accuracy.
     */
    public static double truncatedCdf(double x, double mu, double sigma, double a, double b) {
        TruncatedNormal.checkLaw(mu, sigma);
        TruncatedNormal.checkWindow(a, b);
        Checks.finite(x, "x");
        if (x <= a) {
            return 0;
        }
        if (x >= b) {
            return 1;
        }
        double ah = (a - mu) / sigma;
        double bh = (b - mu) / sigma;
        double xh = (x - mu) / sigma;
        if (ah >= 0) {
            return tailShare(ah, xh) / tailShare(ah, bh);
        }
        if (bh <= 0) {
            return 1 - tailShare(-bh, -xh) / tailShare(-bh, -ah);
        }
        double z = TruncatedNormal.windowProbability(ah, bh);
        return TruncatedNormal.windowProbability(ah, xh) / z;
    }

    /** {@code (Q(lo) - Q(x))/Q(lo) = 1 - (phi(x)/phi(lo)) M(x)/M(lo)} for {@code 0 <= lo <= x}. */
    private static double tailShare(double lo, double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double logRatio = -0.5 * (x - lo) * (x + lo)
                + StrictMath.log(ErrorFunctions.millsRatio(x) / ErrorFunctions.millsRatio(lo));
        return -StrictMath.expm1(logRatio);
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
