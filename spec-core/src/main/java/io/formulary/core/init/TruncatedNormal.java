package io.formulary.core.init;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DoubleDouble;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.GaussLegendre;

/**
 * Moments of the normal law truncated to a window (INIT-F3), the symmetric variance factor {@code gamma(c)}
 * (INIT-F4), the standard-deviation correction (INIT-F5) and the acceptance probability of the rejection sampler
 * (INIT-F6).
 */
public final class TruncatedNormal {

    /** Switch of {@link #gamma} from the positive series to the closed form. */
    private static final double GAMMA_SWITCH = 6;

    private TruncatedNormal() {
    }

    /**
     * Mean, variance and central fourth moment of a law.
     *
     * @param mean          the mean
     * @param variance      the variance
     * @param centralFourth the central fourth moment {@code E[(w - mean)^4]}
     */
    public record Moments(double mean, double variance, double centralFourth) {

        /** Kurtosis {@code mu_4 / variance^2}. */
        public double kurtosis() {
            return centralFourth / (variance * variance);
        }
    }

    /**
     * Mean, variance and central fourth moment of {@code N(mu, sigma^2)} conditioned on {@code [a, b]}:
     * $$\mathbb E[w]=\mu+\sigma\frac{\varphi(\hat a)-\varphi(\hat b)}{Z},\quad
     * \operatorname{Var}[w]=\sigma^2\Big[1+\frac{\hat a\varphi(\hat a)-\hat b\varphi(\hat b)}{Z}-\Big(\frac{\varphi(\hat a)-\varphi(\hat b)}{Z}\Big)^2\Big],$$
     * {@code a^ = (a - mu)/sigma}, {@code b^ = (b - mu)/sigma}, {@code Z = Phi(b^) - Phi(a^)}.
     *
     * <p>Evaluation (the closed form underflows beyond about 37.5 sigma and its bracket cancels in the tails):
     * quadrature in a local coordinate. Mode {@code x0 = clamp(0, a^, b^)}; effective window
     * {@code [l, u] = [max(a^, -r), min(b^, r)]}, {@code r = sqrt(x0^2 + 184)} (density ratio below
     * {@code e^-92} outside); {@code P = max(1, ceil(2(u - l)(1 + max(|l|, |u|))))} equal panels of 10-point
     * Gauss-Legendre with nodes kept as offsets v from the centre {@code c}; weights times the density relative to
     * its mode, {@code exp(-(c - x0 + v)(c + x0 + v)/2)} (no underflow); compensated moments about the weighted
     * mean of v.
     *
     * <p>Domains: mu finite, sigma finite {@code > 0}, {@code a < b}, a may be {@code -inf}, b may be {@code +inf}.
     * Accuracy: relative {@code 1e-14} on the variance and fourth moment, and on the mean except where it is a
     * small difference (absolute {@code 1e-14 sigma max(1, |l|, |u|)}). Source: INIT-F3.
     *
     * @param mu    pre-truncation mean
     * @param sigma pre-truncation standard deviation
     * @param a     lower end of the window (absolute units)
     * @param b     upper end of the window (absolute units)
     * @return the moments of the truncated law
     * @throws IllegalArgumentException for non-finite mu or sigma, {@code sigma <= 0}, NaN bounds, {@code a >= b},
     *                                  {@code a = +inf} or {@code b = -inf}
     */
    @Formula(value = "INIT-F3", title = "Moments of the normal law truncated to [a, b]",
            args = {@Formula.Arg(name = "mu", shape = "scalar"),
                    @Formula.Arg(name = "sigma", shape = "scalar", domain = "finite, > 0"),
                    @Formula.Arg(name = "a", shape = "scalar", domain = "< b, may be -Infinity"),
                    @Formula.Arg(name = "b", shape = "scalar", domain = "> a, may be +Infinity")},
            output = "record(mean, variance, centralFourth)", accuracy = "relative 1e-14 (mean: see Javadoc)")
    public static Moments moments(double mu, double sigma, double a, double b) {
        checkLaw(mu, sigma);
        checkWindow(a, b);
        double ah = (a - mu) / sigma;
        double bh = (b - mu) / sigma;
        if (!(ah < bh)) {
            throw Checks.fail("b", "truncation window collapses after standardization: a=" + a + ", b=" + b);
        }
        Moments std = standardMoments(ah, bh);
        return new Moments(mu + sigma * std.mean(), sigma * sigma * std.variance(),
                sigma * sigma * sigma * sigma * std.centralFourth());
    }

