package io.formulary.properties.rope;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.rope.Quaternions;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryGenerators;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static io.formulary.properties.rope.RopeAssert.U;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scalar ROPE formulas against independent 60-digit evaluations (big-math), each case recorded with
 * {@link AccuracyLog} before its bound is asserted. The large-position accuracy of F3 is ROPE-P25; F22 is in
 * {@code MatrixExponentialTest} and ROPE-P6.
 */
class RopeAccuracyTest {

    private static final MathContext MC = new MathContext(60);
    private static final String ORACLE = "big-math, 60 digits";

    private static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    /** {@code base^(-2i/d)} at 60 digits, as exp(-(2i/d) ln base). */
    static BigDecimal frequency(double base, int i, int d) {
        return BigDecimalMath.exp(BigDecimalMath.log(big(base), MC).multiply(BigDecimal.valueOf(-2L * i))
                .divide(BigDecimal.valueOf(d), MC), MC);
    }

    @Test
    @DisplayName("ROPE-F1: theta_i within (ln base + 2) u relative")
    void frequencySchedule() {
        for (double base : new double[] {2, 1e4, 5e5, 1e8}) {
            int d = 512;
            double[] theta = RotaryEmbedding.frequencies(d, base);
            double worst = 0;
            for (int i = 0; i < d / 2; i++) {
                BigDecimal exact = frequency(base, i, d);
                double rel = big(theta[i]).subtract(exact).abs().divide(exact, MC).doubleValue();
                worst = Math.max(worst, rel);
            }
            double bound = (StrictMath.log(base) + 2) * U;
            AccuracyLog.record("ROPE-F1", "d=512, base=" + base, "relative", worst, bound, ORACLE);
            assertThat(worst).as("ROPE-F1 base %s", base).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    @DisplayName("ROPE-F2: rotated pair within 4u ||v|| when the phase n theta is exact")
    void buildingBlock() {
        SplittableRandom r = new SplittableRandom(2);
        double worst = 0;
        for (int t = 0; t < 200; t++) {
            double v0 = RopeGens.gaussian(r);
            double v1 = RopeGens.gaussian(r);
            double n = r.nextInt(-1_000_000, 1_000_001);
            double theta = StrictMath.scalb(1.0, -r.nextInt(0, 20));
            double[] z = RotaryEmbedding.rotatePair(v0, v1, n, theta);
            BigDecimal phi = big(n).multiply(big(theta));
            BigDecimal c = BigDecimalMath.cos(phi, MC);
            BigDecimal s = BigDecimalMath.sin(phi, MC);
            double e0 = big(v0).multiply(c).subtract(big(v1).multiply(s)).subtract(big(z[0])).abs().doubleValue();
            double e1 = big(v0).multiply(s).add(big(v1).multiply(c)).subtract(big(z[1])).abs().doubleValue();
            double err = Math.hypot(e0, e1) / Math.hypot(v0, v1);
            worst = Math.max(worst, err);
        }
        AccuracyLog.record("ROPE-F2", "200 random pairs, exact phases up to 1e6", "relative", worst, 4 * U, ORACLE);
        assertThat(worst).isLessThanOrEqualTo(4 * U);
    }

    @Test
    @DisplayName("ROPE-F3: rotated components within 4u ||v_pair|| of the exact rotation (d = 64, positions to 1e9)")
    void rotationComponents() {
        SplittableRandom r = new SplittableRandom(3);
        int d = 64;
        for (double n : new double[] {7, 1e6, 1e9 + 0.5}) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = RopeGens.gaussian(r);
            }
            double[] z = RotaryEmbedding.rotate(v, n, 1e4);
            double worst = 0;
            for (int i = 0; i < d / 2; i++) {
                BigDecimal phi = frequency(1e4, i, d).multiply(big(n), MC);
                BigDecimal c = BigDecimalMath.cos(phi, MC);
                BigDecimal s = BigDecimalMath.sin(phi, MC);
                double e0 = big(v[2 * i]).multiply(c).subtract(big(v[2 * i + 1]).multiply(s)).subtract(big(z[2 * i])).abs().doubleValue();
                double e1 = big(v[2 * i]).multiply(s).add(big(v[2 * i + 1]).multiply(c)).subtract(big(z[2 * i + 1])).abs().doubleValue();
                worst = Math.max(worst, Math.hypot(e0, e1) / Math.hypot(v[2 * i], v[2 * i + 1]));
            }
            AccuracyLog.record("ROPE-F3", "components, d=64, n=" + n, "relative", worst, 4 * U, ORACLE);
            assertThat(worst).as("ROPE-F3 n=%s", n).isLessThanOrEqualTo(4 * U);
        }
    }

