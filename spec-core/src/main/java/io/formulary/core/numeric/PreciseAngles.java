package io.formulary.core.numeric;

/**
 * Frequencies, phases and their sines and cosines carried beyond double precision, for position encodings at
 * large positions.
 *
 * <p>A float64 recipe rounds the frequency {@code theta = base^e} and then the phase {@code k*theta}; the phase
 * error grows like {@code |k theta| (ln base + 3) u} (about {@code 10^-9} at {@code k = 10^6}) before the sine
 * is even taken. This class removes both roundings:
 * <ol>
 *   <li>{@link #frequency} returns {@code base^e} in {@link DoubleDouble} (relative error below
 *       {@code 10^-30} for bases up to {@code 10^8}), with the exponent itself formed as an exact-ratio double-double;</li>
 *   <li>{@link #angle} forms {@code position * theta} as a double-double product (fma, relative error below
 *       {@code 2u^2});</li>
 *   <li>{@link #reduce} subtracts the nearest multiple of {@code 2 pi}, with {@code 2 pi} held to four doubles
 *       (about 210 bits, Cody-Waite style with exact fma products), so the reduced angle in
 *       {@code [-pi, pi]} keeps an absolute error near {@code 10^-30} for {@code |angle| <= 2^52};</li>
 *   <li>{@link #sin}/{@link #cos} take {@code StrictMath.sin/cos} of the reduced leading word and add the
 *       trailing word as a first-order correction ({@code sin(h + l) = sin h + l cos h + O(l^2)}, with
 *       {@code l^2 < 10^-31}).</li>
 * </ol>
 * For {@code |position| <= 10^9} and frequencies in {@code (0, 1]} the sine and cosine are within 2 ulps of the
 * exact value of the formula for the exact double inputs (or within {@code 10^-20} absolute where that value is
 * closer to zero). Everything is deterministic (fma and StrictMath only).
 */
public final class PreciseAngles {

    /** 2 pi as four non-overlapping doubles (from an 80-digit evaluation). */
    private static final double TWO_PI_1 = 0x1.921fb54442d18p+2;
    private static final double TWO_PI_2 = 0x1.1a62633145c07p-52;
    private static final double TWO_PI_3 = -0x1.f1976b7ed8fbcp-108;
    private static final double TWO_PI_4 = 0x1.4cf98e804177dp-162;
    /** pi rounded to double: angles already within it need no reduction. */
    private static final double PI = 0x1.921fb54442d18p+1;
    /**
     * Beyond this |angle| the four-double 2 pi no longer reduces exactly (it would need Payne-Hanek with hundreds of
     * bits); such angles use {@code sin(h + l) = sin h cos l + cos h sin l} with StrictMath, which reduces each part
     * exactly, so results stay within about 2 ulps of the sine of the double-double value.
     */
    private static final double HUGE = 0x1p60;
    /** Largest supported dimension (matches the chapters' d <= 2^20). */
    private static final int MAX_D = 1 << 20;

    private PreciseAngles() {
    }

    /**
     * The paper's frequency {@code theta_i = base^(-2i/d)} in double-double. {@code theta_0 = 1} exactly.
     *
     * @param base finite, {@code > 1}
     * @param i pair index, {@code 0 <= i <= d/2 - 1}
     * @param d even dimension in {@code [2, 2^20]}
     * @return {@code theta_i}
     * @throws IllegalArgumentException on an invalid argument (message names it)
     */
    public static DoubleDouble frequency(double base, int i, int d) {
        checkBase(base);
        checkDimension(d);
        Checks.inRange(i, 0, d / 2 - 1, "i");
        return power(base, -2L * i, d);
    }

    /**
     * The tensor2tensor/fairseq frequency {@code theta_i = base^(-i/(d/2 - 1))} in double-double: the lowest
     * frequency is exactly {@code 1/base}. For {@code d = 2} the divisor {@code d/2 - 1 = 0} is replaced by 1, as
     * those libraries do ({@code max(num_timescales - 1, 1)}), so {@code theta_0 = 1}.
     *
     * @param base finite, {@code > 1}
     * @param i pair index, {@code 0 <= i <= d/2 - 1}
     * @param d even dimension in {@code [2, 2^20]}
     * @return {@code theta_i}
     * @throws IllegalArgumentException on an invalid argument (message names it)
     */
    public static DoubleDouble frequencyDivisor(double base, int i, int d) {
        checkBase(base);
        checkDimension(d);
        Checks.inRange(i, 0, d / 2 - 1, "i");
        return power(base, -(long) i, Math.max(d / 2 - 1, 1));
    }

