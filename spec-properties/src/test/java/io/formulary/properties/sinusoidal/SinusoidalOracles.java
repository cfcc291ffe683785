package io.formulary.properties.sinusoidal;

import ch.obermuhlner.math.big.BigDecimalMath;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Arbitrary-precision ground truth for the SIN chapter, computed by methods independent of the reference:
 * BigDecimal power series (with working precision {@code 40 + 0.45x + 10} digits to absorb the
 * {@code e^x}-sized cancellation) for {@code x <= 100}, the asymptotic series of the auxiliary functions truncated
 * at the smallest term beyond (error below {@code 1e-43}), and big-math's pow/sin/cos at 60 digits.
 */
final class SinusoidalOracles {

    static final MathContext MC = new MathContext(60);
    static final BigDecimal GAMMA = new BigDecimal("0.57721566490153286060651209008240243104215933593992359880576723");

    private SinusoidalOracles() {
    }

    /** {Si(x), Cin(x)} for x >= 0. */
    static BigDecimal[] siCin(BigDecimal x) {
        double xd = x.doubleValue();
        if (xd <= 100) {
            MathContext w = new MathContext(60 + (int) Math.ceil(0.45 * xd) + 10);
            BigDecimal x2 = x.multiply(x, w);
            BigDecimal a = x;
            BigDecimal si = x;
            BigDecimal c = x2.divide(BigDecimal.valueOf(2), w);
            BigDecimal cin = c.divide(BigDecimal.valueOf(2), w);
            BigDecimal eps = new BigDecimal("1e-80");
            for (int k = 1; k < 2000; k++) {
                a = a.multiply(x2, w).divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), w).negate();
                BigDecimal ts = a.divide(BigDecimal.valueOf(2L * k + 1), w);
                si = si.add(ts, w);
                if (k >= 2) {
                    c = c.multiply(x2, w).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), w).negate();
                    cin = cin.add(c.divide(BigDecimal.valueOf(2L * k), w), w);
                }
                if (k > 5 && ts.abs().compareTo(eps) < 0 && c.abs().compareTo(eps) < 0) {
                    break;
                }
            }
            return new BigDecimal[] {si.round(MC), cin.round(MC)};
        }
        BigDecimal[] fg = auxiliary(x);
        BigDecimal s = BigDecimalMath.sin(x, MC);
        BigDecimal co = BigDecimalMath.cos(x, MC);
        BigDecimal halfPi = BigDecimalMath.pi(MC).divide(BigDecimal.valueOf(2), MC);
        BigDecimal si = halfPi.subtract(fg[0].multiply(co, MC), MC).subtract(fg[1].multiply(s, MC), MC);
        BigDecimal ci = fg[0].multiply(s, MC).subtract(fg[1].multiply(co, MC), MC);
        BigDecimal cin = GAMMA.add(BigDecimalMath.log(x, MC), MC).subtract(ci, MC);
        return new BigDecimal[] {si, cin};
    }

    static BigDecimal ci(BigDecimal x) {
        return GAMMA.add(BigDecimalMath.log(x, MC), MC).subtract(siCin(x)[1], MC);
    }

    /** Asymptotic f, g for x > 100, truncated at the smallest term. */
    private static BigDecimal[] auxiliary(BigDecimal x) {
        BigDecimal inv2 = BigDecimal.ONE.divide(x.multiply(x, MC), MC);
        BigDecimal f = BigDecimal.ZERO;
        BigDecimal g = BigDecimal.ZERO;
        BigDecimal tf = BigDecimal.ONE;
        BigDecimal tg = BigDecimal.ONE;
        BigDecimal prev = null;
        for (int k = 0; k < 10000; k++) {
            if (k > 0) {
                tf = tf.multiply(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC).multiply(inv2, MC).negate();
                tg = tg.multiply(BigDecimal.valueOf((2L * k) * (2L * k + 1)), MC).multiply(inv2, MC).negate();
            }
            if (prev != null && tf.abs().compareTo(prev) > 0) {
                break;
            }
            f = f.add(tf, MC);
            g = g.add(tg, MC);
            prev = tf.abs();
            if (prev.signum() == 0 || prev.compareTo(BigDecimal.ONE.movePointLeft(70)) < 0) {
                break;
            }
        }
        return new BigDecimal[] {f.divide(x, MC), g.multiply(inv2, MC)};
    }

    /** {C_b(x), S_b(x)} at 60 digits for x >= 0 (exact inputs x and b). */
    static BigDecimal[] decay(double x, double base) {
        if (x == 0) {
            return new BigDecimal[] {BigDecimal.ONE, BigDecimal.ZERO};
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal bb = new BigDecimal(base);
        BigDecimal lnb = BigDecimalMath.log(bb, MC);
        BigDecimal y = bx.divide(bb, MC);
        BigDecimal[] hi = siCin(bx);
        BigDecimal[] lo = siCin(y);
        BigDecimal c = BigDecimal.ONE.subtract(hi[1].subtract(lo[1], MC).divide(lnb, MC), MC);
        BigDecimal s = hi[0].subtract(lo[0], MC).divide(lnb, MC);
        return new BigDecimal[] {c, s};
    }

    /** theta_i = base^(-2i/d) at 60 digits. */
    static BigDecimal theta(double base, int i, int d) {
        if (i == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal e = BigDecimal.valueOf(-2L * i).divide(BigDecimal.valueOf(d), MC);
        return BigDecimalMath.pow(new BigDecimal(base), e, MC);
    }

    /** {sin, cos} of k * theta at 60 digits (big-math reduces the argument itself). */
    static BigDecimal[] sinCos(double k, BigDecimal theta) {
        BigDecimal phase = new BigDecimal(k).multiply(theta, MC);
        return new BigDecimal[] {BigDecimalMath.sin(phase, MC), BigDecimalMath.cos(phase, MC)};
    }

    /** |got - exact| as a double. */
    static double absErr(double got, BigDecimal exact) {
        return new BigDecimal(got).subtract(exact, MC).abs().doubleValue();
    }

    /** Error in units of the last place of the exact value rounded to double. */
    static double ulps(double got, BigDecimal exact) {
        double e = exact.doubleValue();
        double ulp = e == 0 ? Double.MIN_VALUE : Math.ulp(e);
        return absErr(got, exact) / ulp;
    }
}
