package io.formulary.core.numeric;

/**
 * An unevaluated sum {@code hi + lo} of two doubles with {@code |lo| <= ulp(hi)/2}: about 106 significant bits.
 *
 * <p>Arithmetic is built on error-free transformations: Knuth's two-sum and the exact product
 * {@code a*b = p + fma(a, b, -p)} ({@code Math.fma} is exactly rounded on every JDK, so every result here is
 * reproducible bit for bit). The algorithms and their bounds are those of Joldes, Muller and Popescu, "Tight and
 * rigorous error bounds for basic building blocks of double-word arithmetic" (ACM TOMS 2017): addition has a
 * relative error below {@code 3u^2}, multiplication below {@code 5u^2}, division below {@code 10u^2}, where
 * {@code u = 2^-53}. {@link #exp} and {@link #log} are written here from the mathematics (argument reduction,
 * Taylor series, Newton correction) and stay within a few tens of {@code u^2} relative on their documented domains
 * (tested against 50-digit BigDecimal evaluations).
 *
 * <p>Values are assumed finite; nothing here checks for overflow beyond {@link #exp}'s domain check. The record
 * constructor does not renormalise: use the factories, which always return normalised pairs.
 *
 * @param hi the leading double (the value rounded to double)
 * @param lo the trailing correction, at most half an ulp of {@code hi}
 */
public record DoubleDouble(double hi, double lo) {

