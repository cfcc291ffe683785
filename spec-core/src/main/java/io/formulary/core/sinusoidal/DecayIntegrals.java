package io.formulary.core.sinusoidal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DoubleDouble;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.GaussLegendre;
import io.formulary.core.numeric.SineCosineIntegrals;

import java.util.function.DoubleUnaryOperator;

/**
 * The long-range decay of the sinusoidal inner product: the article's integral approximation, its closed form
 * through {@code Ci}/{@code Si}/{@code Cin} for the exponential schedule, the power schedules it compares,
 * composite Gauss-Legendre quadrature for any monotone schedule, asymptotic regimes, and the bound on how far
 * the finite sum may stray from the integral (chapter SIN, formulas F11, F12, F14-F17).
 */
public final class DecayIntegrals {

    /** Largest |x| accepted by the quadrature (cost grows like |x|). */
    public static final double MAX_QUADRATURE_X = 1e7;
    /**
     * Below this ln b even the double-double closed form loses digits to the division; quadrature is used instead.
     * (The chapter switches at 1/64 for a double evaluation; in double-double the difference of the Cin values keeps
     * about 30 digits, so the closed form stays accurate down to ln b ~ 1e-12.)
     */
    private static final double MIN_LN_BASE = 0x1p-40;

    private DecayIntegrals() {
    }

    /** A complex value {@code re + i im} of an oscillatory integral. */
    public record Integral(double re, double im) {
    }

    /** Which schedule {@code theta(t)} on {@code [0, 1]}. */
    public enum Schedule {
        /** {@code base^(-t)}, parameter = base. */
        EXPONENTIAL,
        /** {@code t^alpha}, parameter = alpha. */
        POWER
    }

    // ------------------------------------------------------------------------------------------- F11

