package io.formulary.core.numeric;

/**
 * An unevaluated sum {@code hi + lo} of two doubles with {@code |lo| <= ulp(hi)/2}: about 106 bits of precision,
 * for the few places where a result must be correctly rounded to double (series with positive terms whose
 * recurrence would otherwise accumulate an ulp per term, constants solved from their defining equations).
 *
 * <p>Every operation is built from the error-free transformations {@code TwoSum} (Knuth) and {@code TwoProd}
 * ({@code Math.fma}), so results are reproducible bit for bit. Relative error of each operation is a small
 * multiple of {@code 2^-104}; no operation handles overflow or special values (callers stay in range).
 *
 * @param hi the leading double (the value rounded to double)
 * @param lo the trailing correction
 */
public record DoubleDouble(double hi, double lo) {

    /** Zero. */
    public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    /** One. */
    public static final DoubleDouble ONE = new DoubleDouble(1, 0);
    /** pi to about 106 bits: {@code Math.PI} plus its rounding error. */
    public static final DoubleDouble PI = new DoubleDouble(Math.PI, 1.2246467991473532e-16);

    /** The exact double {@code x}. */
    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    /** The double nearest to this value. */
    public double value() {
        return hi + lo;
    }

    private static DoubleDouble quickNormalize(double s, double e) {
        double hi = s + e;
        return new DoubleDouble(hi, e - (hi - s));
    }

    /** The exact product {@code a*b} of two doubles. */
    public static DoubleDouble product(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    /** The exact sum {@code a+b} of two doubles. */
    public static DoubleDouble sum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, AccurateSums.twoSumError(a, b, s));
    }

    /** {@code this + y}. */
    public DoubleDouble add(DoubleDouble y) {
        double s = hi + y.hi;
        double e = AccurateSums.twoSumError(hi, y.hi, s);
        double t = lo + y.lo;
        double f = AccurateSums.twoSumError(lo, y.lo, t);
        e += t;
        DoubleDouble r = quickNormalize(s, e);
        return quickNormalize(r.hi, r.lo + f);
    }

    /** {@code this + y} for a double {@code y}. */
    public DoubleDouble add(double y) {
        double s = hi + y;
        double e = AccurateSums.twoSumError(hi, y, s) + lo;
        return quickNormalize(s, e);
    }

    /** {@code -this}. */
    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** {@code this - y}. */
    public DoubleDouble subtract(DoubleDouble y) {
        return add(y.negate());
    }

    /** {@code this * y}. */
    public DoubleDouble multiply(DoubleDouble y) {
        double p = hi * y.hi;
        double e = Math.fma(hi, y.hi, -p);
        e += hi * y.lo + lo * y.hi;
        return quickNormalize(p, e);
    }

    /** {@code this * y} for a double {@code y}. */
    public DoubleDouble multiply(double y) {
        double p = hi * y;
        double e = Math.fma(hi, y, -p) + lo * y;
        return quickNormalize(p, e);
    }

    /** {@code this / y}: one double quotient refined by one Newton correction on the exact residual. */
    public DoubleDouble divide(DoubleDouble y) {
        double q1 = hi / y.hi;
        DoubleDouble r = subtract(y.multiply(q1));
        double q2 = r.hi / y.hi;
        r = r.subtract(y.multiply(q2));
        double q3 = r.hi / y.hi;
        DoubleDouble q = quickNormalize(q1, q2);
        return q.add(q3);
    }

    /** {@code this / y} for a double {@code y}. */
    public DoubleDouble divide(double y) {
        return divide(of(y));
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

    /** ln 2 to about 106 bits. */
    private static final DoubleDouble LN2 = new DoubleDouble(0.6931471805599453, 2.3190468138462996e-17);

    /** {@code e^x} for a double {@code x} with {@code |x| <= 700}, to about 100 bits. */
    public static DoubleDouble exp(double x) {
        return exp(of(x));
    }

    /**
     * {@code e^x} for {@code |x| <= 700}: {@code x = k ln2 + r} with {@code |r| <= ln2/2}, then {@code r} halved
     * eight times, the Taylor series summed, and the result squared back eight times and scaled by {@code 2^k}.
     */
    public static DoubleDouble exp(DoubleDouble x) {
        if (!(Math.abs(x.hi) <= 700)) {
            throw Checks.fail("x", "must be in [-700, 700] for the double-double exponential, got " + x.hi);
        }
        double k = Math.rint(x.hi / LN2.hi);
        DoubleDouble r = x.subtract(LN2.multiply(k));
        int halvings = 8;
        DoubleDouble y = new DoubleDouble(Math.scalb(r.hi, -halvings), Math.scalb(r.lo, -halvings));
        // expm1 of the reduced argument: summing the series without the leading 1 keeps its bits.
        DoubleDouble term = y;
        DoubleDouble s = y;
        for (int n = 2; n < 30; n++) {
            term = term.multiply(y).multiply(reciprocal(n));
            s = s.add(term);
            if (Math.abs(term.hi) < 1e-36) {
                break;
            }
        }
        // (1 + s)^2 - 1 = s (2 + s): squaring in expm1 form loses nothing to the leading 1.
        for (int i = 0; i < halvings; i++) {
            s = s.multiply(s.add(2));
        }
        DoubleDouble e = s.add(1);
        int ki = (int) k;
        return new DoubleDouble(Math.scalb(e.hi, ki), Math.scalb(e.lo, ki));
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
