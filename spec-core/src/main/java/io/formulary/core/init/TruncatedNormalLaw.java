package io.formulary.core.init;

import io.formulary.core.numeric.ErrorFunctions;

import java.util.random.RandomGenerator;

/**
 * A prepared truncated normal law {@code N(mu, sigma^2)} conditioned on {@code [a, b]}: the window probability and
 * tail values are computed once, so drawing and evaluating the distribution function cost a few operations each.
 * Immutable and thread-safe; the generator is the caller's.
 *
 * <p>Sampling (INIT-F6, the reference convention): plain rejection while the window holds at least a quarter of
 * the mass; otherwise the window is reflected into the upper half ({@code a^ >= 0}) and the upper-tail probability
 * is inverted, {@code u ~ U[Q(b^), Q(a^)]}, {@code t = Q^{-1}(u)}, which keeps relative accuracy in the tail;
 * beyond {@code a^ = 37}, where {@code Q(a^)} approaches underflow, exponentially tilted rejection (proposal
 * {@code a^ + v}, v exponential of rate {@code a^} truncated to the window, accepted with probability
 * {@code e^{-v^2/2}}); a low-mass window straddling 0 inverts {@code Phi} directly. Draws are clamped to
 * {@code [a, b]} against the last rounding.
 */
public final class TruncatedNormalLaw {

    private static final double FAR_TAIL = 37;

    private enum Method { REJECTION, UPPER_INVERSION, LOWER_INVERSION, UPPER_TILTED, LOWER_TILTED, CENTRAL_INVERSION }

    private final double mu;
    private final double sigma;
    private final double a;
    private final double b;
    private final double ah;
    private final double bh;
    private final Method method;
    /** Upper (reflected) window {@code [lo, hi]} of the inversion and tilted methods. */
    private final double lo;
    private final double hi;
    private final double qLo;
    private final double qHi;
    private final double tiltedMass;
    /** Mills ratio at the mode-side end, for the CDF. */
    private final double millsLo;
    private final double z;

    private TruncatedNormalLaw(double mu, double sigma, double a, double b) {
        this.mu = mu;
        this.sigma = sigma;
        this.a = a;
        this.b = b;
        this.ah = (a - mu) / sigma;
        this.bh = (b - mu) / sigma;
        this.z = TruncatedNormal.windowProbability(ah, bh);
        boolean lower = bh <= 0;
        this.lo = lower ? -bh : Math.max(ah, 0);
        this.hi = lower ? -ah : bh;
        boolean upperSide = ah >= 0 || lower;
        if (z >= 0.25) {
            method = Method.REJECTION;
        } else if (upperSide && lo >= FAR_TAIL) {
            method = lower ? Method.LOWER_TILTED : Method.UPPER_TILTED;
        } else if (upperSide) {
            method = lower ? Method.LOWER_INVERSION : Method.UPPER_INVERSION;
        } else {
            method = Method.CENTRAL_INVERSION;
        }
        this.qLo = ErrorFunctions.normalUpperTail(lower ? -bh : ah);
        this.qHi = ErrorFunctions.normalUpperTail(lower ? -ah : bh);
        double width = hi - lo;
        this.tiltedMass = Double.isInfinite(width) ? 1 : -StrictMath.expm1(-lo * width);
        this.millsLo = upperSide ? ErrorFunctions.millsRatio(lo) : Double.NaN;
    }

    /**
     * The law {@code N(mu, sigma^2)} conditioned on {@code [a, b]}.
     *
     * @throws IllegalArgumentException as {@link TruncatedNormal#moments}
     */
    public static TruncatedNormalLaw of(double mu, double sigma, double a, double b) {
        TruncatedNormal.checkLaw(mu, sigma);
        TruncatedNormal.checkWindow(a, b);
        return new TruncatedNormalLaw(mu, sigma, a, b);
    }

    /** Mean, variance and central fourth moment (INIT-F3). */
    public TruncatedNormal.Moments moments() {
        return TruncatedNormal.moments(mu, sigma, a, b);
    }

    /** One draw in {@code [a, b]}. */
    public double sample(RandomGenerator rng) {
        double t = switch (method) {
            case REJECTION -> {
                double s;
                do {
                    s = rng.nextGaussian();
                } while (!(s >= ah && s <= bh));
                yield s;
            }
            case UPPER_INVERSION -> invertUpper(rng);
            case LOWER_INVERSION -> -invertUpper(rng);
            case UPPER_TILTED -> tilted(rng);
            case LOWER_TILTED -> -tilted(rng);
            case CENTRAL_INVERSION -> {
                double pLo = ErrorFunctions.normalCdf(ah);
                double pHi = ErrorFunctions.normalCdf(bh);
                yield ErrorFunctions.normalQuantile(pLo + (pHi - pLo) * rng.nextDouble());
            }
        };
        double w = mu + sigma * t;
        return Math.min(Math.max(w, a), b);
    }

    private double invertUpper(RandomGenerator rng) {
        double u = qHi + (qLo - qHi) * (1 - rng.nextDouble());
        double t = u >= qLo ? lo : ErrorFunctions.upperTailQuantile(u);
        return Math.min(Math.max(t, lo), hi);
    }

    private double tilted(RandomGenerator rng) {
        double width = hi - lo;
        while (true) {
            // Truncated exponential of rate lo on [0, width] by inversion.
            double v = -StrictMath.log1p(-rng.nextDouble() * tiltedMass) / lo;
            if (v <= width && rng.nextDouble() <= StrictMath.exp(-0.5 * v * v)) {
                return lo + v;
            }
        }
    }

    /**
     * The distribution function at x, evaluated on the side of the window away from the mode through Mills ratios
     * ({@code (Q(lo) - Q(x))/Q(lo) = -expm1(-(x-lo)(x+lo)/2 + log(M(x)/M(lo)))}), so far-tail windows keep their
     * accuracy.
     */
    public double cdf(double x) {
        if (x <= a) {
            return 0;
        }
        if (x >= b) {
            return 1;
        }
        double xh = (x - mu) / sigma;
        if (ah >= 0) {
            return tailShare(xh) / tailShare(bh);
        }
        if (bh <= 0) {
            return 1 - tailShare(-xh) / tailShare(-ah);
        }
        return TruncatedNormal.windowProbability(ah, xh) / z;
    }

    private double tailShare(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double logRatio = -0.5 * (x - lo) * (x + lo) + StrictMath.log(ErrorFunctions.millsRatio(x) / millsLo);
        return -StrictMath.expm1(logRatio);
    }
}
