package io.formulary.core.numeric;

/**
 * The sine integral {@code Si}, the cosine integral {@code Ci} and the entire cosine integral {@code Cin}, to
 * near full double precision, written from the mathematics (no third-party code).
 *
 * <p>{@code Si(x) = int_0^x sin t / t dt}, {@code Cin(x) = int_0^x (1 - cos t)/t dt} and
 * {@code Ci(x) = gamma + ln x - Cin(x) = -int_x^inf cos t / t dt} for {@code x > 0}.
 * <ul>
 *   <li>{@code |x| < 2^-26}: {@code Si = x}, {@code Cin = x^2/4} (the next terms are below an ulp).</li>
 *   <li>{@code |x| <= 4}: the power series, terms by recurrence, stopped below {@code 2^-60} of the sum
 *       (the largest term at {@code x = 4} is 4 against sums near 2, so cancellation costs under a digit).</li>
 *   <li>{@code |x| > 4}: the auxiliary functions {@code f, g} from the continued fraction of
 *       {@code e^z E_1(z)} at {@code z = ix} (modified Lentz in complex arithmetic), then
 *       {@code Ci = f sin x - g cos x}, {@code Si = pi/2 - f cos x - g sin x}.</li>
 * </ul>
 * Contract (SIN-F13): {@code Si} and {@code Cin} within {@code 4 eps} relative; {@code Ci} within
 * {@code 16 eps (|Ci| + min(1, 1/x))} absolute ({@code eps = 2^-52}); relative accuracy of {@code Ci} is
 * impossible near its zeros.
 */
public final class SineCosineIntegrals {

    /** The Euler-Mascheroni constant rounded to double. */
    public static final double EULER_GAMMA = 0.5772156649015329;
    /** {@code Si(+infinity) = pi/2} (the limit is a constant, not an Inf input). */
    public static final double SI_AT_INFINITY = Math.PI / 2;
    /** Below this |x| the series are replaced by their first term. */
    private static final double TINY = 0x1p-26;
    /** Switch from the power series to the continued fraction. */
    public static final double SWITCH = 4.0;
    private static final int MAX_ITERATIONS = 200;
    /** Beyond this the auxiliary functions come from their asymptotic series (the fraction needs 2 terms anyway). */
    private static final double ASYMPTOTIC = 1e9;

    private SineCosineIntegrals() {
    }

    /** Si, Ci and Cin at one point. */
    public record Values(double si, double ci, double cin) {
    }

    /**
     * {@code Si(x)}, {@code Ci(x)} and {@code Cin(x)} together.
     *
     * <p>$$\mathrm{Si}(x)=\int_0^x\frac{\sin t}t\,dt,\quad\mathrm{Cin}(x)=\int_0^x\frac{1-\cos t}t\,dt,\quad
     * \mathrm{Ci}(x)=\gamma+\ln x-\mathrm{Cin}(x).$$
     * Domain {@code x > 0} finite (Ci is undefined at 0). Accuracy as in the class comment. Source: SIN-F13.
     *
     * @param x finite, {@code > 0}
     * @return the three values
     * @throws IllegalArgumentException if {@code x} is not finite or {@code x <= 0}
     */
    @Formula(value = "SIN-F13", title = "Sine, cosine and entire cosine integrals",
            args = {@Formula.Arg(name = "x", shape = "scalar", domain = "finite, > 0")},
            output = "record(si, ci, cin)", accuracy = "Si, Cin: 4 eps relative; Ci: 16 eps (|Ci| + min(1, 1/x)) absolute")
    public static Values values(double x) {
        return new Values(si(x), ci(x), cin(x));
    }

