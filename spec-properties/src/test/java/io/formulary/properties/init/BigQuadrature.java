package io.formulary.properties.init;

import ch.obermuhlner.math.big.BigDecimalMath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A 50-digit oracle for Gaussian expectations {@code E_z[f(s z)^2]}: composite 20-point Gauss-Legendre in BigDecimal
 * (nodes by Newton's method on P_20 at 45 digits) on {@code [-14, 14]}, cut at 0 and geometrically at
 * {@code +-2^j/s}, panels at most 1/4 wide; the integrand {@code f(s x)^2 e^{-x^2/2}/sqrt(2 pi)} evaluated with
 * big-math. Differs from the reference in rule, panels, window and arithmetic; the singularities of the
 * activations (on the imaginary axis, at distance about {@code 1/s}) sit at least a panel width away from every
 * panel, so each panel converges to far below double precision.
 */
final class BigQuadrature {

    static final MathContext MC = new MathContext(45, RoundingMode.HALF_EVEN);
    private static final int N = 20;
    private static final BigDecimal[] NODES = new BigDecimal[N];
    private static final BigDecimal[] WEIGHTS = new BigDecimal[N];
    private static final BigDecimal INV_SQRT_2PI;

    static {
        BigDecimal two = BigDecimal.valueOf(2);
        INV_SQRT_2PI = BigDecimal.ONE.divide(BigDecimalMath.sqrt(BigDecimalMath.pi(MC).multiply(two), MC), MC);
        for (int i = 0; i < N; i++) {
            BigDecimal x = new BigDecimal(Math.cos(Math.PI * (i + 0.75) / (N + 0.5)));
            BigDecimal[] pd = null;
            for (int it = 0; it < 40; it++) {
                pd = legendre(x);
                BigDecimal step = pd[0].divide(pd[1], MC);
                x = x.subtract(step, MC);
                if (step.abs().compareTo(new BigDecimal("1e-43")) < 0) {
                    break;
                }
            }
            pd = legendre(x);
            BigDecimal oneMinus = BigDecimal.ONE.subtract(x.multiply(x, MC), MC);
            NODES[i] = x;
            WEIGHTS[i] = two.divide(oneMinus.multiply(pd[1].multiply(pd[1], MC), MC), MC);
        }
    }

    private BigQuadrature() {
    }

    private static BigDecimal[] legendre(BigDecimal x) {
        BigDecimal p0 = BigDecimal.ONE;
        BigDecimal p1 = x;
        for (int k = 1; k < N; k++) {
            BigDecimal p2 = x.multiply(p1, MC).multiply(BigDecimal.valueOf(2L * k + 1), MC)
                    .subtract(p0.multiply(BigDecimal.valueOf(k), MC), MC).divide(BigDecimal.valueOf(k + 1), MC);
            p0 = p1;
            p1 = p2;
        }
        BigDecimal d = x.multiply(p1, MC).subtract(p0, MC).multiply(BigDecimal.valueOf(N), MC)
                .divide(x.multiply(x, MC).subtract(BigDecimal.ONE, MC), MC);
        return new BigDecimal[] {p1, d};
    }

    /** {@code E_z[f(s z)^2]} for an activation given as a BigDecimal function. */
    static BigDecimal secondMoment(BiFunction<BigDecimal, MathContext, BigDecimal> f, double s) {
        BigDecimal scale = new BigDecimal(s);
        TreeSet<BigDecimal> cuts = new TreeSet<>();
        BigDecimal l = BigDecimal.valueOf(14);
        cuts.add(l.negate());
        cuts.add(BigDecimal.ZERO);
        cuts.add(l);
        for (int j = -8; j < 40; j++) {
            BigDecimal p = new BigDecimal(Math.scalb(1.0, j)).divide(scale, MC);
            if (p.compareTo(l) < 0) {
                cuts.add(p);
                cuts.add(p.negate());
            }
        }
        BigDecimal[] pts = cuts.toArray(new BigDecimal[0]);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal quarter = new BigDecimal("0.25");
        for (int i = 0; i + 1 < pts.length; i++) {
            BigDecimal width = pts[i + 1].subtract(pts[i], MC);
            int panels = Math.max(1, (int) Math.ceil(width.divide(quarter, MC).doubleValue()));
            BigDecimal h = width.divide(BigDecimal.valueOf(2L * panels), MC);
            for (int p = 0; p < panels; p++) {
                BigDecimal c = pts[i].add(h.multiply(BigDecimal.valueOf(2L * p + 1), MC), MC);
                for (int k = 0; k < N; k++) {
                    BigDecimal x = c.add(h.multiply(NODES[k], MC), MC);
                    BigDecimal fx = f.apply(scale.multiply(x, MC), MC);
                    BigDecimal dens = BigDecimalMath.exp(x.multiply(x, MC).negate().divide(BigDecimal.valueOf(2), MC), MC);
                    sum = sum.add(WEIGHTS[k].multiply(h, MC).multiply(fx.multiply(fx, MC), MC).multiply(dens, MC), MC);
                }
            }
        }
        return sum.multiply(INV_SQRT_2PI, MC);
    }

    static BigDecimal sigmoid(BigDecimal y, MathContext mc) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(BigDecimalMath.exp(y.negate(), mc), mc), mc);
    }

    static BigDecimal tanh(BigDecimal y, MathContext mc) {
        BigDecimal ay = y.abs();
        BigDecimal e = BigDecimalMath.exp(ay.multiply(BigDecimal.valueOf(-2), mc), mc);
        BigDecimal t = BigDecimal.ONE.subtract(e, mc).divide(BigDecimal.ONE.add(e, mc), mc);
        return y.signum() < 0 ? t.negate() : t;
    }

    static BigDecimal silu(BigDecimal y, MathContext mc) {
        return y.multiply(sigmoid(y, mc), mc);
    }

    static BigDecimal elu(BigDecimal y, MathContext mc) {
        return y.signum() > 0 ? y : BigDecimalMath.exp(y, mc).subtract(BigDecimal.ONE, mc);
    }

    static BigDecimal softplus(BigDecimal y, MathContext mc) {
        BigDecimal pos = y.signum() > 0 ? y : BigDecimal.ZERO;
        return pos.add(BigDecimalMath.log(BigDecimal.ONE.add(BigDecimalMath.exp(y.abs().negate(), mc), mc), mc), mc);
    }

    /**
     * {@code E[GELU(s z)^2]} in closed form: {@code s^2 [1/4 + asin(s^2/(1+s^2))/(2 pi) + s^2/(pi (1+s^2) sqrt(1+2s^2))]}
     * (from {@code E[z^2 g] = E[g] + E[g'']}, {@code E[Phi(az)Phi(bz)] = 1/4 + asin(ab/sqrt((1+a^2)(1+b^2)))/(2 pi)}).
     */
    static BigDecimal geluSecondMoment(double s) {
        BigDecimal s2 = new BigDecimal(s).pow(2, MC);
        BigDecimal one = BigDecimal.ONE;
        BigDecimal pi = BigDecimalMath.pi(MC);
        BigDecimal onePlus = one.add(s2, MC);
        BigDecimal asin = BigDecimalMath.asin(s2.divide(onePlus, MC), MC);
        BigDecimal t1 = new BigDecimal("0.25").add(asin.divide(pi.multiply(BigDecimal.valueOf(2), MC), MC), MC);
        BigDecimal t2 = s2.divide(pi.multiply(onePlus, MC).multiply(
                BigDecimalMath.sqrt(one.add(s2.multiply(BigDecimal.valueOf(2), MC), MC), MC), MC), MC);
        return s2.multiply(t1.add(t2, MC), MC);
    }
}
