package io.formulary.properties.init;

import ch.obermuhlner.math.big.BigDecimalMath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arbitrary-precision oracle for the Gaussian functions of the INIT chapter, by methods different from the
 * reference: the alternating Maclaurin series of {@code int_0^x e^{-s^2/2} ds} and its moments (the reference sums
 * the positive Kummer series or a continued fraction), carried with enough guard digits that the alternation's
 * cancellation (about {@code x^2/2 / ln 10} digits) leaves 50 correct ones. Uses big-math for exp, sqrt and pi.
 */
final class BigGaussian {

    static final int DIGITS = 50;

    private BigGaussian() {
    }

    static MathContext working(double x) {
        int guard = (int) Math.ceil(x * x / Math.log(10)) + 30;
        return new MathContext(DIGITS + guard, RoundingMode.HALF_EVEN);
    }

    static MathContext out() {
        return new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    }

    /**
     * {@code M_p(x) = int_0^x s^p e^{-s^2/2} ds = sum_n (-1)^n x^{2n+p+1} / (2^n n! (2n+p+1))} (alternating).
     */
    static BigDecimal gaussMomentIntegral(BigDecimal x, int p, MathContext mc) {
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal pow = x.pow(p + 1, mc); // x^{2n+p+1} / (2^n n!) with the sign
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 0; n < 1_000_000; n++) {
            BigDecimal term = pow.divide(BigDecimal.valueOf(2L * n + p + 1), mc);
            sum = sum.add(term, mc);
            if (n > x2.doubleValue() && term.abs().compareTo(eps) < 0) {
                break;
            }
            pow = pow.multiply(x2, mc).divide(BigDecimal.valueOf(-2L * (n + 1)), mc);
        }
        return sum;
    }

    /** {@code Phi(t) - 1/2 = M_0(t)/sqrt(2 pi)}. */
    static BigDecimal phiMinusHalf(double t) {
        MathContext mc = working(t);
        BigDecimal s2pi = BigDecimalMath.sqrt(BigDecimalMath.pi(mc).multiply(BigDecimal.valueOf(2)), mc);
        return gaussMomentIntegral(new BigDecimal(t), 0, mc).divide(s2pi, mc);
    }

    /** {@code Q(t) = 1/2 - (Phi(t) - 1/2)} for moderate t (precision kept by the guard digits). */
    static BigDecimal upperTail(double t) {
        return new BigDecimal("0.5").subtract(phiMinusHalf(t), working(t)).round(out());
    }

    /** {@code erf(x) = 2 M_0(x sqrt2)/sqrt(2 pi)}, with {@code x sqrt2} formed in BigDecimal. */
    static BigDecimal erf(double x) {
        MathContext mc = working(x * 1.4142135623730951);
        BigDecimal t = new BigDecimal(x).multiply(BigDecimalMath.sqrt(BigDecimal.valueOf(2), mc), mc);
        BigDecimal s2pi = BigDecimalMath.sqrt(BigDecimalMath.pi(mc).multiply(BigDecimal.valueOf(2)), mc);
        return gaussMomentIntegral(t, 0, mc).multiply(BigDecimal.valueOf(2), mc).divide(s2pi, mc);
    }

    static BigDecimal erfc(double x) {
        return BigDecimal.ONE.subtract(erf(x), working(x * 1.4142135623730951)).round(out());
    }

    /** Variance factor of N(0,1) truncated to [-c, c]: {@code M_2(c)/M_0(c)}. */
    static BigDecimal gamma(double c) {
        MathContext mc = working(c);
        BigDecimal x = new BigDecimal(c);
        return gaussMomentIntegral(x, 2, mc).divide(gaussMomentIntegral(x, 0, mc), mc).round(out());
    }

    /** Fourth moment of N(0,1) truncated to [-c, c]: {@code M_4(c)/M_0(c)}. */
    static BigDecimal fourth(double c) {
        MathContext mc = working(c);
        BigDecimal x = new BigDecimal(c);
        return gaussMomentIntegral(x, 4, mc).divide(gaussMomentIntegral(x, 0, mc), mc).round(out());
    }

    /** Error of a double against an exact value, in ulps of the exact value's double. */
    static double ulpError(double actual, BigDecimal exact) {
        double e = exact.doubleValue();
        BigDecimal diff = new BigDecimal(actual).subtract(exact).abs();
        double ulp = Math.ulp(e == 0 ? Double.MIN_VALUE : e);
        return diff.divide(new BigDecimal(ulp), MathContext.DECIMAL64).doubleValue();
    }

    /** Relative error of a double against an exact nonzero value. */
    static double relError(double actual, BigDecimal exact) {
        return new BigDecimal(actual).subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
    }
}