    /**
     * The sine integral, odd and entire.
     *
     * @param x finite
     * @return {@code Si(x)}, relative error at most {@code 4 eps}
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double si(double x) {
        Checks.finite(x, "x");
        double a = Math.abs(x);
        double v;
        if (a < TINY) {
            return x;
        } else if (a <= SWITCH) {
            v = siSeries(a);
        } else {
            double[] fg = auxiliary(a);
            v = SI_AT_INFINITY - fg[0] * StrictMath.cos(a) - fg[1] * StrictMath.sin(a);
        }
        // evaluated at |x| and signed afterwards, so oddness holds exactly
        return x < 0 ? -v : v;
    }

    /**
     * The entire cosine integral, even and entire, {@code >= 0}.
     *
     * @param x finite
     * @return {@code Cin(x)}, relative error at most {@code 4 eps} (underflows below {@code |x| ~ 1.5e-154})
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double cin(double x) {
        Checks.finite(x, "x");
        double a = Math.abs(x);
        if (a < TINY) {
            return 0.25 * a * a;
        } else if (a <= SWITCH) {
            return cinSeries(a);
        }
        // Cin grows like ln x here, so gamma + ln x - Ci does not cancel
        return EULER_GAMMA + StrictMath.log(a) - ciLarge(a);
    }

    /**
     * The cosine integral for {@code x > 0}.
     *
     * @param x finite, {@code > 0}
     * @return {@code Ci(x)}, absolute error at most {@code 16 eps (|Ci(x)| + min(1, 1/x))}
     * @throws IllegalArgumentException if {@code x} is NaN, infinite or {@code <= 0} ("x must be > 0")
     */
    public static double ci(double x) {
        Checks.finite(x, "x");
        if (!(x > 0)) {
            throw new IllegalArgumentException("x must be > 0, got " + x);
        }
        if (x <= SWITCH) {
            return EULER_GAMMA + StrictMath.log(x) - cin(x);
        }
        return ciLarge(x);
    }

    private static double ciLarge(double x) {
        double[] fg = auxiliary(x);
        return fg[0] * StrictMath.sin(x) - fg[1] * StrictMath.cos(x);
    }