    /**
     * {@code base^(numerator/denominator)} in double-double, the exponent formed as a double-double quotient of
     * the two exact integers (so {@code -2i/d} is not rounded to double first).
     *
     * @param base finite, {@code > 0}
     * @param numerator exponent numerator, {@code |numerator| <= 2^53}
     * @param denominator exponent denominator, {@code 1 <= denominator <= 2^53}
     * @return the power; relative error below {@code (4 + 4|exponent ln base|) u^2}, measured at most
     *         {@code 31 u^2 = 4e-31} for bases up to {@code 10^8}
     * @throws IllegalArgumentException on an invalid argument or a result out of range
     */
    public static DoubleDouble power(double base, long numerator, long denominator) {
        Checks.positive(base, "base");
        if (!(denominator >= 1 && denominator <= (1L << 53))) {
            throw Checks.fail("denominator", "must be in [1, 2^53], got " + denominator);
        }
        if (!(Math.abs(numerator) <= (1L << 53))) {
            throw Checks.fail("numerator", "must satisfy |numerator| <= 2^53, got " + numerator);
        }
        if (numerator == 0) {
            return DoubleDouble.ONE;
        }
        return DoubleDouble.pow(base, DoubleDouble.quotient(numerator, denominator));
    }

    /**
     * {@code base^exponent} for a general double-double exponent (see {@link DoubleDouble#pow}).
     *
     * @param base finite, {@code > 0}
     * @param exponent finite, {@code |exponent ln base| <= 709}
     * @return the power in double-double
     */
    public static DoubleDouble power(double base, DoubleDouble exponent) {
        return DoubleDouble.pow(base, exponent);
    }

    /**
     * The phase {@code position * frequency} as a double-double product (relative error below {@code 2u^2}).
     *
     * @param position finite
     * @param frequency finite double-double
     * @return the unreduced phase
     * @throws IllegalArgumentException if {@code position} or the frequency is not finite
     */
    public static DoubleDouble angle(double position, DoubleDouble frequency) {
        Checks.finite(position, "position");
        Checks.notNull(frequency, "frequency");
        Checks.finite(frequency.hi(), "frequency");
        return DoubleDouble.of(frequency.hi()).multiply(position).add(frequency.lo() * position);
    }

    /** The phase {@code position * frequency} for a plain double frequency (an exact two-product). */
    public static DoubleDouble angle(double position, double frequency) {
        Checks.finite(position, "position");
        Checks.finite(frequency, "frequency");
        return DoubleDouble.product(position, frequency);
    }

    /**
     * Reduces an angle modulo {@code 2 pi} to about {@code [-pi, pi]} (the result may exceed pi by an ulp).
     * Subtracts {@code n * 2pi} with {@code n = rint(angle/2pi)} and 2 pi held to four doubles; each
     * {@code n * part} is an exact fma two-product and the pieces are added in double-double, so the only errors
     * are the final additions (about {@code 3u^2} of the result) and the 2 pi representation error times n
     * (below {@code 10^-63 n}).
     *
     * <p>Exact reduction needs {@code |angle| <= 2^60}; beyond, the result is a finite value congruent only up to
     * the representation error of 2 pi times n ({@link #sin} and {@link #cos} switch to another method there).
     *
     * @param angle finite
     * @return the reduced angle
     * @throws IllegalArgumentException if {@code angle} is not finite
     */
    public static DoubleDouble reduce(DoubleDouble angle) {
        Checks.notNull(angle, "angle");
        Checks.finite(angle.hi(), "angle");
        if (Math.abs(angle.hi()) <= PI) {
            return angle;
        }
        double n = Math.rint(angle.hi() / TWO_PI_1);
        // the leading product nearly cancels angle.hi: exact two-products keep the cancellation error-free
        DoubleDouble r = angle.add(DoubleDouble.product(-n, TWO_PI_1));
        r = r.add(DoubleDouble.product(-n, TWO_PI_2));
        r = r.add(DoubleDouble.product(-n, TWO_PI_3));
        return r.add(-n * TWO_PI_4);
    }

    /**
     * {@code sin(angle)} for a double-double angle: reduce, then {@code sin(h) + l cos(h)}.
     *
     * @param angle finite
     * @return the sine, within about 1.5 ulps of the exact sine of the double-double value
     */
    public static double sin(DoubleDouble angle) {
        if (isHuge(angle)) {
            return hugeSinCos(angle)[0];
        }
        DoubleDouble r = reduce(angle);
        return Math.fma(StrictMath.cos(r.hi()), r.lo(), StrictMath.sin(r.hi()));
    }

