package io.formulary.core.numeric;

import ch.obermuhlner.math.big.BigDecimalMath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DoubleDouble and PreciseAngles against 60-digit big-math evaluations (an independent method: BigDecimal
 * series and big-math's own reduction, no double-double arithmetic).
 */
class PreciseAnglesTest {

    private static final MathContext MC = new MathContext(60);
    private static final double U2 = 0x1p-106;

    private static BigDecimal big(DoubleDouble x) {
        return new BigDecimal(x.hi()).add(new BigDecimal(x.lo()));
    }

    private static double relErr(DoubleDouble got, BigDecimal exact) {
        if (exact.signum() == 0) {
            return big(got).abs().doubleValue();
        }
        return big(got).subtract(exact, MC).divide(exact, MC).abs().doubleValue();
    }

    /** Exact value of base^(num/den) at 60 digits. */
    private static BigDecimal exactPower(double base, long num, long den) {
        BigDecimal e = new BigDecimal(num).divide(new BigDecimal(den), MC);
        return BigDecimalMath.pow(new BigDecimal(base), e, MC);
    }

    @Test
    void expAndLogAreAccurateToAFewUnitsOfUSquared() {
        SplittableRandom rnd = new SplittableRandom(11);
        double worstExp = 0;
        double worstLog = 0;
        for (int t = 0; t < 200; t++) {
            double xh = (rnd.nextDouble() * 2 - 1) * (t < 100 ? 20 : 650);
            DoubleDouble x = DoubleDouble.sum(xh, xh * 0x1p-60 * rnd.nextDouble());
            double e = relErr(DoubleDouble.exp(x), BigDecimalMath.exp(big(x), MC));
            worstExp = Math.max(worstExp, e);
            double yh = StrictMath.exp((rnd.nextDouble() * 2 - 1) * 700);
            DoubleDouble y = DoubleDouble.sum(yh, yh * 0x1p-60 * rnd.nextDouble());
            BigDecimal ly = BigDecimalMath.log(big(y), MC);
            // absolute near ln y = 0, relative elsewhere
            double err = big(DoubleDouble.log(y)).subtract(ly, MC).abs().doubleValue() / Math.max(1, ly.abs().doubleValue());
            worstLog = Math.max(worstLog, err);
        }
        assertThat(worstExp).as("exp relative error / u^2 = %s", worstExp / U2).isLessThanOrEqualTo(32 * U2);
        assertThat(worstLog).as("log error / u^2 = %s", worstLog / U2).isLessThanOrEqualTo(8 * U2);
        assertThat(DoubleDouble.exp(DoubleDouble.ZERO)).isEqualTo(DoubleDouble.ONE);
        assertThat(DoubleDouble.log(DoubleDouble.ONE)).isEqualTo(DoubleDouble.ZERO);
    }

    @Test
    void frequenciesMatchSixtyDigitPowers() {
        double[] bases = {10000, 1000, 2, 1e6, 1.5, 1e8, 500000};
        int[] dims = {2, 6, 128, 4096, 1000};
        double worst = 0;
        for (double b : bases) {
            for (int d : dims) {
                for (int i = 0; i < d / 2; i += Math.max(1, d / 16)) {
                    worst = Math.max(worst, relErr(PreciseAngles.frequency(b, i, d), exactPower(b, -2L * i, d)));
                    worst = Math.max(worst, relErr(PreciseAngles.frequencyDivisor(b, i, d),
                            exactPower(b, -i, Math.max(d / 2 - 1, 1))));
                }
            }
        }
        // the exponent argument e*ln(b) (|.| up to 18 for b = 1e8) carries an absolute error of a few u^2 per unit,
        // which becomes relative error of theta: measured worst 31 u^2 (b = 1e8), so the bound is 64 u^2 ~ 8e-31
        assertThat(worst).as("worst relative error / u^2 = %s", worst / U2).isLessThanOrEqualTo(64 * U2);
        assertThat(PreciseAngles.frequency(10000, 0, 8)).isEqualTo(DoubleDouble.ONE);
        assertThat(PreciseAngles.frequencyDivisor(10000, 3, 8).doubleValue()).isEqualTo(1e-4);
    }

    @Test
    void sinAndCosOfLargePhasesAreWithinTwoUlps() {
        SplittableRandom rnd = new SplittableRandom(12);
        double worstUlps = 0;
        double[] fixed = {1e3, 1e6, 16777217, 1e9, -1e9, 999999999.5, 123456789.0 / 1024};
        for (int t = 0; t < 150; t++) {
            double k = t < fixed.length ? fixed[t] : Math.rint((rnd.nextDouble() * 2 - 1) * 1e9) + rnd.nextInt(1024) / 1024.0;
            int d = t % 3 == 0 ? 4096 : 128;
            int i = rnd.nextInt(d / 2);
            double b = t % 2 == 0 ? 10000 : 1000;
            DoubleDouble theta = PreciseAngles.frequency(b, i, d);
            BigDecimal phase = new BigDecimal(k).multiply(exactPower(b, -2L * i, d), MC);
            double[] sc = PreciseAngles.sinCos(k, theta);
            double[] exact = {BigDecimalMath.sin(phase, MC).doubleValue(), BigDecimalMath.cos(phase, MC).doubleValue()};
            BigDecimal[] exactBig = {BigDecimalMath.sin(phase, MC), BigDecimalMath.cos(phase, MC)};
            for (int c = 0; c < 2; c++) {
                double err = new BigDecimal(sc[c]).subtract(exactBig[c], MC).abs().doubleValue();
                double ulps = err / Math.ulp(exact[c]);
                if (err > 1e-20) {
                    worstUlps = Math.max(worstUlps, ulps);
                }
                assertThat(err <= 1e-20 || ulps <= 2).as("k=%s i=%s d=%s c=%s ulps=%s", k, i, d, c, ulps).isTrue();
            }
            assertThat(PreciseAngles.sin(PreciseAngles.angle(k, theta))).isEqualTo(sc[0]);
            assertThat(PreciseAngles.cos(PreciseAngles.angle(k, theta))).isEqualTo(sc[1]);
        }
        assertThat(worstUlps).isLessThanOrEqualTo(2);
    }

    @Test
    void reductionKeepsTinyResidues() {
        // a phase just next to a multiple of 2pi: the reduced angle must keep its relative accuracy
        BigDecimal twoPi = BigDecimalMath.pi(MC).multiply(BigDecimal.valueOf(2));
        BigDecimal a = twoPi.multiply(BigDecimal.valueOf(123456789));
        DoubleDouble angle = DoubleDouble.sum(a.doubleValue(), a.subtract(new BigDecimal(a.doubleValue())).doubleValue());
        BigDecimal exact = BigDecimalMath.sin(big(angle), MC);
        double err = new BigDecimal(PreciseAngles.sin(angle)).subtract(exact, MC).abs().doubleValue();
        assertThat(err).isLessThanOrEqualTo(Math.max(2 * Math.ulp(exact.doubleValue()), 1e-20));
    }

    @Test
    void doubleDoubleSinCosAreAccurateToAboutTenToTheMinusThirty() {
        SplittableRandom rnd = new SplittableRandom(13);
        double worst = 0;
        for (int t = 0; t < 200; t++) {
            double h = (rnd.nextDouble() * 2 - 1) * (t < 100 ? 10 : 1e9);
            DoubleDouble a = DoubleDouble.sum(h, h * 0x1p-60 * rnd.nextDouble());
            DoubleDouble[] sc = PreciseAngles.sinCosPrecise(a);
            worst = Math.max(worst, big(sc[0]).subtract(BigDecimalMath.sin(big(a), MC), MC).abs().doubleValue());
            worst = Math.max(worst, big(sc[1]).subtract(BigDecimalMath.cos(big(a), MC), MC).abs().doubleValue());
        }
        assertThat(worst).as("worst absolute error / u^2 = %s", worst / U2).isLessThanOrEqualTo(64 * U2);
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> PreciseAngles.frequency(10000, 0, 7)).hasMessageStartingWith("d:");
        assertThatThrownBy(() -> PreciseAngles.frequency(1.0, 0, 8)).hasMessageStartingWith("base:");
        assertThatThrownBy(() -> PreciseAngles.frequency(Double.NaN, 0, 8)).hasMessageStartingWith("base");
        assertThatThrownBy(() -> PreciseAngles.frequency(10000, 4, 8)).hasMessageStartingWith("i");
        assertThatThrownBy(() -> PreciseAngles.angle(Double.POSITIVE_INFINITY, DoubleDouble.ONE)).hasMessageStartingWith("position");
        assertThatThrownBy(() -> DoubleDouble.exp(DoubleDouble.of(800))).hasMessageStartingWith("x:");
    }
}