    /**
     * The article's approximation of the inner product by the integral (its "~").
     *
     * <p>$$\langle p_m,p_n\rangle\approx\frac d2\operatorname{Re}J_\theta(m-n),\qquad
     * J_\theta(x)=\int_0^1e^{\mathrm i x\theta(t)}dt,\ \theta(t)=b^{-t}.$$
     * A trend, not an asymptotic equality: the error is bounded by F17 and the sum does not decay for
     * {@code |m - n| >> d/(2 ln b)} (erratum 3). Source: SIN-F11.
     *
     * @param m position, finite
     * @param n position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return {@code (d/2) C_b(m - n)}
     */
    @Formula(value = "SIN-F11", title = "Integral approximation <p_m,p_n> ~ (d/2) Re J(m-n)",
            args = {@Formula.Arg(name = "m", shape = "scalar"), @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "scalar", accuracy = "as F12 times d/2 (the approximation itself: F17)")
    public static double innerProductApproximation(double m, double n, int d, double base) {
        Checks.finite(m, "m");
        Checks.finite(n, "n");
        SinusoidalEncoding.checkDimension(d);
        return 0.5 * d * cosineDecay(m - n, base);
    }

    // ------------------------------------------------------------------------------------------- F12

    /**
     * The exponential-schedule integral in closed form.
     *
     * <p>$$C_b(x)=\int_0^1\cos(x\,b^{-t})\,dt=1-\frac{\mathrm{Cin}(|x|)-\mathrm{Cin}(|x|/b)}{\ln b}
     * =\frac{\mathrm{Ci}(|x|)-\mathrm{Ci}(|x|/b)}{\ln b},\qquad
     * S_b(x)=\frac{\mathrm{Si}(x)-\mathrm{Si}(x/b)}{\ln b}.$$
     * {@code C_b(0) = 1}, {@code S_b(0) = 0}; even and odd. Evaluated in double-double (Cin form while
     * {@code |x|/b <= 4}, which never cancels {@code gamma + ln} terms and is exact as {@code x -> 0}; the Ci form
     * beyond, where both Ci values are small), with {@code x/b} and {@code ln b} as double-double, and rounded
     * once. The chapter switches to F15 quadrature for {@code ln b < 1/64} because a double evaluation divides
     * two rounded small numbers there; the double-double difference keeps about 30 digits, so this implementation
     * keeps the closed form down to {@code ln b = 2^-40} and only then uses quadrature (accuracy {@code 1e-13}).
     * Accuracy: within {@code 4e-16} absolute for all {@code x}, and within 4 ulps where
     * {@code |C_b|, |S_b| >= 1e-3} (tested against a 60-digit BigDecimal evaluation). Source: SIN-F12.
     *
     * @param x finite
     * @param base finite, {@code > 1}
     * @return {@code (C_b(x), S_b(x))}
     * @throws IllegalArgumentException if {@code x} is not finite or {@code base} is not finite and {@code > 1}
     */
    @Formula(value = "SIN-F12", title = "Closed form of the exponential-schedule integral via Ci, Si, Cin",
            args = {@Formula.Arg(name = "x", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "record(re = C_b, im = S_b)", accuracy = "4e-16 absolute; 4 ulps where |value| >= 1e-3")
    public static Integral exponentialSchedule(double x, double base) {
        return new Integral(cosineDecay(x, base), sineDecay(x, base));
    }

    /**
     * {@code C_b(x)} (see {@link #exponentialSchedule}).
     *
     * @param x finite
     * @param base finite, {@code > 1}
     * @return {@code C_b(x)}
     */
    public static double cosineDecay(double x, double base) {
        Checks.finite(x, "x");
        SinusoidalEncoding.checkBase(base);
        double a = Math.abs(x);
        if (a == 0) {
            return 1.0;
        }
        DoubleDouble lnb = DoubleDouble.log(DoubleDouble.of(base));
        if (lnb.hi() < MIN_LN_BASE) {
            return quadrature(a, Schedule.EXPONENTIAL, base).re();
        }
        DoubleDouble ax = DoubleDouble.of(a);
        DoubleDouble y = DoubleDouble.quotient(a, base);
        if (y.hi() > SineCosineIntegrals.SWITCH) {
            // both Ci values are O(1/y): no cancellation against 1
            return SineCosineIntegrals.ciPreciseLarge(ax).subtract(SineCosineIntegrals.ciPreciseLarge(y))
                    .divide(lnb).doubleValue();
        }
        DoubleDouble diff = SineCosineIntegrals.cinPrecise(ax).subtract(SineCosineIntegrals.cinPrecise(y));
        return DoubleDouble.ONE.subtract(diff.divide(lnb)).doubleValue();
    }

    /**
     * {@code S_b(x)} (see {@link #exponentialSchedule}).
     *
     * @param x finite
     * @param base finite, {@code > 1}
     * @return {@code S_b(x)}
     */
    public static double sineDecay(double x, double base) {
        Checks.finite(x, "x");
        SinusoidalEncoding.checkBase(base);
        double a = Math.abs(x);
        if (a == 0) {
            return 0.0;
        }
        DoubleDouble lnb = DoubleDouble.log(DoubleDouble.of(base));
        double v;
        if (lnb.hi() < MIN_LN_BASE) {
            v = quadrature(a, Schedule.EXPONENTIAL, base).im();
        } else {
            DoubleDouble y = DoubleDouble.quotient(a, base);
            v = SineCosineIntegrals.siPrecise(DoubleDouble.of(a)).subtract(SineCosineIntegrals.siPrecise(y))
                    .divide(lnb).doubleValue();
        }
        // computed at |x| and signed afterwards: oddness is exact
        return x < 0 ? -v : v;
    }

    // ------------------------------------------------------------------------------------------- F14

    /**
     * The power schedules the article compares, {@code theta(t) = t^alpha}.
     *
     * <p>{@code alpha = 1}: {@code (sin x / x, (1 - cos x)/x)}; {@code alpha = 1/2}:
     * {@code (2(x sin x + cos x - 1)/x^2, 2(sin x - x cos x)/x^2)}; otherwise
     * {@code sum_n (ix)^n / (n! (alpha n + 1))} for {@code |x| <= 2} and F15 quadrature beyond. Small-x branches
     * avoid the cancellation of the direct forms ({@code |x| < 2^-13} for alpha = 1, {@code |x| < 2^-6} for
     * alpha = 1/2: the series). Source: SIN-F14.
     *
     * @param x finite, {@code |x| <= 1e7}
     * @param alpha finite, {@code > 0}
     * @return {@code J(x)}
     * @throws IllegalArgumentException on non-finite input, {@code alpha <= 0}, or {@code |x| > 1e7} on the
     *         quadrature branch
     */
    @Formula(value = "SIN-F14", title = "Power schedules t^alpha: closed forms and series",
            args = {@Formula.Arg(name = "x", shape = "scalar"),
                    @Formula.Arg(name = "alpha", shape = "scalar", domain = "finite, > 0")},
            output = "record(re, im)", accuracy = "1e-13 absolute (quadrature branch), a few u otherwise")
    public static Integral powerSchedule(double x, double alpha) {
        Checks.finite(x, "x");
        Checks.positive(alpha, "alpha");
        double ax = Math.abs(x);
        double sign = x < 0 ? -1 : 1;
        if (alpha == 1.0) {
            double re;
            double im;
            if (ax < 0x1p-13) {
                re = 1 - ax * ax / 6;
                im = ax / 2;
            } else {
                re = StrictMath.sin(ax) / ax;
                double h = StrictMath.sin(ax / 2);
                // 1 - cos x as 2 sin^2(x/2): no cancellation near 0
                im = 2 * h * h / ax;
            }
            return new Integral(re, sign * im);
        }
        if (ax <= 2 || (alpha == 0.5 && ax < 0x1p-6)) {
            return powerSeries(x, alpha);
        }
        if (alpha == 0.5) {
            double s = StrictMath.sin(ax);
            double c = StrictMath.cos(ax);
            double x2 = ax * ax;
            return new Integral(2 * (ax * s + c - 1) / x2, sign * 2 * (s - ax * c) / x2);
        }
        return quadrature(x, Schedule.POWER, alpha);
    }

    private static Integral powerSeries(double x, double alpha) {
        // sum_n (ix)^n/(n!(alpha n + 1)): real part from even n, imaginary from odd n
        double re = 0;
        double im = 0;
        double term = 1;
        for (int n = 0; n < 60; n++) {
            if (n > 0) {
                term *= x / n;
            }
            double t = term / (alpha * n + 1);
            switch (n % 4) {
                case 0 -> re += t;
                case 1 -> im += t;
                case 2 -> re -= t;
                default -> im -= t;
            }
            if (n > 2 && Math.abs(term) < 1e-18) {
                break;
            }
        }
        return new Integral(re, im);
    }

    // ------------------------------------------------------------------------------------------- F15

    /**
     * The schedule integral by composite 20-point Gauss-Legendre quadrature.
     *
     * <p>$$J_\theta(x)\approx\sum_{\text{panels }[a,c]}\frac{c-a}2\sum_{r=1}^{20}w_r\,
     * e^{\mathrm ix\theta(\frac{c-a}2\xi_r+\frac{c+a}2)}.$$
     * Panels: {@code {0, 1}} (plus {@code 2^-k}, {@code k = 1..40}, for non-integer {@code alpha}), each split
     * so the phase moves at most {@code pi/2} per part. Contract {@code 1e-13} absolute. Source: SIN-F15.
     *
     * @param x finite, {@code |x| <= 1e7}
     * @param schedule exponential ({@code parameter} = base {@code > 1}) or power ({@code parameter} = alpha
     *                 {@code > 0})
     * @param parameter the base or the exponent
     * @return {@code J(x)}
     * @throws IllegalArgumentException on {@code |x| > 1e7} ("x too large for quadrature; use the closed form"),
     *         non-finite input, a bad base or {@code alpha <= 0}
     */
    @Formula(value = "SIN-F15", title = "Generic schedule integral by composite Gauss-Legendre quadrature",
            args = {@Formula.Arg(name = "x", shape = "scalar", domain = "finite, |x| <= 1e7"),
                    @Formula.Arg(name = "schedule", shape = "enum(EXPONENTIAL|POWER)"),
                    @Formula.Arg(name = "parameter", shape = "scalar", domain = "base > 1 or alpha > 0")},
            output = "record(re, im)", accuracy = "1e-13 absolute")
    public static Integral quadrature(double x, Schedule schedule, double parameter) {
        Checks.notNull(schedule, "schedule");
        if (schedule == Schedule.EXPONENTIAL) {
            SinusoidalEncoding.checkBase(parameter);
            double lnb = StrictMath.log(parameter);
            return quadrature(x, t -> StrictMath.exp(-t * lnb), false);
        }
        Checks.finite(parameter, "alpha");
        if (!(parameter > 0)) {
            throw Checks.fail("alpha", "must be > 0, got " + parameter);
        }
        boolean singular = parameter != Math.rint(parameter);
        return quadrature(x, t -> StrictMath.pow(t, parameter), singular);
    }

    /**
     * Quadrature for a caller-supplied monotone schedule on {@code [0, 1]}.
     *
     * @param x finite, {@code |x| <= 1e7}
     * @param theta the schedule, monotone on {@code [0, 1]} (checked on a 65-point probe grid)
     * @param singularAtZero add the graded panel edges {@code 2^-k} near 0
     * @return {@code J(x)}
     * @throws IllegalArgumentException if {@code x} is too large or the schedule is not monotone on the probe grid
     */
    public static Integral quadrature(double x, DoubleUnaryOperator theta, boolean singularAtZero) {
        Checks.finite(x, "x");
        Checks.notNull(theta, "theta");
        if (!(Math.abs(x) <= MAX_QUADRATURE_X)) {
            throw Checks.fail("x", "x too large for quadrature; use the closed form (|x| <= 1e7), got " + x);
        }
        checkMonotone(theta);
        double[] edges;
        if (singularAtZero) {
            edges = new double[42];
            edges[0] = 0;
            for (int k = 40; k >= 1; k--) {
                edges[41 - k] = StrictMath.scalb(1.0, -k);
            }
            edges[41] = 1;
        } else {
            edges = new double[] {0, 1};
        }
        GaussLegendre rule = GaussLegendre.TWENTY;
        java.util.List<Double> re = new java.util.ArrayList<>();
        java.util.List<Double> im = new java.util.ArrayList<>();
        for (int e = 0; e + 1 < edges.length; e++) {
            double a = edges[e];
            double c = edges[e + 1];
            double swing = Math.abs(x) * Math.abs(theta.applyAsDouble(c) - theta.applyAsDouble(a));
            int parts = (int) Math.max(1, Math.ceil(swing / (Math.PI / 2)));
            for (int p = 0; p < parts; p++) {
                double lo = a + (c - a) * p / parts;
                double hi = p + 1 == parts ? c : a + (c - a) * (p + 1) / parts;
                double sr = 0;
                double si = 0;
                for (int r = 0; r < rule.size(); r++) {
                    double w = rule.weight(r, lo, hi);
                    double phase = x * theta.applyAsDouble(rule.node(r, lo, hi));
                    sr += w * StrictMath.cos(phase);
                    si += w * StrictMath.sin(phase);
                }
                re.add(sr);
                im.add(si);
            }
        }
        return new Integral(AccurateSums.sum(toArray(re)), AccurateSums.sum(toArray(im)));
    }

    private static double[] toArray(java.util.List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private static void checkMonotone(DoubleUnaryOperator theta) {
        int n = 64;
        double prev = theta.applyAsDouble(0);
        int dir = 0;
        for (int j = 1; j <= n; j++) {
            double v = theta.applyAsDouble((double) j / n);
            if (!Double.isFinite(v) || !Double.isFinite(prev)) {
                throw Checks.fail("theta", "schedule is not finite on the probe grid at t = " + (double) j / n);
            }
            int s = Double.compare(v, prev);
            if (s != 0) {
                if (dir != 0 && s != dir) {
                    throw Checks.fail("theta", "schedule not monotone on the probe grid near t = " + (double) j / n);
                }
                dir = s;
            }
            prev = v;
        }
    }

    /** A Monte Carlo estimate with its standard error. */
    public record Estimate(double cosMean, double cosStandardError, double sinMean, double sinStandardError) {
    }

    /**
     * Monte Carlo estimate of {@code (C_b(x), S_b(x))}: {@code t ~ U(0, 1)} from a seeded {@link SplittableRandom},
     * sample means of {@code cos(x b^-t)} and {@code sin(x b^-t)} with their standard errors
     * {@code sigma_hat / sqrt(N)} (sample standard deviation with {@code N - 1}). A cross-check of F12 (SIN-P14),
     * not a formula.
     *
     * @param x finite
     * @param base finite, {@code > 1}
     * @param samples {@code N >= 2}
     * @param seed the generator seed
     * @return the two means and standard errors
     * @throws IllegalArgumentException on {@code N < 2}, non-finite {@code x} or a bad base
     */
    public static Estimate monteCarlo(double x, double base, int samples, long seed) {
        Checks.finite(x, "x");
        SinusoidalEncoding.checkBase(base);
        if (samples < 2) {
            throw Checks.fail("N", "must be >= 2, got " + samples);
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double lnb = StrictMath.log(base);
        double[] c = new double[samples];
        double[] s = new double[samples];
        for (int i = 0; i < samples; i++) {
            double phase = x * StrictMath.exp(-rnd.nextDouble() * lnb);
            c[i] = StrictMath.cos(phase);
            s[i] = StrictMath.sin(phase);
        }
        double[] cm = meanAndError(c);
        double[] sm = meanAndError(s);
        return new Estimate(cm[0], cm[1], sm[0], sm[1]);
    }

    private static double[] meanAndError(double[] v) {
        double mean = AccurateSums.sum(v) / v.length;
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double e = v[i] - mean;
            dev[i] = e * e;
        }
        // two-pass variance: no cancellation of E[v^2] - E[v]^2
        double var = AccurateSums.sum(dev) / (v.length - 1);
        return new double[] {mean, Math.sqrt(var / v.length)};
    }

    // ------------------------------------------------------------------------------------------- F16

    /** The F16 approximations of C_b and S_b at one point, with their proven-by-test error bounds. */
    public record Asymptotics(double smallCos, double smallCosBound, double middleCos, double middleCosBound,
                              double middleSin, double middleSinBound, double farCos, double farCosBound) {
    }

    /**
     * The asymptotic regimes of {@code C_b} and {@code S_b}: the small-x expansion, the logarithmic middle regime
     * {@code 10 <= x <= b/10} and the far regime {@code x >= 10 b}. All are returned; the caller picks the regime.
     *
     * <p>$$C_b\approx1-\frac{x^2(1-b^{-2})}{4\ln b},\quad C_b\approx\frac{\ln(b/x)-\gamma+\sin(x)/x}{\ln b},\quad
     * S_b\approx\frac{\pi/2-\cos(x)/x-x/b}{\ln b},\quad C_b\approx\frac{\sin x-b\sin(x/b)}{x\ln b}.$$
     * Bounds: {@code x^4/(96 ln b)}, {@code (2/x^2 + x^2/(2b^2))/ln b}, {@code (2/x^2 + (x/b)^3/6)/ln b},
     * {@code 3(1+b^2)/(x^2 ln b)}. Source: SIN-F16.
     *
     * @param x finite, {@code > 0}
     * @param base finite, {@code > 1}
     * @return the four approximations and their bounds
     */
    @Formula(value = "SIN-F16", title = "Asymptotic regimes of C_b and S_b",
            args = {@Formula.Arg(name = "x", shape = "scalar", domain = "finite, > 0"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "record of approximations and bounds", accuracy = "approximations with stated bounds")
    public static Asymptotics asymptotics(double x, double base) {
        Checks.positive(x, "x");
        SinusoidalEncoding.checkBase(base);
        double lnb = StrictMath.log(base);
        double x2 = x * x;
        double r = x / base;
        double small = 1 - x2 * (1 - 1 / (base * base)) / (4 * lnb);
        double middleC = (StrictMath.log(base / x) - SineCosineIntegrals.EULER_GAMMA + StrictMath.sin(x) / x) / lnb;
        double middleS = (Math.PI / 2 - StrictMath.cos(x) / x - r) / lnb;
        double far = (StrictMath.sin(x) - base * StrictMath.sin(r)) / (x * lnb);
        return new Asymptotics(small, x2 * x2 / (96 * lnb), middleC, (2 / x2 + r * r / 2) / lnb, middleS,
                (2 / x2 + r * r * r / 6) / lnb, far, 3 * (1 + base * base) / (x2 * lnb));
    }

    /**
     * The first positive zero {@code x*_b} of {@code C_b}, by bisection on {@code [0.55 b, 0.7 b]}
     * ({@code x*_b / b -> 0.6165..., the first zero of Ci}).
     *
     * @param base finite, {@code >= 50}
     * @return {@code x*_b}, to a few ulps
     */
    public static double firstZero(double base) {
        Checks.finite(base, "base");
        if (!(base >= 50)) {
            throw Checks.fail("base", "firstZero needs base >= 50, got " + base);
        }
        double lo = 0.55 * base;
        double hi = 0.7 * base;
        if (!(cosineDecay(lo, base) > 0 && cosineDecay(hi, base) < 0)) {
            throw new IllegalStateException("base: no sign change of C_b in [0.55 b, 0.7 b] for base " + base);
        }
        for (int it = 0; it < 200 && Math.nextUp(lo) < hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (cosineDecay(mid, base) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    // ------------------------------------------------------------------------------------------- F17

    /** The F17 bound on the Riemann-sum error and the first-order Euler-Maclaurin correction. */
    public record RiemannBound(double bound, double eulerMaclaurin) {
    }

    /**
     * Riemann sum versus integral: the rigorous bound and the Euler-Maclaurin correction.
     *
     * <p>$$\big|A_{d,b}(k)-C_b(k)\big|\le\frac2d\,V_b(k),\qquad V_b(k)=\int_{|k|/b}^{|k|}|\sin v|\,dv,\qquad
     * A-C_b\approx\frac{\cos k-\cos(k/b)}d.$$
     * {@code V} exactly via {@code int_0^v |sin| = 2 floor(v/pi) + 1 - cos(v - pi floor(v/pi))}. Source: SIN-F17.
     *
     * @param k relative position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return the bound {@code (2/d) V_b(k)} and the correction {@code (cos k - cos(k/b))/d}
     */
    @Formula(value = "SIN-F17", title = "Riemann sum versus integral: bound and Euler-Maclaurin correction",
            args = {@Formula.Arg(name = "k", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "record(bound, eulerMaclaurin)", accuracy = "a few u relative")
    public static RiemannBound riemannBound(double k, int d, double base) {
        Checks.finite(k, "k");
        SinusoidalEncoding.checkDimension(d);
        SinusoidalEncoding.checkBase(base);
        double a = Math.abs(k);
        double v = absSineIntegral(a) - absSineIntegral(a / base);
        return new RiemannBound(2.0 / d * v, (StrictMath.cos(k) - StrictMath.cos(k / base)) / d);
    }

    /** {@code int_0^v |sin t| dt} for {@code v >= 0}. */
    static double absSineIntegral(double v) {
        double q = Math.floor(v / Math.PI);
        double r = v - Math.PI * q;
        // 1 - cos r as 2 sin^2(r/2): exact near r = 0
        double h = StrictMath.sin(r / 2);
        return 2 * q + 2 * h * h;
    }
}