    /**
     * {@code cos(angle)} for a double-double angle: reduce, then {@code cos(h) - l sin(h)}.
     *
     * @param angle finite
     * @return the cosine, within about 1.5 ulps of the exact cosine of the double-double value
     */
    public static double cos(DoubleDouble angle) {
        if (isHuge(angle)) {
            return hugeSinCos(angle)[1];
        }
        DoubleDouble r = reduce(angle);
        return Math.fma(-StrictMath.sin(r.hi()), r.lo(), StrictMath.cos(r.hi()));
    }

    /**
     * Both {@code sin(position * frequency)} and {@code cos(position * frequency)}, sharing one reduction.
     *
     * @param position finite
     * @param frequency finite double-double
     * @return {@code {sin, cos}}
     */
    public static double[] sinCos(double position, DoubleDouble frequency) {
        DoubleDouble a = angle(position, frequency);
        if (isHuge(a)) {
            return hugeSinCos(a);
        }
        DoubleDouble r = reduce(a);
        double s = StrictMath.sin(r.hi());
        double c = StrictMath.cos(r.hi());
        return new double[] {Math.fma(c, r.lo(), s), Math.fma(-s, r.lo(), c)};
    }

    /**
     * {@code {sin(angle), cos(angle)}} both in double-double (about 30 significant digits, absolute error near
     * {@code 10^-31}): reduction modulo {@code 2 pi} as in {@link #reduce}, then by the nearest quarter turn with
     * {@code pi/2} in four doubles, then Taylor series on {@code |r| <= pi/4} carried in double-double. Slower than
     * {@link #sin}/{@link #cos}; for callers that need more than a double's worth of the value (differences of
     * nearly equal oscillating quantities, for example the Ci/Si differences of the decay integral).
     *
     * @param angle finite
     * @return {@code {sin, cos}}
     * @throws IllegalArgumentException if {@code angle} is not finite
     */
    public static DoubleDouble[] sinCosPrecise(DoubleDouble angle) {
        if (isHuge(angle)) {
            // beyond 2^60 only double accuracy is offered (see HUGE)
            double[] sc = hugeSinCos(angle);
            return new DoubleDouble[] {DoubleDouble.of(sc[0]), DoubleDouble.of(sc[1])};
        }
        DoubleDouble r = reduce(angle);
        double q = Math.rint(r.hi() / (0.25 * TWO_PI_1));
        // q in {-2..2}: q * (2 pi / 4) parts are exact scalings of the four-double 2 pi
        DoubleDouble t = r.add(DoubleDouble.product(-q, 0.25 * TWO_PI_1)).add(DoubleDouble.product(-q, 0.25 * TWO_PI_2))
                .add(-q * 0.25 * TWO_PI_3);
        DoubleDouble t2 = t.multiply(t);
        // sin t = t (1 - t^2/(2*3) (1 - t^2/(4*5) (...))), cos t = 1 - t^2/2 (1 - t^2/(3*4) (...)), Horner
        DoubleDouble s = DoubleDouble.ONE;
        DoubleDouble c = DoubleDouble.ONE;
        for (int n = 30; n >= 2; n -= 2) {
            s = DoubleDouble.ONE.subtract(t2.multiply(s).divide((double) n * (n + 1)));
            c = DoubleDouble.ONE.subtract(t2.multiply(c).divide((double) (n - 1) * n));
        }
        s = s.multiply(t);
        int quadrant = (int) q & 3;
        return switch (quadrant) {
            case 0 -> new DoubleDouble[] {s, c};
            case 1 -> new DoubleDouble[] {c, s.negate()};
            case 2 -> new DoubleDouble[] {s.negate(), c.negate()};
            default -> new DoubleDouble[] {c.negate(), s};
        };
    }

    private static boolean isHuge(DoubleDouble angle) {
        Checks.notNull(angle, "angle");
        Checks.finite(angle.hi(), "angle");
        return Math.abs(angle.hi()) > HUGE;
    }

    private static double[] hugeSinCos(DoubleDouble a) {
        double sh = StrictMath.sin(a.hi());
        double ch = StrictMath.cos(a.hi());
        double sl = StrictMath.sin(a.lo());
        double cl = StrictMath.cos(a.lo());
        return new double[] {Math.fma(sh, cl, ch * sl), Math.fma(ch, cl, -sh * sl)};
    }

    private static void checkBase(double base) {
        Checks.finite(base, "base");
        if (!(base > 1)) {
            throw Checks.fail("base", "must be > 1, got " + base);
        }
    }

    private static void checkDimension(int d) {
        if (!(d >= 2 && d <= MAX_D && d % 2 == 0)) {
            throw Checks.fail("d", "d must be even and in [2, 1048576], got " + d);
        }
    }
}