    /** The quadrature of {@link #moments} for the standardized window {@code [ah, bh]}. */
    static Moments standardMoments(double ah, double bh) {
        double x0 = Math.min(Math.max(0.0, ah), bh);
        double r = Math.sqrt(x0 * x0 + 184);
        double l = Math.max(ah, -r);
        double u = Math.min(bh, r);
        double c = 0.5 * (l + u);
        double h = 0.5 * (u - l);
        long panels = Math.max(1, (long) Math.ceil(2 * (u - l) * (1 + Math.max(Math.abs(l), Math.abs(u)))));
        GaussLegendre rule = GaussLegendre.tenPoint();
        double[] t = rule.nodes();
        double[] w = rule.weights();
        int n = (int) panels * t.length;
        double[] v = new double[n];
        double[] wt = new double[n];
        double panelHalf = h / panels;
        int k = 0;
        for (long p = 0; p < panels; p++) {
            // Offset of the panel centre from c, computed from integers so no x - c difference is ever formed.
            double centre = -h + (2 * p + 1) * panelHalf;
            for (int i = 0; i < t.length; i++) {
                double off = centre + panelHalf * t[i];
                v[k] = off;
                wt[k] = panelHalf * w[i] * StrictMath.exp(-0.5 * ((c - x0) + off) * ((c + x0) + off));
                k++;
            }
        }
        double sw = neumaier(wt, null, 0, 0);
        double vbar = neumaier(wt, v, 0, 1) / sw;
        double var = neumaier(wt, v, vbar, 2) / sw;
        double m4 = neumaier(wt, v, vbar, 4) / sw;
        return new Moments(c + vbar, var, m4);
    }

    /** Neumaier sum of {@code w_i (v_i - shift)^p} (p = 0 ignores v). */
    private static double neumaier(double[] w, double[] v, double shift, int p) {
        double s = 0;
        double comp = 0;
        for (int i = 0; i < w.length; i++) {
            double term = w[i];
            if (p > 0) {
                double d = v[i] - shift;
                double d2 = d * d;
                term *= p == 1 ? d : p == 2 ? d2 : d2 * d2;
            }
            double t = s + term;
            comp += Math.abs(s) >= Math.abs(term) ? (s - t) + term : (term - t) + s;
            s = t;
        }
        return s + comp;
    }

    /**
     * The closed form of INIT-F3 written with the error-function family ({@code Z} as a difference of upper tails
     * on the side away from the mode, so two values near 1 never cancel). A cross-check of {@link #moments} where
     * {@code |a^|, |b^| <= 8} and the window is at least 0.1 wide; it loses digits beyond that.
     *
     * @return the moments, fourth from the recursion {@code int x^p phi = (p-1) int x^{p-2} phi - [x^{p-1} phi]}
     */
    public static Moments closedFormMoments(double mu, double sigma, double a, double b) {
        checkLaw(mu, sigma);
        checkWindow(a, b);
        double ah = (a - mu) / sigma;
        double bh = (b - mu) / sigma;
        double z = windowProbability(ah, bh);
        double pa = ErrorFunctions.normalPdf(ah);
        double pb = ErrorFunctions.normalPdf(bh);
        double apa = Double.isInfinite(ah) ? 0 : ah * pa;
        double bpb = Double.isInfinite(bh) ? 0 : bh * pb;
        // Raw moments of the standardized window: m1, m2, m3, m4.
        double m1 = (pa - pb) / z;
        double m2 = 1 + (apa - bpb) / z;
        double a2pa = Double.isInfinite(ah) ? 0 : ah * apa;
        double b2pb = Double.isInfinite(bh) ? 0 : bh * bpb;
        double m3 = 2 * m1 + (a2pa - b2pb) / z;
        double a3pa = Double.isInfinite(ah) ? 0 : ah * a2pa;
        double b3pb = Double.isInfinite(bh) ? 0 : bh * b2pb;
        double m4raw = 3 * m2 + (a3pa - b3pb) / z;
        double var = m2 - m1 * m1;
        double c4 = m4raw - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1;
        return new Moments(mu + sigma * m1, sigma * sigma * var, sigma * sigma * sigma * sigma * c4);
    }