    @Test
    @DisplayName("ROPE-F4: score within tau_s of the exact q^T R_{n-m} k")
    void score() {
        SplittableRandom r = new SplittableRandom(4);
        for (int d : new int[] {8, 64, 256}) {
            for (double[] mn : new double[][] {{2, 7}, {-1000, 123456}, {1e6, -1e6}}) {
                double[] q = new double[d];
                double[] k = new double[d];
                for (int i = 0; i < d; i++) {
                    q[i] = RopeGens.gaussian(r);
                    k[i] = RopeGens.gaussian(r);
                }
                double s = RotaryEmbedding.score(q, k, mn[0], mn[1], 1e4);
                BigDecimal exact = BigDecimal.ZERO;
                for (int i = 0; i < d / 2; i++) {
                    BigDecimal phi = frequency(1e4, i, d).multiply(big(mn[1] - mn[0]), MC);
                    BigDecimal a = big(q[2 * i]).multiply(big(k[2 * i])).add(big(q[2 * i + 1]).multiply(big(k[2 * i + 1])));
                    BigDecimal b = big(q[2 * i + 1]).multiply(big(k[2 * i])).subtract(big(q[2 * i]).multiply(big(k[2 * i + 1])));
                    exact = exact.add(a.multiply(BigDecimalMath.cos(phi, MC)).add(b.multiply(BigDecimalMath.sin(phi, MC))), MC);
                }
                double err = big(s).subtract(exact).abs().doubleValue();
                double bound = RotaryEmbedding.scoreTolerance(mn[0], mn[1], d, 1e4, RopeAssert.norm(q), RopeAssert.norm(k));
                AccuracyLog.record("ROPE-F4", "d=" + d + ", m=" + mn[0] + ", n=" + mn[1], "absolute", err, bound, ORACLE);
                assertThat(err).as("ROPE-F4 d=%d", d).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    @DisplayName("ROPE-F12: quaternion exponential within (8 + 2r) u e^a per component")
    void quaternionExponential() {
        SplittableRandom r = new SplittableRandom(12);
        for (double scale : new double[] {1e-9, 1e-4, 1, 30}) {
            double worst = 0;
            double worstBound = 0;
            for (int t = 0; t < 50; t++) {
                double[] p = {r.nextDouble(-3, 3), scale * RopeGens.gaussian(r), scale * RopeGens.gaussian(r), scale * RopeGens.gaussian(r)};
                double[] e = Quaternions.exp(p);
                BigDecimal rr = BigDecimalMath.sqrt(big(p[1]).pow(2).add(big(p[2]).pow(2)).add(big(p[3]).pow(2)), MC);
                BigDecimal ea = BigDecimalMath.exp(big(p[0]), MC);
                BigDecimal sinc = rr.signum() == 0 ? BigDecimal.ONE : BigDecimalMath.sin(rr, MC).divide(rr, MC);
                BigDecimal[] exact = {ea.multiply(BigDecimalMath.cos(rr, MC)), ea.multiply(sinc).multiply(big(p[1])),
                    ea.multiply(sinc).multiply(big(p[2])), ea.multiply(sinc).multiply(big(p[3]))};
                // The rounding of r = |(b, c, d)| moves the angle by about r u, hence the 2r term.
                double bound = (8 + 2 * rr.doubleValue()) * U;
                for (int c = 0; c < 4; c++) {
                    double err = big(e[c]).subtract(exact[c]).abs().doubleValue() / ea.doubleValue();
                    assertThat(err).as("ROPE-F12 p=%s component %d", java.util.Arrays.toString(p), c).isLessThanOrEqualTo(bound);
                    if (err >= worst) {
                        worst = err;
                        worstBound = bound;
                    }
                }
            }
            AccuracyLog.record("ROPE-F12", "50 quaternions, imaginary parts ~ " + scale + " (error relative to e^a)",
                    "relative", worst, worstBound, ORACLE);
        }
    }

    @Test
    @DisplayName("ROPE-F20: d = cf/a and e = -bf/a within 2 ulps")
    void familyEntries() {
        SplittableRandom r = new SplittableRandom(20);
        double worst = 0;
        for (int t = 0; t < 200; t++) {
            double a = r.nextDouble(0.5, 2);
            double b = r.nextDouble(-2, 2);
            double c = r.nextDouble(-2, 2);
            double f = r.nextDouble(-2, 2);
            double[][] b2 = RotaryGenerators.family4(a, b, c, f).b2();
            BigDecimal d = big(c).multiply(big(f)).divide(big(a), MC);
            BigDecimal e = big(b).multiply(big(f)).divide(big(a), MC).negate();
            worst = Math.max(worst, big(b2[3][0]).subtract(d).abs().doubleValue() / Math.ulp(d.doubleValue()));
            worst = Math.max(worst, big(b2[3][1]).subtract(e).abs().doubleValue() / Math.ulp(e.doubleValue()));
        }
        AccuracyLog.record("ROPE-F20", "200 random (a, b, c, f)", "ulps", worst, 2, ORACLE);
        assertThat(worst).isLessThanOrEqualTo(2);
    }
}
