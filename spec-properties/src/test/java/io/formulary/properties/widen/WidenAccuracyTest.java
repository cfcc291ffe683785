package io.formulary.properties.widen;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.nn.ActivationKind;
import io.formulary.core.nn.Activations;
import io.formulary.core.nn.Linear;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Norms;
import io.formulary.core.widen.Repeat;
import io.formulary.core.widen.ScaleCalculus;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static io.formulary.properties.widen.WidenAsserts.ulps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the WIDEN scalar formulas against independent arbitrary-precision evaluations (big-math): GELU by
 * the alternating Taylor series of erf at up to 480 digits (the reference uses a positive-term series and a
 * continued fraction), tanh GELU, the F21 factor, LayerNorm and repeat-and-divide at 50 digits.
 */
class WidenAccuracyTest {

    private static final MathContext MC50 = new MathContext(50);

    /** erf(z) by its alternating Taylor series, with enough digits to absorb the cancellation. */
    static BigDecimal erfTaylor(BigDecimal z, MathContext mc) {
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() - 5);
        for (int n = 1; n < 100_000; n++) {
            term = term.multiply(z2, mc).negate().divide(BigDecimal.valueOf(n), mc);
            BigDecimal t = term.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(t, mc);
            if (t.abs().compareTo(eps) < 0 && n > z2.doubleValue()) {
                break;
            }
        }
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(BigDecimalMath.sqrt(BigDecimalMath.pi(mc), mc), mc);
        return sum.multiply(twoOverSqrtPi, mc);
    }

    /** Exact GELU(x) = x (1 - erf(-x/sqrt 2))/2 from the Taylor series, at a precision that covers e^{x^2/2}. */
    static BigDecimal geluExact(double x) {
        int digits = 60 + (int) (x * x / 2 / Math.log(10) * 2);
        MathContext mc = new MathContext(digits);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal z = bx.negate().divide(BigDecimalMath.sqrt(BigDecimal.valueOf(2), mc), mc);
        BigDecimal erfc = BigDecimal.ONE.subtract(erfTaylor(z, mc), mc);
        return bx.multiply(erfc, mc).divide(BigDecimal.valueOf(2), mc);
    }

    @Test
    void geluErfIsAccurateOverItsWholeRange() {
        double[] grid = {-30, -20, -10, -8, -5, -3, -2.2, -2.1213203435596424, -2, -1.5, -1, -0.7, -0.5, -0.1, -1e-3,
            1e-3, 0.1, 0.5, 0.7, 1, 1.5, 2, 2.2, 3, 5, 8, 10, 30};
        SplittableRandom r = new SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < grid.length + 40; i++) {
            double x = i < grid.length ? grid[i] : -12 + 24 * r.nextDouble();
            double exact = geluExact(x).doubleValue();
            double err = ulps(Activations.activate(ActivationKind.GELU_ERF, 0, x), exact);
            worst = Math.max(worst, err);
            // x Phi(x): Phi within 1.5 ulps (numeric.ErrorFunctions) and one rounding of the product.
            AccuracyLog.record("WIDEN-F5", "GELU_ERF x=" + x, "ulps", err, 4, "big-math Taylor erf, up to 480 digits");
            assertThat(err).as("GELU(%s): %s vs %s", x, Activations.gelu(x), exact).isLessThanOrEqualTo(4);
        }
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void geluTanhIsAccurate() {
        BigDecimal c = BigDecimalMath.sqrt(BigDecimal.valueOf(2).divide(BigDecimalMath.pi(MC50), MC50), MC50);
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 60; i++) {
            double x = -8 + 16 * r.nextDouble();
            BigDecimal bx = new BigDecimal(x);
            BigDecimal z = c.multiply(bx.add(new BigDecimal("0.044715").multiply(bx.pow(3), MC50), MC50), MC50);
            BigDecimal exact = bx.divide(BigDecimal.ONE.add(BigDecimalMath.exp(z.multiply(BigDecimal.valueOf(-2)), MC50)),
                    MC50);
            double err = ulps(Activations.geluTanh(x), exact.doubleValue());
            // The exponent 2z amplifies the rounding of z (and of the constant sqrt(2/pi)) by |2z| for x < 0.
            double bound = 4 + 2 * Math.abs(2 * z.doubleValue());
            AccuracyLog.record("WIDEN-F5", "GELU_TANH x=" + x, "ulps", err, bound, "big-math, 50 digits");
            assertThat(err).as("GELU_TANH(%s)", x).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void keptEpsilonFactorIsAccurate() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            double s2 = Math.pow(10, -8 + 10 * r.nextDouble());
            double eps = Math.pow(10, -12 + 11 * r.nextDouble());
            int k = 1 + r.nextInt(8);
            BigDecimal bs = new BigDecimal(s2);
            BigDecimal be = new BigDecimal(eps);
            BigDecimal exact = BigDecimalMath.sqrt(bs.add(be).divide(bs.add(be.multiply(BigDecimal.valueOf(k))), MC50),
                    MC50);
            double err = ulps(ScaleCalculus.keptEpsilonFactor(s2, eps, k), exact.doubleValue());
            AccuracyLog.record("WIDEN-F21", "s2=" + s2 + " eps=" + eps + " k=" + k, "ulps", err, 4, "big-math, 50 digits");
            assertThat(err).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void repeatDivideIsWithinTwoUlps() {
        SplittableRandom r = new SplittableRandom(8);
        for (int k = 1; k <= 8; k++) {
            double[] x = WidenGens.gaussian(r, 16, Math.pow(10, r.nextInt(200) - 100));
            double[] y = Repeat.repeatDivide(x, k);
            BigDecimal root = BigDecimalMath.sqrt(BigDecimal.valueOf(k), MC50);
            double worst = 0;
            for (int i = 0; i < y.length; i++) {
                double exact = new BigDecimal(x[i / k]).divide(root, MC50).doubleValue();
                worst = Math.max(worst, ulps(y[i], exact));
            }
            // The factor 1/sqrt(k) is itself rounded (within 1 ulp), then one product: at most 2 ulps.
            AccuracyLog.record("WIDEN-F12", "k=" + k, "ulps", worst, 2, "big-math, 50 digits");
            assertThat(worst).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void layerNormIsAccurateRelativeToItsConditionNumber() {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 40; i++) {
            int d = 2 + r.nextInt(15);
            double mu = 100 * (r.nextDouble() - 0.5);
            double spread = Math.pow(10, -6 + 6 * r.nextDouble());
            double[] x = new double[d];
            double[] gamma = new double[d];
            double[] beta = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = mu + spread * r.nextGaussian();
                gamma[j] = 1 + 0.3 * r.nextGaussian();
                beta[j] = 0.3 * r.nextGaussian();
            }
            double eps = 1e-12;
            double[] y = Norms.layerNorm(x, gamma, beta, eps);
            BigDecimal sum = BigDecimal.ZERO;
            for (double v : x) {
                sum = sum.add(new BigDecimal(v));
            }
            BigDecimal bmu = sum.divide(BigDecimal.valueOf(d), MC50);
            BigDecimal ss = BigDecimal.ZERO;
            for (double v : x) {
                BigDecimal c = new BigDecimal(v).subtract(bmu);
                ss = ss.add(c.multiply(c));
            }
            BigDecimal var = ss.divide(BigDecimal.valueOf(d), MC50);
            BigDecimal rinv = BigDecimal.ONE.divide(BigDecimalMath.sqrt(var.add(new BigDecimal(eps)), MC50), MC50);
            double worst = 0;
            double scale = 0;
            for (int j = 0; j < d; j++) {
                BigDecimal exact = new BigDecimal(gamma[j]).multiply(new BigDecimal(x[j]).subtract(bmu)).multiply(rinv)
                        .add(new BigDecimal(beta[j]));
                worst = Math.max(worst, Math.abs(y[j] - exact.doubleValue()));
                scale = Math.max(scale, Math.abs(gamma[j]));
            }
            double cond = Math.abs(mu) / Math.sqrt(var.doubleValue() + eps) + 1;
            double metric = worst / (scale * cond * 0x1p-53);
            AccuracyLog.record("WIDEN-F3", "d=" + d + " spread=" + spread, "relative/kappa", worst / (scale * cond),
                    8 * 0x1p-53, "big-math, 50 digits");
            assertThat(metric).as("LayerNorm error in units of u*cond*max|gamma|").isLessThanOrEqualTo(8);
        }
    }

    @Test
    void linearLayerIsCompensated() {
        SplittableRandom r = new SplittableRandom(10);
        for (int i = 0; i < 20; i++) {
            int din = 1 + r.nextInt(64);
            double[][] x = WidenGens.gaussian(r, 1, din, 1);
            double[][] w = WidenGens.gaussian(r, din, 3, 1);
            // A cancelling input: x . w_0 near zero relative to sum |x_i w_i0|.
            double[] b = {0, 1, -1};
            double[][] y = Linear.apply(x, w, b);
            for (int j = 0; j < 3; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int q = 0; q < din; q++) {
                    s = s.add(new BigDecimal(x[0][q]).multiply(new BigDecimal(w[q][j])));
                }
                double dot = s.round(MC50).doubleValue();
                double exact = new BigDecimal(dot).add(new BigDecimal(b[j])).doubleValue();
                // Dot2 returns the dot product faithfully (within 1 ulp), then one rounding for the bias.
                double err = Math.abs(y[0][j] - exact);
                double bound = Math.ulp(dot) + Math.ulp(exact);
                AccuracyLog.record("WIDEN-F4", "din=" + din + " j=" + j, "absolute", err, bound, "exact BigDecimal");
                assertThat(err).isLessThanOrEqualTo(bound);
            }
        }
        assertThat(NormKind.values()).hasSize(2);
    }
}