    /** {@code Z = Phi(bh) - Phi(ah)}, formed from the tails on the far side of the mode (no cancellation near 1). */
    public static double windowProbability(double ah, double bh) {
        if (ah >= 0) {
            return ErrorFunctions.normalUpperTail(ah) - ErrorFunctions.normalUpperTail(bh);
        }
        if (bh <= 0) {
            return ErrorFunctions.normalCdf(bh) - ErrorFunctions.normalCdf(ah);
        }
        return 1 - ErrorFunctions.normalCdf(ah) - ErrorFunctions.normalUpperTail(bh);
    }

    /**
     * The variance factor of {@code N(0,1)} truncated to {@code [-c, c]}:
     * $$\gamma(c)=\frac{\int_{-c}^{c}x^2e^{-x^2/2}dx}{\int_{-c}^{c}e^{-x^2/2}dx}=1-\frac{2c\,\varphi(c)}{\operatorname{erf}(c/\sqrt2)}=\frac{T(c)}{c+T(c)},\quad
     * T(c)=\sum_{n\ge1}\frac{c^{2n+1}}{(2n+1)!!}.$$
     *
     * <p>Evaluation without cancellation: {@code int_0^c e^{-x^2/2} = e^{-c^2/2} S(c)} and
     * {@code int_0^c x^2 e^{-x^2/2} = e^{-c^2/2} (S(c) - c)} with the positive Kummer series S, so for
     * {@code c < 6} the ratio is {@code T/(c + T)}, every term positive, summed in double-double and rounded once;
     * the closed form (which loses {@code log10(3/c^2)} digits for small c, erratum E17) is used only for
     * {@code c >= 6}, where the subtracted term is below {@code 1.2e-7}. {@code gamma(2) = 0.7737413035499232...}.
     *
     * <p>Domain: {@code c > 0} (infinite c gives 1). Accuracy: within 1 ulp (tested within 4 ulps of 50-digit
     * values for c in {@code [1e-8, 40]}). Limits: {@code c^2/3 (1 - 2c^2/15)} as {@code c -> 0}, 1 as
     * {@code c -> inf}. Source: INIT-F4.
     *
     * @param c the half-width in standard deviations, {@code > 0}
     * @return {@code gamma(c)} in (0, 1]
     * @throws IllegalArgumentException if c is NaN or {@code c <= 0} ({@code "c must be > 0"})
     */
    @Formula(value = "INIT-F4", title = "Variance factor gamma(c) of the normal truncated to [-c, c]",
            args = {@Formula.Arg(name = "c", shape = "scalar", domain = "> 0")},
            output = "scalar in (0, 1]", accuracy = "1 ulp")
    public static double gamma(double c) {
        checkHalfWidth(c);
        if (c >= GAMMA_SWITCH) {
            if (c == Double.POSITIVE_INFINITY) {
                return 1;
            }
            double tail = 2 * c * ErrorFunctions.normalPdf(c) / (1 - 2 * ErrorFunctions.normalUpperTail(c));
            return 1 - tail;
        }
        DoubleDouble t = ErrorFunctions.kummerSeries(c, 1, 1);
        return t.divide(t.add(c)).value();
    }

    /**
     * The fourth moment of {@code N(0,1)} truncated to {@code [-c, c]},
     * {@code m4(c) = 3 gamma(c) - 2 c^3 phi(c)/erf(c/sqrt2) = 3 U(c)/S(c)}, {@code U = sum_{n>=2} c^{2n+1}/(2n+1)!!}
     * (positive series for {@code c < 6}, closed form beyond). Accuracy: 2 ulps.
     *
     * @param c the half-width, {@code > 0}
     * @return {@code m4(c)}
     */
    public static double fourthMoment(double c) {
        checkHalfWidth(c);
        if (c >= GAMMA_SWITCH) {
            if (c == Double.POSITIVE_INFINITY) {
                return 3;
            }
            double tail = 2 * c * c * c * ErrorFunctions.normalPdf(c) / (1 - 2 * ErrorFunctions.normalUpperTail(c));
            return 3 * gamma(c) - tail;
        }
        DoubleDouble s = ErrorFunctions.kummerSeries(c, 0, 1);
        DoubleDouble u = ErrorFunctions.kummerSeries(c, 2, 1);
        return u.multiply(3).divide(s).value();
    }

