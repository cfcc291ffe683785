package io.formulary.properties.linear;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.linear.GaussianClassConditionals;
import io.formulary.core.linear.LogisticFunctions;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the chapter's scalar formulas against independent arbitrary-precision evaluations (big-math at 60+
 * digits; the error function by its Maclaurin series with enough guard digits for the cancellation), recorded with
 * {@link AccuracyLog} before each bound is asserted.
 */
class LogitAccuracyTest {

    private static final MathContext MC = new MathContext(60);
    private static final String BIG = "big-math BigDecimalMath, 60 digits";

    private static double ulpsOf(double actual, BigDecimal exact) {
        double e = exact.doubleValue();
        double err = new BigDecimal(actual).subtract(exact).abs().doubleValue();
        return err / Math.ulp(Math.max(Math.abs(e), Double.MIN_NORMAL));
    }

    private static double[] samples(long seed, int count, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = lo + (hi - lo) * r.nextDouble();
        }
        return t;
    }

    @Test
    void sigmoidWithinFourUlps() {
        double worst = 0;
        for (double t : samples(1, 400, -700, 700)) {
            BigDecimal exact = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigDecimalMath.exp(new BigDecimal(-t), MC)), MC);
            worst = Math.max(worst, ulpsOf(LogisticFunctions.sigmoid(t), exact));
        }
        for (double t : samples(2, 400, -5, 5)) {
            BigDecimal exact = BigDecimal.ONE.divide(BigDecimal.ONE.add(BigDecimalMath.exp(new BigDecimal(-t), MC)), MC);
            worst = Math.max(worst, ulpsOf(LogisticFunctions.sigmoid(t), exact));
        }
        AccuracyLog.record("LOGIT-F5", "sigmoid(t), t in [-700, 700] and [-5, 5], 800 points", "ulps", worst, 4, BIG);
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void softplusWithinFourUlps() {
        double worst = 0;
        for (double[] range : new double[][]{{-700, 700}, {-5, 5}, {-40, -20}}) {
            for (double u : samples((long) range[0], 300, range[0], range[1])) {
                BigDecimal exact = log1pOracle(BigDecimalMath.exp(new BigDecimal(u), MC));
                worst = Math.max(worst, ulpsOf(LogisticFunctions.softplus(u), exact));
            }
        }
        AccuracyLog.record("LOGIT-F5", "softplus(u), u in [-700, 700], [-5, 5], [-40, -20]", "ulps", worst, 4, BIG);
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void logOddsWithinFourEpsOfT() {
        double worst = 0;
        for (double t : samples(3, 1000, -800, 800)) {
            // exact oracle: the log-odds of sigma(t) is t itself
            worst = Math.max(worst, Math.abs(LogisticFunctions.logOdds(t) - t) / (0x1p-52 * Math.max(1, Math.abs(t))));
        }
        for (double t : new double[]{0, -0.0, 1e-300, -1e-300, 1e-10, 36, 37, 745, -745}) {
            worst = Math.max(worst, Math.abs(LogisticFunctions.logOdds(t) - t) / (0x1p-52 * Math.max(1, Math.abs(t))));
        }
        AccuracyLog.record("LOGIT-F6", "softplus(t) - softplus(-t) vs t, t in [-800, 800] and edge values",
                "eps*max(1,|t|)", worst, 4, "exact (the log-odds equals t)");
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void logSumExpWithinFourUlps() {
        SplittableRandom r = new SplittableRandom(4);
        double worst = 0;
        for (int c = 0; c < 300; c++) {
            int k = 1 + r.nextInt(12);
            double scale = Math.pow(10, 3 * r.nextDouble() - 1);
            double[] z = new double[k];
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < k; i++) {
                z[i] = scale * (2 * r.nextDouble() - 1);
                s = s.add(BigDecimalMath.exp(new BigDecimal(z[i]), MC));
            }
            BigDecimal exact = BigDecimalMath.log(s, MC);
            double lse = LogisticFunctions.logSumExp(z);
            double err = new BigDecimal(lse).subtract(exact).abs().doubleValue();
            worst = Math.max(worst, err / Math.ulp(Math.max(1, Math.abs(exact.doubleValue()))));
        }
        AccuracyLog.record("LOGIT-F11", "log-sum-exp, k in [1,12], logits up to 1e2", "ulps of max(1,|lse|)", worst, 4, BIG);
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void binaryNllWithinFourEpsRelative() {
        SplittableRandom r = new SplittableRandom(5);
        double worst = 0;
        for (int c = 0; c < 50; c++) {
            int bigN = 1 + r.nextInt(20);
            int n = 1 + r.nextInt(4);
            double[][] x = new double[bigN][n];
            int[] y = new int[bigN];
            double[] w = new double[n];
            for (int a = 0; a < n; a++) {
                w[a] = 4 * (r.nextDouble() - 0.5);
            }
            double b = r.nextDouble() - 0.5;
            BigDecimal sum = BigDecimal.ZERO;
            for (int j = 0; j < bigN; j++) {
                y[j] = r.nextInt(2);
                BigDecimal t = new BigDecimal(b);
                for (int a = 0; a < n; a++) {
                    x[j][a] = 10 * (r.nextDouble() - 0.5);
                    t = t.add(new BigDecimal(x[j][a]).multiply(new BigDecimal(w[a])));
                }
                BigDecimal sp = BigDecimalMath.log(BigDecimal.ONE.add(BigDecimalMath.exp(t, MC)), MC);
                sum = sum.add(y[j] == 1 ? sp.subtract(t) : sp);
            }
            BigDecimal exact = sum.divide(new BigDecimal(bigN), MC);
            double err = new BigDecimal(LogisticFunctions.binaryNll(x, y, w, b)).subtract(exact).abs().doubleValue()
                    / exact.doubleValue() / 0x1p-52;
            worst = Math.max(worst, err);
        }
        AccuracyLog.record("LOGIT-F5", "mean NLL, N <= 20, |t| <= 20", "relative/eps", worst, 4, BIG);
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    /** {@code ln(1 + e)}: the alternating series for tiny {@code e} (1 + e would round away at 60 digits). */
    static BigDecimal log1pOracle(BigDecimal e) {
        if (e.compareTo(new BigDecimal("1e-12")) < 0) {
            BigDecimal s = BigDecimal.ZERO;
            BigDecimal pow = e;
            for (int k = 1; k <= 6; k++) {
                s = s.add(pow.divide(new BigDecimal(k % 2 == 1 ? k : -k), MC), MC);
                pow = pow.multiply(e, MC);
            }
            return s;
        }
        return BigDecimalMath.log(BigDecimal.ONE.add(e), MC);
    }

    /** erfc by the Maclaurin series of erf with guard digits for the cancellation {@code 1 - erf}. */
    static BigDecimal erfcOracle(BigDecimal x) {
        double xd = x.doubleValue();
        MathContext mc = new MathContext(70 + (int) Math.ceil(xd * xd / 2.302585));
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal tiny = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 1; n < 100000; n++) {
            term = term.multiply(x2, mc).divide(new BigDecimal(-n), mc);
            BigDecimal add = term.divide(new BigDecimal(2 * n + 1), mc);
            sum = sum.add(add, mc);
            if (add.abs().compareTo(tiny) < 0) {
                break;
            }
        }
        BigDecimal erf = sum.multiply(new BigDecimal(2), mc).divide(BigDecimalMath.sqrt(BigDecimalMath.pi(mc), mc), mc);
        return BigDecimal.ONE.subtract(erf, mc);
    }

    @Test
    void erfcWithinSixteenUlps() {
        double worst = 0;
        for (double[] range : new double[][]{{-6, 6}, {0.4, 0.6}, {6, 10}}) {
            for (double x : samples((long) (range[0] * 10), 60, range[0], range[1])) {
                worst = Math.max(worst, ulpsOf(ErrorFunctions.erfc(x), erfcOracle(new BigDecimal(x))));
            }
        }
        AccuracyLog.record("LOGIT-F18", "erfc(x) (numeric.ErrorFunctions), x in [-6, 10]", "ulps", worst, 16,
                "erf Maclaurin series in BigDecimal, 70+ digits plus guard digits");
        assertThat(worst).isLessThanOrEqualTo(16);
    }

    @Test
    void bayesAccuracyWithinThirtyTwoUlps() {
        SplittableRandom r = new SplittableRandom(6);
        double worst = 0;
        for (int c = 0; c < 60; c++) {
            double delta = c == 0 ? 2.5 : 0.05 + 6 * r.nextDouble();
            double p1 = c == 0 ? 0.3 : 0.02 + 0.96 * r.nextDouble();
            MathContext mc = new MathContext(80);
            BigDecimal bp1 = new BigDecimal(p1);
            BigDecimal bp0 = BigDecimal.ONE.subtract(bp1);
            BigDecimal l = BigDecimalMath.log(bp1.divide(bp0, mc), mc);
            BigDecimal d = new BigDecimal(delta);
            BigDecimal half = d.divide(new BigDecimal(2), mc);
            BigDecimal ld = l.divide(d, mc);
            BigDecimal root2 = BigDecimalMath.sqrt(new BigDecimal(2), mc);
            BigDecimal phi1 = erfcOracle(half.add(ld).negate().divide(root2, mc)).divide(new BigDecimal(2), mc);
            BigDecimal phi0 = erfcOracle(half.subtract(ld).negate().divide(root2, mc)).divide(new BigDecimal(2), mc);
            BigDecimal exact = bp1.multiply(phi1, mc).add(bp0.multiply(phi0, mc), mc);
            worst = Math.max(worst, ulpsOf(GaussianClassConditionals.accuracyFromDistance(delta, p1), exact));
        }
        AccuracyLog.record("LOGIT-F18", "Bayes accuracy from (Delta, p1), Delta in [0.05, 6], p1 in [0.02, 0.98]", "ulps",
                worst, 32, "BigDecimal, erf series, 80 digits");
        assertThat(worst).isLessThanOrEqualTo(32);
    }
}
