package io.formulary.properties.contrastive;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error bounds of CONTRA-F2, F3, F4, F7, F9 and F10 checked against a 50-digit evaluation from the same double
 * inputs (exact products and sums in BigDecimal, exp and log from big-math), on seeded random batches that include
 * dominant positives (tiny losses) and large similarities.
 */
class ContrastiveAccuracyTest {

    private static final MathContext MC = new MathContext(50);
    private static final double EPS = 0x1p-52;
    private static final String ORACLE = "BigDecimal, 50 digits (big-math exp/log)";

    @Test
    void everyScalarAndMatrixFormulaMeetsItsBound() {
        SplittableRandom rnd = new SplittableRandom(20210617);
        for (int trial = 0; trial < 40; trial++) {
            int b = 2 * (1 + rnd.nextInt(4));
            int d = 1 + rnd.nextInt(4);
            boolean masked = rnd.nextBoolean();
            double tau = ContrastiveGens.TAUS[rnd.nextInt(ContrastiveGens.TAUS.length)];
            int[] partner = ContrastiveGens.partner(b, masked, rnd);
            double scale = trial % 4 == 0 ? 4 : 1;
            double[][] h = ContrastiveGens.gaussian(b, d, scale, rnd);
            if (trial % 5 == 0) {
                // dominant positives: pairs share a large common component
                for (int i = 0; i < b; i++) {
                    h[i][0] += (Math.min(i, partner[i]) % 2 == 0 ? 1 : -1) * 6;
                }
            }
            check("B=" + b + " d=" + d + " tau=" + tau + " masked=" + masked + " trial " + trial, h, partner, tau, masked);
        }
    }