    /**
     * The pre-truncation standard-deviation factor
     * $$\sigma_{\rm pre}=\frac{\sigma}{\sqrt{\gamma(c)}},\qquad \frac1{\sqrt{\gamma(2)}}=1.1368472343385564720\ldots:$$ pass
     * {@code sigma_pre = sigma / sqrt(gamma(c))} to a sampler that truncates at {@code +-c sigma_pre} to obtain
     * variance {@code sigma^2}. TF's c = 2: {@code 1.1368472343385564720...}; equivalently divide by
     * {@code sqrt(gamma(2)) = 0.87962566103423975...} (the {@code .87962566103423978} of JAX/Keras, the same double).
     * Accuracy: 2 ulps. Source: INIT-F5.
     *
     * @param c the half-width in pre-truncation standard deviations, {@code > 0}
     * @return {@code 1/sqrt(gamma(c))}
     */
    @Formula(value = "INIT-F5", title = "Standard-deviation correction 1/sqrt(gamma(c))",
            args = {@Formula.Arg(name = "c", shape = "scalar", domain = "> 0")},
            output = "scalar >= 1", accuracy = "2 ulps")
    public static double stdCorrection(double c) {
        checkHalfWidth(c);
        if (c >= GAMMA_SWITCH) {
            return 1 / Math.sqrt(gamma(c));
        }
        // (c + T)/T in double-double, then the square root rounded once.
        DoubleDouble t = ErrorFunctions.kummerSeries(c, 1, 1);
        return t.add(c).divide(t).sqrt().value();
    }

    /** {@code sqrt(gamma(c))}, the constant frameworks divide by (0.87962566103423978 for c = 2). */
    public static double sqrtGamma(double c) {
        checkHalfWidth(c);
        if (c >= GAMMA_SWITCH) {
            return Math.sqrt(gamma(c));
        }
        DoubleDouble t = ErrorFunctions.kummerSeries(c, 1, 1);
        return t.divide(t.add(c)).sqrt().value();
    }

    /**
     * Acceptance probability of the sigma-relative rejection sampler of INIT-F6 (redraw until {@code |z| <= c}),
     * $$P(\lvert z\rvert\le c)=\operatorname{erf}(c/\sqrt2)=2\Phi(c)-1:$$
     * {@code P(|z| <= c) = erf(c/sqrt2) = 1 - 2 Q(c)}; {@code erf(sqrt 2) = 0.95449973610364158560} for c = 2.
     * Accuracy: 2 ulps. Source: INIT-F6.
     *
     * @param c the half-width in standard deviations, {@code > 0}
     * @return the acceptance probability
     */
    @Formula(value = "INIT-F6", title = "Acceptance probability of the +-c sigma rejection sampler",
            args = {@Formula.Arg(name = "c", shape = "scalar", domain = "> 0")},
            output = "scalar in (0, 1]", accuracy = "2 ulps")
    public static double rejectionAcceptance(double c) {
        checkHalfWidth(c);
        if (c < 2) {
            // Phi(c) - 1/2 = phi(c) S(c): 2 phi S directly, no 1 - 2Q cancellation for small c.
            DoubleDouble s = ErrorFunctions.kummerSeries(c, 0, 1);
            DoubleDouble dens = DoubleDouble.exp(DoubleDouble.product(c, c).multiply(-0.5))
                    .divide(DoubleDouble.PI.multiply(2).sqrt());
            return dens.multiply(s).multiply(2).value();
        }
        return 1 - 2 * ErrorFunctions.normalUpperTail(c);
    }

    static void checkLaw(double mu, double sigma) {
        if (!Double.isFinite(mu)) {
            throw Checks.fail("mu", "must be finite, got " + mu);
        }
        if (!(Double.isFinite(sigma) && sigma > 0)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
    }

    static void checkWindow(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || !(a < b) || a == Double.POSITIVE_INFINITY
                || b == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("truncation window requires a < b, got a=" + a + ", b=" + b);
        }
    }

    static void checkHalfWidth(double c) {
        if (!(c > 0)) {
            throw new IllegalArgumentException("c must be > 0, got " + c);
        }
    }
}
