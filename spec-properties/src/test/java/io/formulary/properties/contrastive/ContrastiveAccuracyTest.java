package io.formulary.properties.contrastive;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.L2Normalization;
import io.formulary.core.contrastive.LinearEncoder;
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

    // ---- F5, F6, F8, F12-F16 -------------------------------------------------------------------------------------

    /** The 50-digit similarities, probabilities and the first arg-max of each row, from the same double inputs. */
    private record Exact(BigDecimal[][] s, BigDecimal[][] p, int[] argMax, double gamma) {
        static Exact of(double[][] h, double tau, boolean masked) {
            int b = h.length;
            int d = h[0].length;
            double maxNorm = 0;
            for (double[] row : h) {
                maxNorm = Math.max(maxNorm, io.formulary.core.numeric.AccurateSums.norm2(row));
            }
            double gamma = 2 * ((d + 2) * EPS * maxNorm * maxNorm / tau) + (4 * b + 2 * d + 16) * EPS;
            BigDecimal[][] hb = new BigDecimal[b][d];
            for (int i = 0; i < b; i++) {
                for (int a = 0; a < d; a++) {
                    hb[i][a] = new BigDecimal(h[i][a]);
                }
            }
            return of(hb, tau, masked, gamma);
        }

        /** From exact (50-digit) embeddings, with gamma evaluated from their rounded values. */
        static Exact of(BigDecimal[][] hb, double tau, boolean masked, double gamma) {
            int b = hb.length;
            int d = hb[0].length;
            BigDecimal[][] s = new BigDecimal[b][b];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < b; j++) {
                    BigDecimal dot = BigDecimal.ZERO;
                    for (int a = 0; a < d; a++) {
                        dot = dot.add(hb[i][a].multiply(hb[j][a], MC), MC);
                    }
                    s[i][j] = dot.divide(new BigDecimal(tau), MC);
                }
            }
            BigDecimal[][] p = new BigDecimal[b][b];
            int[] argMax = new int[b];
            for (int i = 0; i < b; i++) {
                int best = -1;
                for (int j = 0; j < b; j++) {
                    if (!(masked && i == j) && (best < 0 || s[i][j].compareTo(s[i][best]) > 0)) {
                        best = j;
                    }
                }
                argMax[i] = best;
                BigDecimal z = BigDecimal.ZERO;
                BigDecimal[] e = new BigDecimal[b];
                for (int j = 0; j < b; j++) {
                    e[j] = masked && i == j ? BigDecimal.ZERO : BigDecimalMath.exp(s[i][j].subtract(s[i][best]), MC);
                    z = z.add(e[j], MC);
                }
                for (int j = 0; j < b; j++) {
                    p[i][j] = e[j].divide(z, MC);
                }
            }
            return new Exact(s, p, argMax, gamma);
        }
    }

    /** Seeded embedding batches with interleaved pairs, mixing dominant positives and large similarities. */
    private static double[][] batch(SplittableRandom rnd, int b, int d, int trial) {
        double[][] h = ContrastiveGens.gaussian(b, d, trial % 4 == 0 ? 4 : 1, rnd);
        if (trial % 5 == 0) {
            for (int i = 0; i < b; i++) {
                h[i][0] += ((i / 2) % 2 == 0 ? 1 : -1) * 6;
            }
        }
        return h;
    }

    @Test
    void naiveLossAndGapMeetTheF4BoundPerChunkAndPerGapTerm() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 30; trial++) {
            int b = 2 * (2 + rnd.nextInt(4));
            int d = 1 + rnd.nextInt(4);
            boolean masked = rnd.nextBoolean();
            double tau = ContrastiveGens.TAUS[rnd.nextInt(ContrastiveGens.TAUS.length)];
            int[] partner = io.formulary.core.contrastive.Partners.interleaved(b);
            double[][] h = batch(rnd, b, d, trial);
            int[] chunks = ContrastiveGens.closedChunking(partner, rnd);
            String label = "B=" + b + " d=" + d + " tau=" + tau + " masked=" + masked + " chunks "
                    + java.util.Arrays.toString(chunks);
            Exact x = Exact.of(h, tau, masked);
            BigDecimal naive = BigDecimal.ZERO;
            BigDecimal gap = BigDecimal.ZERO;
            double naiveBound = 0;
            double gapBound = 0;
            int offset = 0;
            for (int c : chunks) {
                for (int i = offset; i < offset + c; i++) {
                    int best = -1;
                    for (int j = offset; j < offset + c; j++) {
                        if (!(masked && i == j) && (best < 0 || x.s()[i][j].compareTo(x.s()[i][best]) > 0)) {
                            best = j;
                        }
                    }
                    BigDecimal rest = BigDecimal.ZERO;
                    BigDecimal in = BigDecimal.ZERO;
                    BigDecimal out = BigDecimal.ZERO;
                    for (int j = 0; j < b; j++) {
                        if (masked && i == j) {
                            continue;
                        }
                        BigDecimal e = BigDecimalMath.exp(x.s()[i][j].subtract(x.s()[i][best]), MC);
                        if (j >= offset && j < offset + c) {
                            in = in.add(e, MC);
                            rest = j == best ? rest : rest.add(e, MC);
                        } else {
                            out = out.add(e, MC);
                        }
                    }
                    BigDecimal li = x.s()[i][best].subtract(x.s()[i][partner[i]])
                            .add(ContrastiveProperties.log1p(rest, MC), MC);
                    BigDecimal gi = ContrastiveProperties.log1p(out.divide(in, MC), MC);
                    naive = naive.add(li, MC);
                    gap = gap.add(gi, MC);
                    double l = li.doubleValue();
                    // F4's bound per row of the chunk: relative when the positive is the chunk's arg-max.
                    naiveBound += best == partner[i] ? x.gamma() * l : x.gamma() * (1 + l);
                    // A gap term log(1 + out/in) has no cancellation: F4's relative form.
                    gapBound += x.gamma() * gi.doubleValue();
                }
                offset += c;
            }
            ContrastiveLoss.NaiveLoss r = ContrastiveLoss.naiveLoss(h, partner, tau, masked, chunks);
            double naiveErr = Math.abs(r.naiveLoss() - naive.doubleValue());
            double gapErr = Math.abs(r.gap() - gap.doubleValue());
            AccuracyLog.record("CONTRA-F5", label + " naiveLoss", "absolute", naiveErr, naiveBound, ORACLE);
            AccuracyLog.record("CONTRA-F5", label + " gap", "absolute", gapErr, gapBound, ORACLE);
            assertThat(naiveErr).as("CONTRA-F5 %s naive loss", label).isLessThanOrEqualTo(naiveBound);
            assertThat(gapErr).as("CONTRA-F5 %s gap (exact %s)", label, gap.doubleValue()).isLessThanOrEqualTo(gapBound);
        }
    }

    @Test
    void similarityGradientAndSymmetrizedProbabilitiesMeetTheirBounds() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int trial = 0; trial < 30; trial++) {
            int b = 2 * (1 + rnd.nextInt(4));
            int d = 1 + rnd.nextInt(4);
            boolean masked = rnd.nextBoolean();
            double tau = ContrastiveGens.TAUS[rnd.nextInt(ContrastiveGens.TAUS.length)];
            int[] partner = ContrastiveGens.partner(b, masked, rnd);
            double[][] h = batch(rnd, b, d, trial);
            String label = "B=" + b + " d=" + d + " tau=" + tau + " masked=" + masked + " trial " + trial;
            Exact x = Exact.of(h, tau, masked);
            double[][] g = ContrastiveLoss.similarityGradient(h, partner, tau, masked);
            double[][] bar = ContrastiveLoss.symmetrizedProbabilities(h, partner, tau, masked);
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < b; j++) {
                    double pij = x.p()[i][j].doubleValue();
                    BigDecimal exactG = x.p()[i][j].subtract(partner[i] == j ? BigDecimal.ONE : BigDecimal.ZERO);
                    double err = Math.abs(new BigDecimal(g[i][j]).subtract(exactG).doubleValue());
                    // gamma p_ij as the chapter states, except on a target entry whose positive is not the row's
                    // arg-max: there G = p - 1 is near -1 and even its correctly rounded value is up to eps/2 away
                    // (chapterF6BoundIsUnattainableOnTargetEntries), so the rounding of the result is added.
                    double allowed = x.gamma() * pij
                            + (partner[i] == j && x.argMax()[i] != j ? 0.5 * EPS * Math.abs(exactG.doubleValue()) : 0);
                    AccuracyLog.record("CONTRA-F6", label + " [" + i + "][" + j + "]", "absolute", err, allowed, ORACLE);
                    assertThat(err).as("CONTRA-F6 %s G[%d][%d]", label, i, j).isLessThanOrEqualTo(allowed);
                    BigDecimal exactBar = x.p()[i][j].add(x.p()[j][i]).divide(BigDecimal.valueOf(2), MC);
                    double barErr = Math.abs(new BigDecimal(bar[i][j]).subtract(exactBar).doubleValue());
                    double barAllowed = x.gamma() * exactBar.doubleValue();
                    AccuracyLog.record("CONTRA-F8", label + " [" + i + "][" + j + "]", "absolute", barErr, barAllowed,
                            ORACLE);
                    assertThat(barErr).as("CONTRA-F8 %s Pbar[%d][%d]", label, i, j).isLessThanOrEqualTo(barAllowed);
                }
            }
            BigDecimal loss = BigDecimal.ZERO;
            double lossBound = 0;
            for (int i = 0; i < b; i++) {
                BigDecimal rest = BigDecimal.ZERO;
                for (int j = 0; j < b; j++) {
                    if (j != x.argMax()[i]) {
                        rest = rest.add(x.p()[i][j].divide(x.p()[i][x.argMax()[i]], MC), MC);
                    }
                }
                BigDecimal li = x.s()[i][x.argMax()[i]].subtract(x.s()[i][partner[i]])
                        .add(ContrastiveProperties.log1p(rest, MC), MC);
                loss = loss.add(li, MC);
                lossBound += x.argMax()[i] == partner[i] ? x.gamma() * li.doubleValue() : x.gamma() * (1 + li.doubleValue());
            }
            double meanErr = Math.abs(ContrastiveLoss.meanLoss(h, partner, tau, masked)
                    - loss.divide(BigDecimal.valueOf(b), MC).doubleValue());
            AccuracyLog.record("CONTRA-F15", label, "absolute", meanErr, lossBound / b, ORACLE);
            assertThat(meanErr).as("CONTRA-F15 %s", label).isLessThanOrEqualTo(lossBound / b);
        }
    }

    /**
     * The chapter's F6 bound {@code |dG_ij| <= gamma p_ij} cannot hold on a target entry whose probability is tiny:
     * {@code G_ij = p_ij - 1} lies within {@code p_ij} of {@code -1}, so the nearest double is {@code -1} itself and
     * even a correctly rounded result is {@code p_ij} away, far more than {@code gamma p_ij}. The accuracy test adds the
     * rounding of the result there ({@code eps/2 |G_ij|}).
     */
    @Test
    void chapterF6BoundIsUnattainableOnTargetEntries() {
        double[][] h = {{4, 0}, {-4, 0}, {4, 0.5}, {-4, 0.5}};
        int[] partner = {1, 0, 3, 2};
        Exact x = Exact.of(h, 0.5, false);
        BigDecimal exact = x.p()[0][1].subtract(BigDecimal.ONE);
        double nearest = exact.doubleValue();
        double unavoidable = Math.abs(new BigDecimal(nearest).subtract(exact).doubleValue());
        assertThat(nearest).isEqualTo(-1.0);
        assertThat(unavoidable).isGreaterThan(1e6 * x.gamma() * x.p()[0][1].doubleValue());
        double[][] g = ContrastiveLoss.similarityGradient(h, partner, 0.5, false);
        assertThat(g[0][1]).isEqualTo(nearest);
    }

    private static BigDecimal big(double v) {
        return new BigDecimal(v);
    }

    private static void entry(String id, String label, double actual, BigDecimal exact, double allowed) {
        double err = Math.abs(big(actual).subtract(exact).doubleValue());
        AccuracyLog.record(id, label, "absolute", err, allowed, ORACLE);
        assertThat(err).as("%s %s: actual %s, exact %s", id, label, actual, exact.doubleValue())
                .isLessThanOrEqualTo(allowed);
    }

    @Test
    void linearEncoderForwardAndBackwardMeetTheirBounds() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 40; trial++) {
            int b = 1 + rnd.nextInt(8);
            int m = 1 + rnd.nextInt(6);
            int d = 1 + rnd.nextInt(6);
            double[][] x = ContrastiveGens.gaussian(b, m, new double[] {0.3, 1, 3}[trial % 3], rnd);
            double[] theta = ContrastiveGens.gaussian(1, d * m, trial % 2 == 0 ? 0.3 : 1, rnd)[0];
            double[][] up = ContrastiveGens.gaussian(b, d, 1, rnd);
            String label = "B=" + b + " m=" + m + " d=" + d + " trial " + trial;
            double[][] h = LinearEncoder.forward(theta, x, d);
            double[] grad = LinearEncoder.backward(theta, x, d, up);
            for (int i = 0; i < b; i++) {
                for (int a = 0; a < d; a++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int c = 0; c < m; c++) {
                        exact = exact.add(big(theta[a * m + c]).multiply(big(x[i][c])));
                        abs += Math.abs(theta[a * m + c] * x[i][c]);
                    }
                    entry("CONTRA-F12", label + " h[" + i + "][" + a + "]", h[i][a], exact, (m + 2) * EPS * abs);
                }
            }
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < m; c++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int i = 0; i < b; i++) {
                        exact = exact.add(big(up[i][a]).multiply(big(x[i][c])));
                        abs += Math.abs(up[i][a] * x[i][c]);
                    }
                    entry("CONTRA-F12", label + " grad[" + (a * m + c) + "]", grad[a * m + c], exact,
                            (m + 2) * EPS * abs);
                }
            }
        }
    }

    @Test
    void tanhMlpForwardAndBackwardMeetTheirBoundsIncludingSaturatedUnits() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 60; trial++) {
            boolean dropout = trial % 3 == 2;
            mlpTrial(rnd, trial, dropout);
        }
    }

    private static void mlpTrial(SplittableRandom rnd, int trial, boolean dropout) {
        String id = dropout ? "CONTRA-F16" : "CONTRA-F13";
        int b = 1 + rnd.nextInt(6);
        int m = 1 + rnd.nextInt(6);
        int r = 1 + rnd.nextInt(8);
        int d = 1 + rnd.nextInt(6);
        double[][] x = ContrastiveGens.gaussian(b, m, new double[] {0.3, 1, 3}[trial % 3], rnd);
        // Every fourth trial scales the parameters by 8, so many hidden units saturate (|a| in the tens).
        double ps = (trial % 2 == 0 ? 0.3 : 1) * (trial % 4 == 1 ? 8 : 1);
        double[] theta = ContrastiveGens.gaussian(1, r * m + r + d * r + d, ps, rnd)[0];
        double[][] up = ContrastiveGens.gaussian(b, d, 1, rnd);
        double rho = dropout ? new double[] {0.1, 0.3, 0.5}[rnd.nextInt(3)] : 0;
        double[][] masks = ContrastiveProperties.masks(b, r, rho, rnd);
        Encoder enc = dropout ? new Encoder.DropoutTanhMlp(r, d, rho, masks) : new Encoder.TanhMlp(r, d, false);
        String label = "B=" + b + " m=" + m + " r=" + r + " d=" + d + " rho=" + rho + " trial " + trial;
        double[][] h = enc.forward(theta, x);
        double[] grad = enc.backward(theta, x, up);
        int offC = r * m;
        int offV = offC + r;
        int offE = offV + d * r;
        BigDecimal keep = BigDecimal.ONE.divide(BigDecimal.ONE.subtract(big(rho)), MC);
        BigDecimal[][] z = new BigDecimal[b][r];
        BigDecimal[][] sech2 = new BigDecimal[b][r];
        double[][] aExact = new double[b][r];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < r; k++) {
                BigDecimal a = big(theta[offC + k]);
                for (int c = 0; c < m; c++) {
                    a = a.add(big(theta[k * m + c]).multiply(big(x[i][c])));
                }
                aExact[i][k] = a.doubleValue();
                BigDecimal scale = dropout ? big(masks[i][k]).multiply(keep, MC) : BigDecimal.ONE;
                z[i][k] = BigDecimalMath.tanh(a, MC).multiply(scale, MC);
                BigDecimal cosh = BigDecimalMath.cosh(a, MC);
                sech2[i][k] = scale.divide(cosh.multiply(cosh, MC), MC);
            }
        }
        double bound = (m + r + d + 8) * EPS;
        for (int i = 0; i < b; i++) {
            for (int a = 0; a < d; a++) {
                BigDecimal exact = big(theta[offE + a]);
                double abs = Math.abs(theta[offE + a]);
                for (int k = 0; k < r; k++) {
                    exact = exact.add(big(theta[offV + a * r + k]).multiply(z[i][k], MC), MC);
                    abs += Math.abs(theta[offV + a * r + k]) * Math.abs(z[i][k].doubleValue());
                }
                entry(id, label + " h[" + i + "][" + a + "]", h[i][a], exact, bound * abs);
            }
        }
        // Backward: delta_ik = (V^T g_i)_k * mask/(1-rho) * sech^2(a_ik), with its |.|_abs alongside.
        BigDecimal[][] delta = new BigDecimal[b][r];
        double[][] deltaAbs = new double[b][r];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < r; k++) {
                BigDecimal vtg = BigDecimal.ZERO;
                double abs = 0;
                for (int a = 0; a < d; a++) {
                    vtg = vtg.add(big(theta[offV + a * r + k]).multiply(big(up[i][a])));
                    abs += Math.abs(theta[offV + a * r + k] * up[i][a]);
                }
                delta[i][k] = vtg.multiply(sech2[i][k], MC);
                // sech^2 has condition number 2|a tanh a| and a is rounded once (ulp/2): |a| eps more
                // (chapterF13GradientBoundIsUnattainableForSaturatedUnits), folded into the magnitude.
                deltaAbs[i][k] = abs * sech2[i][k].doubleValue() * (1 + Math.abs(aExact[i][k]) / (m + r + d + 8));
            }
        }
        for (int k = 0; k < r; k++) {
            BigDecimal ck = BigDecimal.ZERO;
            double ckAbs = 0;
            for (int i = 0; i < b; i++) {
                ck = ck.add(delta[i][k], MC);
                ckAbs += deltaAbs[i][k];
            }
            entry(id, label + " grad c[" + k + "]", grad[offC + k], ck, bound * ckAbs);
            for (int c = 0; c < m; c++) {
                BigDecimal u = BigDecimal.ZERO;
                double uAbs = 0;
                for (int i = 0; i < b; i++) {
                    u = u.add(delta[i][k].multiply(big(x[i][c]), MC), MC);
                    uAbs += deltaAbs[i][k] * Math.abs(x[i][c]);
                }
                entry(id, label + " grad U[" + k + "][" + c + "]", grad[k * m + c], u, bound * uAbs);
            }
        }
        for (int a = 0; a < d; a++) {
            BigDecimal e = BigDecimal.ZERO;
            double eAbs = 0;
            for (int i = 0; i < b; i++) {
                e = e.add(big(up[i][a]));
                eAbs += Math.abs(up[i][a]);
            }
            entry(id, label + " grad e[" + a + "]", grad[offE + a], e, bound * eAbs);
            for (int k = 0; k < r; k++) {
                BigDecimal v = BigDecimal.ZERO;
                double vAbs = 0;
                for (int i = 0; i < b; i++) {
                    v = v.add(big(up[i][a]).multiply(z[i][k], MC), MC);
                    vAbs += Math.abs(up[i][a] * z[i][k].doubleValue());
                }
                entry(id, label + " grad V[" + a + "][" + k + "]", grad[offV + a * r + k], v, bound * vAbs);
            }
        }
    }

    @Test
    void normalizationAndItsVectorJacobianProductMeetTheirBounds() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int trial = 0; trial < 60; trial++) {
            int b = 1 + rnd.nextInt(6);
            int d = 1 + rnd.nextInt(6);
            // Extreme scales check the scaled norm: squares of 1e200 overflow, of 1e-200 underflow.
            double scale = new double[] {1, 3, 1e-200, 1e200}[trial % 4];
            double[][] y = ContrastiveGens.gaussian(b, d, scale, rnd);
            double[][] up = ContrastiveGens.gaussian(b, d, 1, rnd);
            String label = "B=" + b + " d=" + d + " scale=" + scale + " trial " + trial;
            double[][] h = L2Normalization.forward(y);
            double[][] vjp = L2Normalization.vectorJacobianProduct(y, up);
            double bound = (d + 6) * EPS;
            for (int i = 0; i < b; i++) {
                // Scaled by an exact power of two: big-math's sqrt returns 0 for arguments near 1e-400.
                int e = Math.getExponent(io.formulary.core.numeric.AccurateSums.maxAbs(y[i]));
                BigDecimal sq = BigDecimal.ZERO;
                for (double v : y[i]) {
                    BigDecimal sv = big(Math.scalb(v, -e));
                    sq = sq.add(sv.multiply(sv));
                }
                BigDecimal norm = BigDecimalMath.sqrt(sq, MC).multiply(big(Math.scalb(1.0, e)));
                BigDecimal[] hx = new BigDecimal[d];
                BigDecimal hg = BigDecimal.ZERO;
                double hgAbs = 0;
                for (int a = 0; a < d; a++) {
                    hx[a] = big(y[i][a]).divide(norm, MC);
                    hg = hg.add(hx[a].multiply(big(up[i][a]), MC), MC);
                    hgAbs += Math.abs(hx[a].doubleValue() * up[i][a]);
                }
                for (int a = 0; a < d; a++) {
                    entry("CONTRA-F14", label + " h[" + i + "][" + a + "]", h[i][a], hx[a],
                            bound * Math.abs(hx[a].doubleValue()));
                    BigDecimal exact = big(up[i][a]).subtract(hx[a].multiply(hg, MC), MC).divide(norm, MC);
                    double abs = (Math.abs(up[i][a]) + Math.abs(hx[a].doubleValue()) * hgAbs) / norm.doubleValue();
                    entry("CONTRA-F14", label + " vjp[" + i + "][" + a + "]", vjp[i][a], exact, bound * abs);
                }
            }
        }
    }

    /**
     * The bias joins the compensated dot product: with {@code U x = 1 + 2^-60} (not a double) and {@code c = -1},
     * {@code a = 2^-60}. Rounding {@code U x} first gave {@code a = 0} and {@code h = 0}, a 100% error against the
     * F13 bound {@code (m+r+d+8) eps |h|_abs}.
     */
    @Test
    void cancellingPreActivationKeepsTheF13ForwardBound() {
        double t = 0x1p-30;
        // U = (1, 2^-30), c = -1, V = 1, e = 0; x = (1, 2^-30).
        double[] theta = {1, t, -1, 1, 0};
        double[][] x = {{1, t}};
        double[][] h = TanhMlpEncoderAccess.forward(theta, x);
        BigDecimal exact = BigDecimalMath.tanh(big(0x1p-60), MC);
        entry("CONTRA-F13", "cancelling pre-activation", h[0][0], exact, (2 + 1 + 1 + 8) * EPS * exact.doubleValue());
    }

    /**
     * The chapter's F13/F16 gradient bound {@code (m+r+d+8) eps |.|_abs} cannot hold for saturated units: the
     * pre-activation {@code a = U x + c} is rounded to a double (here exactly {@code 30 + 0.9 * 2^-49} becomes 30),
     * and {@code sech^2} has condition number {@code 2 |a tanh a|}, so even the exact {@code sech^2} of the correctly
     * rounded {@code a} is {@code ~14 eps} away, over the bound {@code 11 eps} for {@code m = r = d = 1}. The accuracy
     * test therefore adds that conditioning, {@code |a_ik| eps}, to every term that goes through {@code sech^2(a_ik)}.
     */
    @Test
    void chapterF13GradientBoundIsUnattainableForSaturatedUnits() {
        double c = 0.9 * 0x1p-49;
        // U = 30, c, V = 1, e = 0; x = 1; upstream 1: grad_c = sech^2(30 + c).
        double[] theta = {30, c, 1, 0};
        double[][] x = {{1}};
        BigDecimal a = big(30).add(big(c));
        assertThat(a.doubleValue()).isEqualTo(30.0);
        BigDecimal coshExact = BigDecimalMath.cosh(a, MC);
        BigDecimal exact = BigDecimal.ONE.divide(coshExact.multiply(coshExact, MC), MC);
        BigDecimal cosh30 = BigDecimalMath.cosh(big(30), MC);
        BigDecimal ofRounded = BigDecimal.ONE.divide(cosh30.multiply(cosh30, MC), MC);
        double unavoidable = ofRounded.subtract(exact).abs().divide(exact, MC).doubleValue();
        assertThat(unavoidable).isGreaterThan(11 * EPS);
        double[] grad = new Encoder.TanhMlp(1, 1, false).backward(theta, x, new double[][] {{1}});
        entry("CONTRA-F13", "saturated unit, grad c", grad[1], exact, (11 + 30) * EPS * exact.doubleValue());
    }

    /** Access to the plain MLP forward pass (CONTRA-F13) with {@code r = d = 1}. */
    private static final class TanhMlpEncoderAccess {
        static double[][] forward(double[] theta, double[][] x) {
            return io.formulary.core.contrastive.TanhMlpEncoder.forward(theta, x, 1, 1, false);
        }
    }

    /**
     * CONTRA-F11 for the linear encoder: the two-pass gradient for random chunkings against {@code g = Htilde^T X}
     * from exact embeddings {@code H = X W^T}, within {@code (2 gamma + (N_theta + 4) eps) |g_k|_abs}, and the loss
     * it returns within F4's bound.
     */
    @Test
    void twoPassGradientAndLossMeetTheF11Bound() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            int b = 2 * (1 + rnd.nextInt(5));
            int m = 1 + rnd.nextInt(5);
            int d = 1 + rnd.nextInt(4);
            boolean masked = rnd.nextBoolean();
            double tau = ContrastiveGens.TAUS[rnd.nextInt(ContrastiveGens.TAUS.length)];
            int[] partner = ContrastiveGens.partner(b, masked, rnd);
            double[][] x = ContrastiveGens.gaussian(b, m, new double[] {0.3, 1, 3}[trial % 3], rnd);
            double[] w = ContrastiveGens.gaussian(1, d * m, trial % 2 == 0 ? 0.3 : 1, rnd)[0];
            int[] chunks = ContrastiveGens.chunking(b, rnd);
            String label = "B=" + b + " m=" + m + " d=" + d + " tau=" + tau + " masked=" + masked + " chunks "
                    + java.util.Arrays.toString(chunks);
            BigDecimal[][] hb = new BigDecimal[b][d];
            double[][] h = new double[b][d];
            for (int i = 0; i < b; i++) {
                for (int a = 0; a < d; a++) {
                    hb[i][a] = BigDecimal.ZERO;
                    for (int c = 0; c < m; c++) {
                        hb[i][a] = hb[i][a].add(big(w[a * m + c]).multiply(big(x[i][c])));
                    }
                    h[i][a] = hb[i][a].doubleValue();
                }
            }
            Exact ex = Exact.of(hb, tau, masked, Exact.of(h, tau, masked).gamma());
            BigDecimal[][] ht = new BigDecimal[b][d];
            double[][] htAbs = new double[b][d];
            for (int i = 0; i < b; i++) {
                for (int a = 0; a < d; a++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    double abs = 0;
                    for (int j = 0; j < b; j++) {
                        BigDecimal coeff = ex.p()[i][j].add(ex.p()[j][i])
                                .subtract(partner[i] == j ? BigDecimal.valueOf(2) : BigDecimal.ZERO);
                        sum = sum.add(coeff.multiply(hb[j][a], MC), MC);
                        abs += (ex.p()[i][j].doubleValue() + ex.p()[j][i].doubleValue() + (partner[i] == j ? 2 : 0))
                                * Math.abs(h[j][a]);
                    }
                    ht[i][a] = sum.divide(big(tau), MC);
                    htAbs[i][a] = abs / tau;
                }
            }
            io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss r =
                    io.formulary.core.contrastive.GradientAccumulation.twoPass(
                            io.formulary.core.contrastive.GradientAccumulation.EncoderKind.LINEAR, 1, d, false, w, x,
                            partner, tau, masked, chunks);
            double bound = 2 * ex.gamma() + (d * m + 4) * EPS;
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < m; c++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int i = 0; i < b; i++) {
                        exact = exact.add(ht[i][a].multiply(big(x[i][c]), MC), MC);
                        abs += htAbs[i][a] * Math.abs(x[i][c]);
                    }
                    entry("CONTRA-F11", label + " grad[" + (a * m + c) + "]", r.grad()[a * m + c], exact, bound * abs);
                }
            }
            BigDecimal loss = BigDecimal.ZERO;
            double lossBound = 0;
            for (int i = 0; i < b; i++) {
                int best = ex.argMax()[i];
                BigDecimal rest = BigDecimal.ZERO;
                for (int j = 0; j < b; j++) {
                    if (j != best) {
                        rest = rest.add(ex.p()[i][j].divide(ex.p()[i][best], MC), MC);
                    }
                }
                BigDecimal li = ex.s()[i][best].subtract(ex.s()[i][partner[i]]).add(ContrastiveProperties.log1p(rest, MC), MC);
                loss = loss.add(li, MC);
                lossBound += best == partner[i] ? ex.gamma() * li.doubleValue() : ex.gamma() * (1 + li.doubleValue());
            }
            entry("CONTRA-F11", label + " loss", r.loss(), loss, lossBound);
        }
    }
}