    private static void check(String label, double[][] h, int[] partner, double tau, boolean masked) {
        int b = h.length;
        int d = h[0].length;
        double maxNorm = 0;
        for (double[] row : h) {
            maxNorm = Math.max(maxNorm, io.formulary.core.numeric.AccurateSums.norm2(row));
        }
        double sigma = (d + 2) * EPS * maxNorm * maxNorm / tau;
        double gamma = 2 * sigma + (4 * b + 2 * d + 16) * EPS;

        BigDecimal[][] s = new BigDecimal[b][b];
        BigDecimal bt = new BigDecimal(tau);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                BigDecimal dot = BigDecimal.ZERO;
                for (int a = 0; a < d; a++) {
                    dot = dot.add(new BigDecimal(h[i][a]).multiply(new BigDecimal(h[j][a])));
                }
                s[i][j] = dot.divide(bt, MC);
            }
        }
        double[][] sRef = ContrastiveLoss.similarity(h, tau);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double err = Math.abs(sRef[i][j] - s[i][j].doubleValue());
                AccuracyLog.record("CONTRA-F2", label, "absolute", err, sigma, ORACLE);
                assertThat(err).as("CONTRA-F2 %s s[%d][%d]", label, i, j).isLessThanOrEqualTo(sigma);
            }
        }
        // Exact probabilities and row losses.
        BigDecimal[][] p = new BigDecimal[b][b];
        BigDecimal[] rowLoss = new BigDecimal[b];
        boolean[] positiveIsMax = new boolean[b];
        for (int i = 0; i < b; i++) {
            BigDecimal m = null;
            for (int j = 0; j < b; j++) {
                if (!(masked && i == j) && (m == null || s[i][j].compareTo(m) > 0)) {
                    m = s[i][j];
                }
            }
            BigDecimal rest = BigDecimal.ZERO;
            BigDecimal z = BigDecimal.ZERO;
            boolean seenMax = false;
            for (int j = 0; j < b; j++) {
                if (masked && i == j) {
                    continue;
                }
                BigDecimal e = BigDecimalMath.exp(s[i][j].subtract(m, MC), MC);
                z = z.add(e, MC);
                if (!seenMax && s[i][j].compareTo(m) == 0) {
                    seenMax = true;
                } else {
                    rest = rest.add(e, MC);
                }
            }
            for (int j = 0; j < b; j++) {
                p[i][j] = masked && i == j ? BigDecimal.ZERO
                        : BigDecimalMath.exp(s[i][j].subtract(m, MC), MC).divide(z, MC);
            }
            rowLoss[i] = m.subtract(s[i][partner[i]], MC).add(ContrastiveProperties.log1p(rest, MC), MC);
            positiveIsMax[i] = s[i][partner[i]].compareTo(m) == 0;
        }
        double[][] pRef = ContrastiveLoss.probabilities(h, tau, masked);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double exact = p[i][j].doubleValue();
                double err = Math.abs(pRef[i][j] - exact);
                if (exact > 0) {
                    AccuracyLog.record("CONTRA-F3", label, "relative", err / exact, gamma, ORACLE);
                }
                assertThat(err).as("CONTRA-F3 %s p[%d][%d]", label, i, j).isLessThanOrEqualTo(gamma * exact);
            }
        }
        double[] lRef = ContrastiveLoss.rowLosses(h, partner, tau, masked);
        for (int i = 0; i < b; i++) {
            double exact = rowLoss[i].doubleValue();
            double allowed = positiveIsMax[i] ? gamma * exact : gamma * (1 + exact);
            double err = Math.abs(lRef[i] - exact);
            if (exact > 0) {
                AccuracyLog.record("CONTRA-F4", label + " row " + i, "relative", err / exact, allowed / exact, ORACLE);
            }
            assertThat(err).as("CONTRA-F4 %s L_%d (exact %s)", label, i, exact).isLessThanOrEqualTo(allowed);
        }
        // V_sg, htilde, V_h with their |.|_abs scales.
        BigDecimal vsg = BigDecimal.ZERO;
        double vsgAbs = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                BigDecimal g = p[i][j].subtract(partner[i] == j ? BigDecimal.ONE : BigDecimal.ZERO);
                vsg = vsg.add(g.multiply(s[i][j], MC), MC);
                // |V_sg|_abs: every term of sum p s - sum t s replaced by its absolute value
                vsgAbs += (p[i][j].doubleValue() + (partner[i] == j ? 1 : 0)) * Math.abs(s[i][j].doubleValue());
            }
        }
        double vsgErr = Math.abs(ContrastiveLoss.stopGradientSurrogateValue(h, partner, tau, masked) - vsg.doubleValue());
        AccuracyLog.record("CONTRA-F7", label, "absolute", vsgErr, gamma * vsgAbs, ORACLE);
        assertThat(vsgErr).as("CONTRA-F7 %s", label).isLessThanOrEqualTo(gamma * vsgAbs);

        double[][] htRef = ContrastiveLoss.labelVectors(h, partner, tau, masked);
        BigDecimal vh = BigDecimal.ZERO;
        double vhAbs = 0;
        for (int i = 0; i < b; i++) {
            for (int a = 0; a < d; a++) {
                BigDecimal sum = BigDecimal.ZERO;
                double abs = 0;
                for (int j = 0; j < b; j++) {
                    BigDecimal gij = p[i][j].subtract(partner[i] == j ? BigDecimal.ONE : BigDecimal.ZERO);
                    BigDecimal gji = p[j][i].subtract(partner[j] == i ? BigDecimal.ONE : BigDecimal.ZERO);
                    BigDecimal coeff = gij.add(gji, MC);
                    sum = sum.add(coeff.multiply(new BigDecimal(h[j][a]), MC), MC);
                    double pt = p[i][j].doubleValue() + p[j][i].doubleValue() + (partner[i] == j ? 2 : 0);
                    abs += pt * Math.abs(h[j][a]);
                }
                BigDecimal exact = sum.divide(bt, MC);
                double allowed = 2 * gamma * abs / tau;
                double err = Math.abs(htRef[i][a] - exact.doubleValue());
                AccuracyLog.record("CONTRA-F9", label + " [" + i + "][" + a + "]", "absolute", err, allowed, ORACLE);
                assertThat(err).as("CONTRA-F9 %s htilde[%d][%d]", label, i, a).isLessThanOrEqualTo(allowed);
                vh = vh.add(exact.multiply(new BigDecimal(h[i][a]), MC), MC);
                vhAbs += abs / tau * Math.abs(h[i][a]);
            }
        }
        double vhErr = Math.abs(ContrastiveLoss.perSampleSurrogateValue(h, partner, tau, masked) - vh.doubleValue());
        AccuracyLog.record("CONTRA-F10", label, "absolute", vhErr, 2 * gamma * vhAbs, ORACLE);
        assertThat(vhErr).as("CONTRA-F10 %s", label).isLessThanOrEqualTo(2 * gamma * vhAbs);
    }
}