    /** Zero. */
    public static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    /** One. */
    public static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);
    /** ln 2 to about 160 bits, as three non-overlapping doubles (first two also form {@link #LN2}). */
    private static final double LN2_1 = 0x1.62e42fefa39efp-1;
    private static final double LN2_2 = 0x1.abc9e3b39803fp-56;
    private static final double LN2_3 = 0x1.7b57a079a1934p-111;
    /** ln 2 as a double-double. */
    public static final DoubleDouble LN2 = new DoubleDouble(LN2_1, LN2_2);
    /** 1/ln 2 rounded to double: only used to choose the reduction multiple, so its error does not matter. */
    private static final double INV_LN2 = 1.4426950408889634;
    /** Argument of exp beyond which the result overflows or the trailing word underflows. */
    private static final double EXP_LIMIT = 709.0;
    /** exp halves the reduced argument this many times and squares back (keeps the Taylor series short). */
    private static final int EXP_HALVINGS = 10;
    /** Taylor terms of expm1 needed for |s| <= ln2/2 * 2^-10 to reach below u^2 relative. */
    private static final int EXP_TERMS = 11;

    /** A double as a double-double (exact). */
    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0.0);
    }

    /** The exact sum {@code a + b} (two-sum). */
    public static DoubleDouble sum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, AccurateSums.twoSumError(a, b, s));
    }

    /** The exact product {@code a * b} (fma two-product; exact barring underflow). */
    public static DoubleDouble product(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    /** The quotient {@code a / b} to double-double accuracy. */
    public static DoubleDouble quotient(double a, double b) {
        return of(a).divide(b);
    }

    /** Renormalises {@code a + b} assuming {@code |a| >= |b|} or {@code a == 0} (fast two-sum). */
    private static DoubleDouble fast(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** The value rounded to the nearest double. */
    public double doubleValue() {
        return hi + lo;
    }

    /** {@code -this}, exact. */
    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** {@code this * 2^n}, exact unless it underflows. */
    public DoubleDouble scalb(int n) {
        return new DoubleDouble(Math.scalb(hi, n), Math.scalb(lo, n));
    }

    /** {@code this + b}, relative error below {@code 3u^2} (accurate double-word addition). */
    public DoubleDouble add(DoubleDouble b) {
        double sh = hi + b.hi;
        double sl = AccurateSums.twoSumError(hi, b.hi, sh);
        double th = lo + b.lo;
        double tl = AccurateSums.twoSumError(lo, b.lo, th);
        sl += th;
        DoubleDouble v = fast(sh, sl);
        return fast(v.hi, v.lo + tl);
    }

    /** {@code this + b}, relative error below {@code 2u^2}. */
    public DoubleDouble add(double b) {
        double sh = hi + b;
        double sl = AccurateSums.twoSumError(hi, b, sh);
        return fast(sh, sl + lo);
    }

    /** {@code this - b}. */
    public DoubleDouble subtract(DoubleDouble b) {
        return add(b.negate());
    }

    /** {@code this * b}, relative error below {@code 5u^2}. */
    public DoubleDouble multiply(DoubleDouble b) {
        double ph = hi * b.hi;
        double pl = Math.fma(hi, b.hi, -ph);
        double t = Math.fma(lo, b.hi, hi * b.lo);
        return fast(ph, pl + t);
    }

    /** {@code this * b}, relative error below {@code 2u^2}. */
    public DoubleDouble multiply(double b) {
        double ph = hi * b;
        double pl = Math.fma(hi, b, -ph);
        return fast(ph, Math.fma(lo, b, pl));
    }

    /** {@code this / b}, relative error below {@code 3u^2}. */
    public DoubleDouble divide(double b) {
        double q = hi / b;
        // remainder this - q*b computed exactly in its leading part, then a one-step correction
        DoubleDouble p = product(q, b);
        double dh = hi - p.hi;
        double dt = AccurateSums.twoSumError(hi, -p.hi, dh);
        double d = dh + (dt + (lo - p.lo));
        return fast(q, d / b);
    }

    /** {@code this / b}, relative error below {@code 10u^2} (three-quotient long division). */
    public DoubleDouble divide(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = subtract(b.multiply(q1));
        double q2 = r.hi / b.hi;
        r = r.subtract(b.multiply(q2));
        double q3 = r.hi / b.hi;
        return fast(q1, q2).add(q3);
    }

    /**
     * {@code e^x} in double-double.
     *
     * <p>Reduction {@code x = k ln2 + r} with ln 2 held to three doubles, then {@code s = r/2^10}, {@code expm1(s)}
     * by its Taylor series, and ten doublings {@code expm1(2s) = expm1(s)(expm1(s) + 2)}, which keep the small
     * quantity {@code expm1} (not {@code exp}) so no relative accuracy is lost while squaring.
     *
     * @param x the argument, {@code |x.hi| <= 709}
     * @return {@code e^x}, relative error of a few tens of {@code u^2} while the trailing word is a normal double
     *         ({@code x >= -650}); below that the trailing word loses bits to gradual underflow
     * @throws IllegalArgumentException if {@code x} is not finite or {@code |x.hi| > 709}
     */
    public static DoubleDouble exp(DoubleDouble x) {
        Checks.finite(x.hi, "x");
        if (!(Math.abs(x.hi) <= EXP_LIMIT)) {
            throw Checks.fail("x", "|x| must be <= " + EXP_LIMIT + " for a double-double exp, got " + x.hi);
        }
        if (x.hi == 0.0) {
            return ONE;
        }
        double k = Math.rint(x.hi * INV_LN2);
        // k has at most 11 bits, so each k*LN2_j is exact as a two-product
        DoubleDouble r = x.add(product(-k, LN2_1)).add(product(-k, LN2_2)).add(-k * LN2_3);
        DoubleDouble s = r.scalb(-EXP_HALVINGS);
        // expm1(s) = s (1 + s/2 (1 + s/3 (1 + ...))), Horner from the innermost term
        DoubleDouble t = ONE;
        for (int n = EXP_TERMS; n >= 2; n--) {
            t = t.multiply(s).divide(n).add(1.0);
        }
        DoubleDouble m = t.multiply(s);
        for (int j = 0; j < EXP_HALVINGS; j++) {
            m = m.multiply(m.add(2.0));
        }
        return m.add(1.0).scalb((int) k);
    }

    /**
     * {@code ln x} in double-double: {@code x = 2^e m} with {@code m} in {@code [0.7, 1.42]}, then one Newton step
     * {@code y + ln(m e^-y)} from {@code y = StrictMath.log(m.hi)},
     * with {@code ln(1+δ) = δ - δ²/2} (the cubic term is below {@code 10^-48}).
     *
     * @param x the argument, {@code x > 0}, finite
     * @return {@code ln x}, absolute error of a few {@code u^2} (relative where {@code |ln x|} is not small)
     * @throws IllegalArgumentException if {@code x} is not finite and positive
     */
    public static DoubleDouble log(DoubleDouble x) {
        Checks.finite(x.hi, "x");
        if (!(x.hi > 0)) {
            throw Checks.fail("x", "must be > 0, got " + x.hi);
        }
        if (x.hi == 1.0 && x.lo == 0.0) {
            return ZERO;
        }
        // split off the binary exponent so the Newton step's exp stays in the normal range: ln x = e ln2 + ln m
        int shift = 0;
        DoubleDouble m = x;
        if (m.hi < 0x1p-900) {
            m = m.scalb(200);
            shift = -200;
        }
        int e = Math.getExponent(m.hi);
        m = m.scalb(-e);
        if (m.hi > 1.4142135623730951) {
            m = m.scalb(-1);
            e++;
        }
        e += shift;
        double y = StrictMath.log(m.hi);
        DoubleDouble t = m.multiply(exp(of(-y)));
        DoubleDouble delta = t.add(-1.0);
        double d = delta.doubleValue();
        DoubleDouble lnM = delta.add(-0.5 * d * d).add(y);
        if (e == 0) {
            return lnM;
        }
        // e has at most 11 bits, so e*LN2_1 and e*LN2_2 are exact two-products
        return product(e, LN2_1).add(product(e, LN2_2)).add(e * LN2_3).add(lnM);
    }

    /**
     * {@code base^exponent} in double-double, as {@code exp(exponent * ln base)}.
     *
     * @param base finite, {@code > 0}
     * @param exponent finite, with {@code |exponent * ln base| <= 709}
     * @return the power; relative error of a few tens of {@code u^2} times {@code max(1, |exponent ln base|)}
     * @throws IllegalArgumentException if the base is not positive and finite or the result would overflow
     */
    public static DoubleDouble pow(double base, DoubleDouble exponent) {
        Checks.positive(base, "base");
        Checks.finite(exponent.hi, "exponent");
        if (exponent.hi == 0.0 || base == 1.0) {
            return ONE;
        }
        return exp(log(of(base)).multiply(exponent));
    }

    /** pi to about 106 bits: {@code Math.PI} plus its rounding error. */
    public static final DoubleDouble PI = new DoubleDouble(Math.PI, 1.2246467991473532e-16);

    /** The double nearest to this value (same as {@link #doubleValue()}). */
    public double value() {
        return hi + lo;
    }

    /** The square root (of a positive value), by one Newton step from the double square root. */
    public DoubleDouble sqrt() {
        if (hi <= 0) {
            return ZERO;
        }
        double s = Math.sqrt(hi);
        // s + (x - s^2) / (2 s), with x - s^2 formed exactly enough in double-double.
        DoubleDouble residual = subtract(product(s, s));
        return sum(s, residual.hi / (2 * s));
    }

    /** {@code e^x} for a double {@code x}, as {@link #exp(DoubleDouble)}. */
    public static DoubleDouble exp(double x) {
        return exp(of(x));
    }

    private static final DoubleDouble[] RECIPROCALS = new DoubleDouble[8192];

    static {
        for (int n = 1; n < RECIPROCALS.length; n++) {
            RECIPROCALS[n] = ONE.divide(of(n));
        }
    }

    /** {@code 1/n} in double-double (tabulated for {@code n < 8192}). */
    public static DoubleDouble reciprocal(int n) {
        if (n > 0 && n < RECIPROCALS.length) {
            return RECIPROCALS[n];
        }
        return ONE.divide(of(n));
    }

    /** Compares by value. */
    public int compareTo(DoubleDouble y) {
        int c = Double.compare(hi, y.hi);
        return c != 0 ? c : Double.compare(lo, y.lo);
    }
}