    private static double siSeries(double x) {
        double x2 = x * x;
        double a = x;
        double sum = x;
        for (int k = 1; k < 60; k++) {
            a = -a * x2 / ((2.0 * k) * (2.0 * k + 1));
            double term = a / (2 * k + 1);
            sum += term;
            if (term == 0 || Math.abs(term) <= 0x1p-60 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    private static double cinSeries(double x) {
        double x2 = x * x;
        double c = x2 / 2;
        double sum = c / 2;
        for (int k = 2; k < 60; k++) {
            c = -c * x2 / ((2.0 * k - 1) * (2.0 * k));
            double term = c / (2 * k);
            sum += term;
            if (term == 0 || Math.abs(term) <= 0x1p-60 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    /**
     * {@code {f(x), g(x)}} with {@code e^{ix} E_1(ix) = g - i f}, from the continued fraction
     * {@code 1/(z+1 - 1/(z+3 - 4/(z+5 - ...)))} by the modified Lentz method, {@code x > 4}.
     */
    static double[] auxiliary(double x) {
        if (x > ASYMPTOTIC) {
            // f = (1 - 2/x^2 + ...)/x, g = (1 - 6/x^2 + ...)/x^2: the corrections are below 2e-18 relative here
            return new double[] {1 / x, 1 / x / x};
        }
        final double tiny = 1e-300;
        // complex numbers as (re, im) pairs; b_1 = 1 + ix
        double br = 1;
        double bi = x;
        double[] d = reciprocal(br, bi);
        double dr = d[0];
        double di = d[1];
        double cr = 1 / tiny;
        double ci = 0;
        double hr = dr;
        double hi = di;
        for (int n = 2; n <= MAX_ITERATIONS; n++) {
            double a = -(double) (n - 1) * (n - 1);
            br += 2;
            // D = 1 / (b + a D)
            double tr = br + a * dr;
            double ti = bi + a * di;
            if (tr == 0 && ti == 0) {
                tr = tiny;
            }
            d = reciprocal(tr, ti);
            dr = d[0];
            di = d[1];
            // C = b + a / C
            double[] invC = reciprocal(cr, ci);
            cr = br + a * invC[0];
            ci = bi + a * invC[1];
            if (cr == 0 && ci == 0) {
                cr = tiny;
            }
            double delr = cr * dr - ci * di;
            double deli = cr * di + ci * dr;
            double nr = hr * delr - hi * deli;
            hi = hr * deli + hi * delr;
            hr = nr;
            if (Math.abs(delr - 1) + Math.abs(deli) <= 0x1p-52) {
                return new double[] {-hi, hr};
            }
        }
        throw new IllegalStateException("x: continued fraction for Si/Ci did not converge in " + MAX_ITERATIONS
                + " iterations at x = " + x);
    }

    // ---------------------------------------------------------------- double-double variants
    /** gamma as a double-double. */
    public static final DoubleDouble EULER_GAMMA_DD = new DoubleDouble(0x1.2788cfc6fb619p-1, -0x1.6cb90701fbfabp-58);
    /** pi/2 as a double-double. */
    public static final DoubleDouble HALF_PI_DD = new DoubleDouble(0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54);

    /**
     * {@code Si(x)} in double-double for {@code x >= 0} (series below 4, double-double continued fraction and
     * double-double sin/cos above); absolute error near {@code 10^-31} times {@code max(1, Si)}. Used where differences
     * of Si values must not lose digits (the decay integral of SIN-F12).
     *
     * @param x finite, {@code >= 0}
     * @return {@code Si(x)}
     */
    public static DoubleDouble siPrecise(DoubleDouble x) {
        checkNonNegative(x);
        if (x.hi() <= SWITCH) {
            return seriesDD(x, true);
        }
        DoubleDouble[] fg = auxiliaryDD(x);
        DoubleDouble[] sc = PreciseAngles.sinCosPrecise(x);
        return HALF_PI_DD.subtract(fg[0].multiply(sc[1])).subtract(fg[1].multiply(sc[0]));
    }

    /**
     * {@code Cin(x)} in double-double for {@code x >= 0} (see {@link #siPrecise}).
     *
     * @param x finite, {@code >= 0}
     * @return {@code Cin(x)}
     */
    public static DoubleDouble cinPrecise(DoubleDouble x) {
        checkNonNegative(x);
        if (x.hi() <= SWITCH) {
            return seriesDD(x, false);
        }
        return EULER_GAMMA_DD.add(DoubleDouble.log(x)).subtract(ciLargeDD(x));
    }

    /**
     * {@code Ci(x)} in double-double for {@code x > 4} only, where the continued fraction applies; absolute error
     * about {@code u^2/x}.
     *
     * @param x finite, {@code > 4}
     * @return {@code Ci(x)}
     */
    public static DoubleDouble ciPreciseLarge(DoubleDouble x) {
        checkNonNegative(x);
        if (!(x.hi() > SWITCH)) {
            throw Checks.fail("x", "must be > 4 for the continued-fraction branch, got " + x.hi());
        }
        return ciLargeDD(x);
    }

    private static DoubleDouble ciLargeDD(DoubleDouble x) {
        DoubleDouble[] fg = auxiliaryDD(x);
        DoubleDouble[] sc = PreciseAngles.sinCosPrecise(x);
        return fg[0].multiply(sc[0]).subtract(fg[1].multiply(sc[1]));
    }

    private static void checkNonNegative(DoubleDouble x) {
        Checks.notNull(x, "x");
        Checks.finite(x.hi(), "x");
        if (!(x.hi() >= 0)) {
            throw Checks.fail("x", "must be >= 0, got " + x.hi());
        }
    }

    /** Si (odd=true) or Cin series in double-double, stopped below 2^-110 of the sum. */
    private static DoubleDouble seriesDD(DoubleDouble x, boolean si) {
        if (x.hi() == 0) {
            return DoubleDouble.ZERO;
        }
        DoubleDouble x2 = x.multiply(x);
        DoubleDouble a;
        DoubleDouble sum;
        int k0;
        if (si) {
            a = x;
            sum = x;
            k0 = 1;
        } else {
            a = x2.scalb(-1);
            sum = a.scalb(-1);
            k0 = 2;
        }
        for (int k = k0; k < 80; k++) {
            double den = si ? (2.0 * k) * (2.0 * k + 1) : (2.0 * k - 1) * (2.0 * k);
            a = a.multiply(x2).divide(den).negate();
            DoubleDouble term = a.divide(si ? 2 * k + 1 : 2 * k);
            sum = sum.add(term);
            if (term.hi() == 0 || Math.abs(term.hi()) <= 0x1p-112 * Math.abs(sum.hi())) {
                break;
            }
        }
        return sum;
    }

    /** {f, g} in double-double: the continued fraction of e^z E_1(z) at z = ix by modified Lentz. */
    private static DoubleDouble[] auxiliaryDD(DoubleDouble x) {
        if (x.hi() > ASYMPTOTIC) {
            // asymptotic series f = (1 - 2/x^2 + 24/x^4)/x, g = (1 - 6/x^2 + 120/x^4)/x^2; the next terms are
            // below 720/x^6 < 1e-51 relative for x > 1e9
            DoubleDouble inv = DoubleDouble.ONE.divide(x);
            DoubleDouble inv2 = inv.multiply(inv);
            DoubleDouble f = inv.multiply(DoubleDouble.ONE.subtract(inv2.multiply(2.0))
                    .add(inv2.multiply(inv2).multiply(24.0)));
            DoubleDouble g = inv2.multiply(DoubleDouble.ONE.subtract(inv2.multiply(6.0))
                    .add(inv2.multiply(inv2).multiply(120.0)));
            return new DoubleDouble[] {f, g};
        }
        final double tiny = 1e-300;
        DoubleDouble br = DoubleDouble.ONE;
        DoubleDouble bi = x;
        DoubleDouble[] d = reciprocalDD(br, bi);
        DoubleDouble cr = DoubleDouble.of(1 / tiny);
        DoubleDouble ci = DoubleDouble.ZERO;
        DoubleDouble hr = d[0];
        DoubleDouble hi = d[1];
        for (int n = 2; n <= 4 * MAX_ITERATIONS; n++) {
            double a = -(double) (n - 1) * (n - 1);
            br = br.add(2.0);
            DoubleDouble tr = br.add(d[0].multiply(a));
            DoubleDouble ti = bi.add(d[1].multiply(a));
            d = reciprocalDD(tr, ti);
            DoubleDouble[] invC = reciprocalDD(cr, ci);
            cr = br.add(invC[0].multiply(a));
            ci = bi.add(invC[1].multiply(a));
            DoubleDouble delr = cr.multiply(d[0]).subtract(ci.multiply(d[1]));
            DoubleDouble deli = cr.multiply(d[1]).add(ci.multiply(d[0]));
            DoubleDouble nr = hr.multiply(delr).subtract(hi.multiply(deli));
            hi = hr.multiply(deli).add(hi.multiply(delr));
            hr = nr;
            if (Math.abs(delr.add(-1.0).doubleValue()) + Math.abs(deli.doubleValue()) <= 0x1p-104) {
                return new DoubleDouble[] {hi.negate(), hr};
            }
        }
        throw new IllegalStateException("x: double-double continued fraction for Si/Ci did not converge at x = "
                + x.hi());
    }

    private static DoubleDouble[] reciprocalDD(DoubleDouble re, DoubleDouble im) {
        if (Math.abs(re.hi()) >= Math.abs(im.hi())) {
            DoubleDouble r = im.divide(re);
            DoubleDouble den = re.add(im.multiply(r));
            return new DoubleDouble[] {DoubleDouble.ONE.divide(den), r.divide(den).negate()};
        }
        DoubleDouble r = re.divide(im);
        DoubleDouble den = re.multiply(r).add(im);
        return new DoubleDouble[] {r.divide(den), DoubleDouble.ONE.divide(den).negate()};
    }

    private static double[] reciprocal(double re, double im) {
        // Smith's division avoids overflow of re^2 + im^2
        if (Math.abs(re) >= Math.abs(im)) {
            double r = im / re;
            double den = re + im * r;
            return new double[] {1 / den, -r / den};
        }
        double r = re / im;
        double den = re * r + im;
        return new double[] {r / den, -1 / den};
    }
}
