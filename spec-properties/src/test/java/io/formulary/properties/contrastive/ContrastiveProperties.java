package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.core.contrastive.ContrastiveLoss.NaiveLoss;
import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.FiniteDifference;
import io.formulary.core.contrastive.GradientAccumulation;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import io.formulary.properties.contrastive.ContrastiveGens.Case;
import io.formulary.properties.contrastive.ContrastiveGens.EmbeddingCase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import ch.obermuhlner.math.big.BigDecimalMath;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.ToleranceAssert.assertWithin;
import static io.formulary.properties.ToleranceAssert.assertWithinNormwise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The properties of chapter CONTRA, one method per property ID, written against {@link ContrastiveContract}.
 */
public class ContrastiveProperties {

    static final double EPS = 0x1p-52;
    /** The configured subject (the reference unless another is plugged in); JUnit needs a single constructor. */
    private ContrastiveContract subject = Subjects.of(ContrastiveContract.class, ReferenceContrastive::new);

    /** The same properties against the given subject (used by the mutant tests). */
    public static ContrastiveProperties against(ContrastiveContract subject) {
        ContrastiveProperties p = new ContrastiveProperties();
        p.subject = subject;
        return p;
    }

    // ---- shared pieces -------------------------------------------------------------------------------------

    private GradientAndLoss fullBatch(Case c) {
        return subject.twoPass(c.kind(), c.r(), c.d(), c.normalize(), c.theta(), c.X(), c.partner(), c.tau(), c.masked(),
                new int[] {c.b()});
    }

    private GradientAndLoss twoPass(Case c, int[] chunks) {
        return subject.twoPass(c.kind(), c.r(), c.d(), c.normalize(), c.theta(), c.X(), c.partner(), c.tau(), c.masked(),
                chunks);
    }

    /** CONTRA-P1's tolerance for one finite-difference partial. */
    static void assertFiniteDifference(String id, String what, ToDoubleFunction<double[]> f, double[] point, int k,
                                       double analytic, double magnitudeA) {
        double g1 = FiniteDifference.partial(f, point, k, 1);
        double g2 = FiniteDifference.partial(f, point, k, 2);
        double h = FiniteDifference.step(point[k]);
        double tol = 1e-6 * (1 + Math.abs(analytic)) + 16 * EPS * magnitudeA / h + Math.abs(g2 - g1);
        assertWithin(id, what + "[" + k + "]", g1, analytic, Tolerance.absolute(tol));
    }

    /** The per-sample contributions {@code J_i^T htilde_i}, whose sizes bound the rounding of any summation order. */
    static double contributionMagnitude(Case c) {
        return contributionMagnitude(c.encoder(), c.theta(), c.X(), c.partner(), c.tau(), c.masked());
    }

    /** {@code sum_i ||J_i^T htilde_i||_inf} for any encoder (dropout masks follow their samples). */
    static double contributionMagnitude(Encoder e, double[] theta, double[][] x, int[] partner, double tau,
                                        boolean masked) {
        double sum = 0;
        for (double v : contributionMagnitudes(e, theta, x, partner, tau, masked)) {
            sum += v;
        }
        return sum;
    }

    /** Per sample {@code ||J_i^T htilde_i||_inf}. */
    static double[] contributionMagnitudes(Encoder e, double[] theta, double[][] x, int[] partner, double tau,
                                           boolean masked) {
        double[][] labels = ContrastiveLoss.labelVectors(e.forward(theta, x), partner, tau, masked);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = AccurateSums.maxAbs(e.rows(i, i + 1).backward(theta, new double[][] {x[i]},
                    new double[][] {labels[i]}));
        }
        return out;
    }

    /**
     * The chapter's {@code |g_k|_abs} of every gradient entry: the backward pass of the encoder with every term
     * replaced by its absolute value, fed with {@code |htilde|_abs} (through the normalisation as
     * {@code (|g| + |h| <|h|, |g|>) / ||y||}, through the MLP as {@code (|V|^T |g|) sech^2 a}). A sample-level sum of
     * {@code |J_i^T htilde_i|} is not enough: with m = 1 and normalisation the gradient is exactly 0 and every
     * sample's contribution is rounding noise.
     */
    static double[] gradientEntryMagnitudes(Case c) {
        double[][] h = c.embeddings();
        double[][] up = labelEntryMagnitudes(h, c.partner(), c.tau(), c.masked());
        int b = c.b();
        int m = c.X()[0].length;
        int d = c.d();
        double[][] x = c.X();
        double[] t = c.theta();
        if (c.normalize()) {
            double[][] y = GradientAccumulation.encoder(c.kind(), c.r(), d, false).forward(t, x);
            for (int i = 0; i < b; i++) {
                double n = AccurateSums.norm2(y[i]);
                double hg = 0;
                for (int a = 0; a < d; a++) {
                    hg += Math.abs(h[i][a]) * up[i][a];
                }
                for (int a = 0; a < d; a++) {
                    up[i][a] = (up[i][a] + Math.abs(h[i][a]) * hg) / n;
                }
            }
        }
        double[] out = new double[t.length];
        if (c.kind() == EncoderKind.LINEAR) {
            for (int a = 0; a < d; a++) {
                for (int k = 0; k < m; k++) {
                    for (int i = 0; i < b; i++) {
                        out[a * m + k] += up[i][a] * Math.abs(x[i][k]);
                    }
                }
            }
            return out;
        }
        int r = c.r();
        int offC = r * m;
        int offV = offC + r;
        int offE = offV + d * r;
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < r; k++) {
                double pre = t[offC + k];
                for (int q = 0; q < m; q++) {
                    pre += t[k * m + q] * x[i][q];
                }
                double cosh = StrictMath.cosh(pre);
                double vg = 0;
                for (int a = 0; a < d; a++) {
                    vg += Math.abs(t[offV + a * r + k]) * up[i][a];
                    out[offV + a * r + k] += up[i][a] * Math.abs(StrictMath.tanh(pre));
                }
                double delta = vg / (cosh * cosh);
                out[offC + k] += delta;
                for (int q = 0; q < m; q++) {
                    out[k * m + q] += delta * Math.abs(x[i][q]);
                }
            }
            for (int a = 0; a < d; a++) {
                out[offE + a] += up[i][a];
            }
        }
        return out;
    }

    /** {@code |htilde_ia|_abs = (1/tau) sum_j (p_ij + p_ji + 2 t_ij) |h_ja|}, the chapter's per-entry magnitude. */
    static double[][] labelEntryMagnitudes(double[][] h, int[] partner, double tau, boolean masked) {
        double[][] p = ContrastiveLoss.probabilities(h, tau, masked);
        int b = h.length;
        int d = h[0].length;
        double[][] out = new double[b][d];
        for (int i = 0; i < b; i++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int j = 0; j < b; j++) {
                    s += (p[i][j] + p[j][i] + (partner[i] == j ? 2 : 0)) * Math.abs(h[j][a]);
                }
                out[i][a] = s / tau;
            }
        }
        return out;
    }

    /** {@code gamma = 2 sigma_s + (4B + 2d + 16) eps} of the chapter's error-bound notation. */
    static double gamma(double[][] h, double tau) {
        double maxNorm = 0;
        for (double[] row : h) {
            maxNorm = Math.max(maxNorm, AccurateSums.norm2(row));
        }
        double sigma = (h[0].length + 2) * EPS * maxNorm * maxNorm / tau;
        return 2 * sigma + (4 * h.length + 2 * h[0].length + 16) * EPS;
    }

    // ---- properties ------------------------------------------------------------------------------------------

    @Property
    @Tag("CONTRA-P1")
    @DisplayName("CONTRA-P1: the analytic parameter gradient matches central finite differences (both encoders, both variants)")
    public void parameterGradientMatchesFiniteDifferences() {
        qt(PropertyPolicy.examples(0.25)).forAll(ContrastiveGens.cases(12)).checkAssert(c -> {
            double[] g = fullBatch(c).grad();
            double a = ContrastiveLoss.roundingMagnitude(c.embeddings(), c.partner(), c.tau(), c.masked());
            ToDoubleFunction<double[]> loss = t -> subject.loss(
                    subject.embed(c.kind(), c.r(), c.d(), c.normalize(), t, c.X()), c.partner(), c.tau(), c.masked());
            for (int k = 0; k < g.length; k++) {
                assertFiniteDifference("CONTRA-P1", "grad", loss, c.theta(), k, g[k], a);
            }
        });
    }

    @Property
    @Tag("CONTRA-P2")
    @DisplayName("CONTRA-P2: the label vectors are the gradient of the loss with respect to the embeddings")
    public void labelVectorsAreTheEmbeddingGradient() {
        qt(PropertyPolicy.examples(0.25)).forAll(ContrastiveGens.embeddingCases(12)).checkAssert(e -> {
            double[][] labels = subject.labelVectors(e.H(), e.partner(), e.tau(), e.masked());
            double a = ContrastiveLoss.roundingMagnitude(e.H(), e.partner(), e.tau(), e.masked());
            int d = e.H()[0].length;
            double[] flat = flatten(e.H());
            ToDoubleFunction<double[]> loss = v -> subject.loss(unflatten(v, d), e.partner(), e.tau(), e.masked());
            for (int k = 0; k < flat.length; k++) {
                assertFiniteDifference("CONTRA-P2", "htilde", loss, flat, k, labels[k / d][k % d], a);
            }
        });
    }

    @Property
    @Tag("CONTRA-P3")
    @DisplayName("CONTRA-P3: two-pass accumulation equals the full-batch gradient for every chunking")
    public void accumulationEqualsFullBatch() {
        qt().forAll(ContrastiveGens.cases(64), longs().all()).checkAssert((c, seed) -> {
            int[] chunks = ContrastiveGens.chunking(c.b(), new SplittableRandom(seed));
            double[] full = fullBatch(c).grad();
            double[] acc = twoPass(c, chunks).grad();
            double bound = 4 * c.b() * EPS * contributionMagnitude(c);
            assertWithin("CONTRA-P3", "grad (chunks " + java.util.Arrays.toString(chunks) + ")", acc, full,
                    Tolerance.absolute(bound));
        });
        // Errata 7 (mean vs sum) on G1 with chunks [3, 1]: dividing every chunk contribution by the full B gives
        // the mean-loss gradient g/B; averaging per-chunk means, (1/n) sum_k g_k / c_k, weights the chunks unequally.
        double[][] labels = subject.labelVectors(ContrastiveGolden.G1_H, ContrastiveGolden.PARTNER, 0.5, false);
        double[][] x = ContrastiveGolden.X;
        double[] g1 = io.formulary.core.contrastive.LinearEncoder.backward(ContrastiveGolden.G1_W,
                java.util.Arrays.copyOfRange(x, 0, 3), 2, java.util.Arrays.copyOfRange(labels, 0, 3));
        double[] g2 = io.formulary.core.contrastive.LinearEncoder.backward(ContrastiveGolden.G1_W,
                java.util.Arrays.copyOfRange(x, 3, 4), 2, java.util.Arrays.copyOfRange(labels, 3, 4));
        double[] g = subject.twoPass(EncoderKind.LINEAR, 1, 2, false, ContrastiveGolden.G1_W, x,
                ContrastiveGolden.PARTNER, 0.5, false, new int[] {3, 1}).grad();
        double[] byFullB = new double[g.length];
        double[] perChunkMeans = new double[g.length];
        double[] mean = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            byFullB[k] = g1[k] / 4 + g2[k] / 4;
            perChunkMeans[k] = (g1[k] / 3 + g2[k] / 1) / 2;
            mean[k] = g[k] / 4;
        }
        PropertyHarness.examples(1);
        assertWithin("CONTRA-P3", "G1 [3,1]: chunk contributions / B = grad(L/B)", byFullB, mean,
                Tolerance.absolute(16 * EPS * AccurateSums.maxAbs(mean)));
        assertThat(AccurateSums.norm2(diff(perChunkMeans, mean))).as("CONTRA-P3 Errata 7: per-chunk means on [3,1]")
                .isGreaterThan(0.1 * AccurateSums.norm2(mean));
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    @Property
    @Tag("CONTRA-P4")
    @DisplayName("CONTRA-P4: chunk order and pass-1 forward chunking change the gradient only by rounding")
    public void chunkOrderAndForwardChunkingDoNotMatter() {
        qt().forAll(ContrastiveGens.cases(64), longs().all()).checkAssert((c, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] chunks = ContrastiveGens.chunking(c.b(), rnd);
            int[] reversed = new int[chunks.length];
            for (int k = 0; k < chunks.length; k++) {
                reversed[k] = chunks[chunks.length - 1 - k];
            }
            int[] forward = ContrastiveGens.chunking(c.b(), rnd);
            double[] base = twoPass(c, chunks).grad();
            double bound = 4 * c.b() * EPS * contributionMagnitude(c);
            assertWithin("CONTRA-P4", "grad with chunks reversed", twoPass(c, reversed).grad(), base,
                    Tolerance.absolute(bound));
            GradientAndLoss chunkedForward = subject.twoPassWithForwardChunks(c.kind(), c.r(), c.d(), c.normalize(),
                    c.theta(), c.X(), c.partner(), c.tau(), c.masked(), chunks, forward);
            assertWithin("CONTRA-P4", "grad with pass-1 forward chunks", chunkedForward.grad(), base,
                    Tolerance.absolute(bound));
        });
    }

    @Property
    @Tag("CONTRA-P5")
    @DisplayName("CONTRA-P5: naive per-chunk accumulation is wrong: its loss is smaller by the closed-form gap and its gradient differs")
    public void naiveAccumulationIsWrong() {
        qt().forAll(ContrastiveGens.cases(32), longs().all()).checkAssert((c0, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            // Interleaved pairs, so pi-closed chunkings with at least two chunks exist for every even B >= 4.
            int b = Math.max(4, c0.b() - c0.b() % 2);
            Case c = resized(c0, b, rnd);
            int[] chunks;
            do {
                chunks = ContrastiveGens.closedChunking(c.partner(), rnd);
            } while (chunks.length < 2);
            double loss = subject.loss(c.embeddings(), c.partner(), c.tau(), c.masked());
            NaiveLoss naive = subject.naiveLoss(c.embeddings(), c.partner(), c.tau(), c.masked(), chunks);
            double abs = 4 * b * EPS * (loss + naive.naiveLoss());
            assertWithin("CONTRA-P5", "L - L_naive vs closed-form gap", loss - naive.naiveLoss(), naive.gap(),
                    Tolerance.of(abs, 1e-12));
            if (naive.gap() > abs) {
                assertThat(naive.naiveLoss()).as("CONTRA-P5 L_naive < L").isLessThan(loss);
            }
            double[] g = fullBatch(c).grad();
            double[] gn = subject.naiveGradient(c.kind(), c.r(), c.d(), c.normalize(), c.theta(), c.X(), c.partner(),
                    c.tau(), c.masked(), chunks).grad();
            double[] diff = new double[g.length];
            for (int k = 0; k < g.length; k++) {
                diff[k] = gn[k] - g[k];
            }
            // "Generic" inputs: the rows keep non-negligible probability outside their chunk. When every positive
            // dominates by tens of logits the naive gradient differs from g only by e^(-gap), below any threshold.
            // Nor is a gradient that vanishes identically generic: with m = 1 and normalisation every h_i is
            // +-W/||W||, the loss is constant in theta, and g and g_naive are both rounding noise (found with 2000
            // random examples).
            double[] gm = gradientEntryMagnitudes(c);
            boolean vanishing = AccurateSums.maxAbs(g) <= 1e-10 * AccurateSums.maxAbs(gm);
            if (vanishing) {
                PropertyHarness.regime("vanishing gradient");
            }
            if (naive.gap() > 1e-6 && !vanishing) {
                PropertyHarness.regime("naive gap > 1e-6");
                assertThat(AccurateSums.norm2(diff)).as("CONTRA-P5 ||g_naive - g|| for chunks %s",
                        java.util.Arrays.toString(chunks)).isGreaterThan(1e-8 * AccurateSums.norm2(g));
            }
        });
        // The golden case of the chapter: G1, chunks [2,2], unmasked.
        NaiveLoss golden = subject.naiveLoss(ContrastiveGolden.G1_H, ContrastiveGolden.PARTNER, 0.5, false, new int[] {2, 2});
        assertWithin("CONTRA-P5", "G1 naive loss", golden.naiveLoss(), 12.116972309819738763, Tolerance.relative(8 * EPS));
    }

    @Property
    @Tag("CONTRA-P6")
    @DisplayName("CONTRA-P6: both surrogates have the loss gradient, V_h = 2 V_sg, and V_h is not the loss (it can be negative)")
    public void surrogatesShareTheGradientNotTheValue() {
        qt(PropertyPolicy.examples(0.25)).forAll(ContrastiveGens.cases(10)).checkAssert(c -> {
            double[] g = fullBatch(c).grad();
            double[][] h0 = c.embeddings();
            // G = P - T from the subject's probabilities, frozen at theta0 (the sg of L_sg).
            double[][] gSim = subject.probabilities(h0, c.tau(), c.masked());
            for (int i = 0; i < gSim.length; i++) {
                gSim[i][c.partner()[i]] -= 1;
            }
            double[][] labels0 = subject.labelVectors(h0, c.partner(), c.tau(), c.masked());
            // Analytically, at the chapter's 1e-12 relative to |g_k|_abs: grad L_h = sum_i J_i^T htilde_i with the
            // subject's label vectors, grad L_sg = sum_ij g_ij grad s_ij = sum_i J_i^T (1/tau) sum_j (g_ij + g_ji) h_j.
            int b = h0.length;
            int dim = h0[0].length;
            double[][] sgUpstream = new double[b][dim];
            for (int i = 0; i < b; i++) {
                for (int q = 0; q < dim; q++) {
                    for (int j = 0; j < b; j++) {
                        sgUpstream[i][q] += (gSim[i][j] + gSim[j][i]) * h0[j][q] / c.tau();
                    }
                }
            }
            double[] gradH = c.encoder().backward(c.theta(), c.X(), labels0);
            double[] gradSg = c.encoder().backward(c.theta(), c.X(), sgUpstream);
            double[] gm = gradientEntryMagnitudes(c);
            for (int k = 0; k < g.length; k++) {
                assertWithin("CONTRA-P6", "grad L_h[" + k + "]", gradH[k], g[k], Tolerance.absolute(1e-12 * gm[k]));
                assertWithin("CONTRA-P6", "grad L_sg[" + k + "]", gradSg[k], g[k], Tolerance.absolute(1e-12 * gm[k]));
            }
            double a = ContrastiveLoss.roundingMagnitude(h0, c.partner(), c.tau(), c.masked());
            // L_sg with p frozen at theta0: sum (p0 - t) s(theta); L_h with htilde frozen: sum <h(theta), htilde0>.
            ToDoubleFunction<double[]> lsg = t -> {
                double[][] s = ContrastiveLoss.similarity(subject.embed(c.kind(), c.r(), c.d(), c.normalize(), t, c.X()), c.tau());
                double v = 0;
                for (int i = 0; i < s.length; i++) {
                    v += AccurateSums.dot(gSim[i], s[i]);
                }
                return v;
            };
            ToDoubleFunction<double[]> lh = t -> {
                double[][] h = subject.embed(c.kind(), c.r(), c.d(), c.normalize(), t, c.X());
                double v = 0;
                for (int i = 0; i < h.length; i++) {
                    v += AccurateSums.dot(h[i], labels0[i]);
                }
                return v;
            };
            for (int k = 0; k < g.length; k++) {
                assertFiniteDifference("CONTRA-P6", "grad L_sg", lsg, c.theta(), k, g[k], a);
                assertFiniteDifference("CONTRA-P6", "grad L_h", lh, c.theta(), k, g[k], a);
            }
            double vsg = subject.stopGradientSurrogateValue(h0, c.partner(), c.tau(), c.masked());
            double vh = subject.perSampleSurrogateValue(h0, c.partner(), c.tau(), c.masked());
            double absScale = 0;
            double[][] s = ContrastiveLoss.similarity(h0, c.tau());
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < s.length; j++) {
                    absScale += Math.abs(gSim[i][j] * s[i][j]);
                }
            }
            assertWithin("CONTRA-P6", "V_h vs 2 V_sg", vh, 2 * vsg, Tolerance.absolute(2e-12 * absScale + 1e-300));
        });
        // V_h is not the loss: on generic inputs they differ, and G3 (positive-dominant) has V_h < 0 < L.
        qt(PropertyPolicy.examples(0.25)).forAll(ContrastiveGens.cases(10)
                // masked B = 2 is the degenerate limit of CONTRA-P10 (L = V_h = 0), not a generic input
                .assuming(c -> !(c.masked() && c.b() == 2))).checkAssert(c -> {
            double[][] h = c.embeddings();
            double l = subject.loss(h, c.partner(), c.tau(), c.masked());
            double vh = subject.perSampleSurrogateValue(h, c.partner(), c.tau(), c.masked());
            assertThat(Math.abs(vh - l)).as("CONTRA-P6 |V_h - L| for %s", c).isGreaterThan(1e-9 * (Math.abs(vh) + l));
        });
        double[][] g3 = ContrastiveGolden.G3_H;
        for (boolean masked : new boolean[] {false, true}) {
            double l = subject.loss(g3, ContrastiveGolden.PARTNER, 0.5, masked);
            double vh = subject.perSampleSurrogateValue(g3, ContrastiveGolden.PARTNER, 0.5, masked);
            assertThat(vh).as("CONTRA-P6 G3 V_h (masked=%s)", masked).isNegative();
            assertThat(l).as("CONTRA-P6 G3 L (masked=%s)", masked).isPositive();
        }
    }

    @Property
    @Tag("CONTRA-P7")
    @DisplayName("CONTRA-P7: permuting the batch (and the partner map with it) leaves loss and gradient unchanged and permutes the label vectors")
    public void permutationEquivariance() {
        qt().forAll(ContrastiveGens.cases(16), longs().all()).checkAssert((c, seed) -> {
            int b = c.b();
            int[] perm = ContrastiveGens.shuffled(b, new SplittableRandom(seed));
            double[][] x2 = new double[b][];
            int[] inverse = new int[b];
            for (int i = 0; i < b; i++) {
                x2[i] = c.X()[perm[i]];
                inverse[perm[i]] = i;
            }
            int[] p2 = new int[b];
            for (int i = 0; i < b; i++) {
                p2[i] = inverse[c.partner()[perm[i]]];
            }
            Case c2 = new Case(c.kind(), c.r(), c.d(), c.normalize(), c.theta(), x2, p2, c.tau(), c.masked());
            GradientAndLoss g1 = fullBatch(c);
            GradientAndLoss g2 = fullBatch(c2);
            assertWithin("CONTRA-P7", "loss", g2.loss(), g1.loss(), Tolerance.relative(1e-13).plusAbsolute(1e-300));
            // Entrywise, relative to each entry's own |g_k|_abs, not to the largest entry: small entries must hold
            // their digits too.
            double[] gm = gradientEntryMagnitudes(c);
            for (int k = 0; k < gm.length; k++) {
                assertWithin("CONTRA-P7", "grad[" + k + "]", g2.grad()[k], g1.grad()[k],
                        Tolerance.absolute(1e-13 * gm[k]));
            }
            double[][] h1 = c.embeddings();
            double[][] l1 = subject.labelVectors(h1, c.partner(), c.tau(), c.masked());
            double[][] l2 = subject.labelVectors(c2.embeddings(), p2, c.tau(), c.masked());
            double[][] mags = labelEntryMagnitudes(h1, c.partner(), c.tau(), c.masked());
            for (int i = 0; i < b; i++) {
                for (int a = 0; a < l1[i].length; a++) {
                    assertWithin("CONTRA-P7", "htilde[" + i + "][" + a + "]", l2[i][a], l1[perm[i]][a],
                            Tolerance.absolute(1e-13 * mags[perm[i]][a]));
                }
            }
        });
    }

    @Property
    @Tag("CONTRA-P8")
    @DisplayName("CONTRA-P8: adding a constant to every similarity changes neither loss nor probabilities; huge magnitudes stay finite")
    public void shiftInvarianceAndHugeMagnitudes() {
        qt().forAll(ContrastiveGens.embeddingCases(16), integers().between(-6, 6)).checkAssert((e, exponent) -> {
            double c = Math.signum(exponent) * StrictMath.pow(10, Math.abs(exponent));
            double[][] s = ContrastiveLoss.similarity(e.H(), e.tau());
            double[][] shifted = new double[s.length][s.length];
            double maxS = 0;
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < s.length; j++) {
                    shifted[i][j] = s[i][j] + c;
                    maxS = Math.max(maxS, Math.abs(s[i][j]));
                }
            }
            Tolerance tol = Tolerance.absolute(64 * EPS * (Math.abs(c) + maxS) * s.length);
            double[] l1 = subject.rowLossesFromSimilarity(s, e.partner(), e.masked());
            double[] l2 = subject.rowLossesFromSimilarity(shifted, e.partner(), e.masked());
            assertWithin("CONTRA-P8", "sum of row losses", AccurateSums.sum(l2), AccurateSums.sum(l1), tol);
            assertWithin("CONTRA-P8", "P", subject.probabilitiesFromSimilarity(shifted, e.masked()),
                    subject.probabilitiesFromSimilarity(s, e.masked()), tol);
            double l = subject.loss(e.H(), e.partner(), e.tau(), e.masked());
            assertThat(Double.isFinite(l)).as("CONTRA-P8 finite loss for %s", e).isTrue();
            for (double[] row : subject.probabilities(e.H(), e.tau(), e.masked())) {
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as("CONTRA-P8 finite P").isTrue();
                }
            }
            for (double[] row : subject.labelVectors(e.H(), e.partner(), e.tau(), e.masked())) {
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as("CONTRA-P8 finite htilde").isTrue();
                }
            }
        });
    }

    @Property
    @Tag("CONTRA-P9")
    @DisplayName("CONTRA-P9: a row whose positive dominates by 40..700 keeps full relative accuracy, L_i = log1p(sum e^-Delta_j)")
    public void tinyLossKeepsRelativeAccuracy() {
        MathContext mc = new MathContext(50);
        qt().forAll(longs().all(), integers().between(2, 24)).checkAssert((seed, b0) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int b = b0 + (b0 % 2);
            boolean masked = rnd.nextBoolean();
            int[] partner = ContrastiveGens.partner(b, masked, rnd);
            double[][] s = new double[b][b];
            double maxDelta = 0;
            for (int i = 0; i < b; i++) {
                double base = 100 * rnd.nextGaussian();
                for (int j = 0; j < b; j++) {
                    double delta = 40 + 660 * rnd.nextDouble();
                    s[i][j] = j == partner[i] ? base : base - delta;
                }
            }
            double[] rows = subject.rowLossesFromSimilarity(s, partner, masked);
            for (int i = 0; i < b; i++) {
                // Oracle: the exact Delta_j of the stored doubles, exp and log1p at 50 digits.
                BigDecimal sum = BigDecimal.ZERO;
                double rowMax = 0;
                for (int j = 0; j < b; j++) {
                    if (j == partner[i] || (masked && j == i)) {
                        continue;
                    }
                    BigDecimal delta = new BigDecimal(s[i][partner[i]]).subtract(new BigDecimal(s[i][j]));
                    rowMax = Math.max(rowMax, delta.doubleValue());
                    sum = sum.add(expOfMinus(delta, mc), mc);
                }
                maxDelta = Math.max(maxDelta, rowMax);
                double expected = log1p(sum, mc).doubleValue();
                assertWithin("CONTRA-P9", "L_" + i, rows[i], expected,
                        Tolerance.relative((4 + b + rowMax) * EPS).plusAbsolute(Double.MIN_VALUE));
            }
        });
    }

    @Property
    @Tag("CONTRA-P10")
    @DisplayName("CONTRA-P10: row losses are non-negative; identical embeddings give B log B (B log(B-1) masked) and zero label vectors; masking lowers the loss")
    public void boundsAndLimits() {
        qt().forAll(ContrastiveGens.embeddingCases(24)).checkAssert(e -> {
            int b = e.H().length;
            double[][] s = ContrastiveLoss.similarity(e.H(), e.tau());
            for (double li : subject.rowLossesFromSimilarity(s, e.partner(), e.masked())) {
                assertThat(li).as("CONTRA-P10 L_i >= 0").isGreaterThanOrEqualTo(0);
            }
            boolean fixedPointFree = true;
            for (int i = 0; i < b; i++) {
                fixedPointFree &= e.partner()[i] != i;
            }
            if (fixedPointFree) {
                double lm = subject.loss(e.H(), e.partner(), e.tau(), true);
                double lu = subject.loss(e.H(), e.partner(), e.tau(), false);
                assertThat(lm).as("CONTRA-P10 L_masked <= L_unmasked").isLessThanOrEqualTo(lu);
                double[][] p = subject.probabilities(e.H(), e.tau(), false);
                double diagonalMass = 0;
                for (int i = 0; i < b; i++) {
                    diagonalMass = Math.max(diagonalMass, p[i][i]);
                }
                if (diagonalMass > 8 * b * EPS) {
                    assertThat(lm).as("CONTRA-P10 L_masked < L_unmasked").isLessThan(lu);
                }
            }
        });
        SplittableRandom rnd = new SplittableRandom(PropertyHarness.seed());
        for (int b = 2; b <= 32; b += 2) {
            double[] row = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[][] h = new double[b][];
            for (int i = 0; i < b; i++) {
                h[i] = row.clone();
            }
            double tau = ContrastiveGens.TAUS[rnd.nextInt(ContrastiveGens.TAUS.length)];
            double maxNorm = AccurateSums.norm2(row);
            for (boolean masked : new boolean[] {false, true}) {
                int[] partner = ContrastiveGens.partner(b, masked, rnd);
                double expected = masked ? b * StrictMath.log(b - 1) : b * StrictMath.log(b);
                assertWithin("CONTRA-P10", "identical embeddings, B=" + b + " masked=" + masked,
                        subject.loss(h, partner, tau, masked), expected, Tolerance.relative(8 * b * EPS));
                assertWithin("CONTRA-P10", "htilde of identical embeddings", subject.labelVectors(h, partner, tau, masked),
                        new double[b][row.length], Tolerance.absolute(2 * b * EPS * maxNorm / tau));
            }
            PropertyHarness.examples(1);
        }
        double[][] two = {{0.3, -1.2}, {2.5, 0.7}};
        assertThat(subject.loss(two, new int[] {1, 0}, 0.5, true)).as("CONTRA-P10 masked B=2").isZero();
        assertWithin("CONTRA-P10", "masked B=2 htilde", subject.labelVectors(two, new int[] {1, 0}, 0.5, true),
                new double[2][2], Tolerance.EXACT);
    }

    @Property
    @Tag("CONTRA-P11")
    @DisplayName("CONTRA-P11: rows of P sum to 1, Pbar is symmetric, rows of P - T sum to 0, masked diagonals are exactly 0")
    public void probabilitiesAreDistributions() {
        qt().forAll(ContrastiveGens.embeddingCases(64)).checkAssert(e -> {
            int b = e.H().length;
            double[][] p = subject.probabilities(e.H(), e.tau(), e.masked());
            double[][] bar = subject.symmetrizedProbabilities(e.H(), e.partner(), e.tau(), e.masked());
            Tolerance tol = Tolerance.absolute(b * EPS);
            for (int i = 0; i < b; i++) {
                assertWithin("CONTRA-P11", "row sum " + i, AccurateSums.sum(p[i]), 1, tol);
                double[] g = p[i].clone();
                g[e.partner()[i]] -= 1;
                assertWithin("CONTRA-P11", "row sum of P - T, row " + i, AccurateSums.sum(g), 0, tol);
                if (e.masked()) {
                    assertThat(p[i][i]).as("CONTRA-P11 masked p_ii").isEqualTo(0.0);
                }
                for (int j = 0; j < b; j++) {
                    assertWithin("CONTRA-P11", "Pbar symmetry [" + i + "][" + j + "]", bar[i][j], bar[j][i], tol);
                    assertWithin("CONTRA-P11", "Pbar = (P + P^T)/2 [" + i + "][" + j + "]", bar[i][j],
                            0.5 * (p[i][j] + p[j][i]), tol);
                }
            }
        });
    }

    @Property
    @Tag("CONTRA-P12")
    @DisplayName("CONTRA-P12: L(H, tau) = L(H / sqrt(tau), 1) and Htilde(H, tau) = Htilde(H / sqrt(tau), 1) / sqrt(tau)")
    public void temperatureMetamorphic() {
        qt().forAll(ContrastiveGens.embeddingCases(16)).checkAssert(e -> {
            double root = StrictMath.sqrt(e.tau());
            double[][] scaled = new double[e.H().length][];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = e.H()[i].clone();
                for (int a = 0; a < scaled[i].length; a++) {
                    scaled[i][a] /= root;
                }
            }
            double gamma = gamma(e.H(), e.tau());
            double l1 = subject.loss(e.H(), e.partner(), e.tau(), e.masked());
            double l2 = subject.loss(scaled, e.partner(), 1, e.masked());
            assertWithin("CONTRA-P12", "loss", l2, l1, Tolerance.absolute(2 * gamma * (e.H().length + l1)));
            double[][] t1 = subject.labelVectors(e.H(), e.partner(), e.tau(), e.masked());
            double[][] t2 = subject.labelVectors(scaled, e.partner(), 1, e.masked());
            double[][] mags = labelEntryMagnitudes(e.H(), e.partner(), e.tau(), e.masked());
            for (int i = 0; i < t1.length; i++) {
                for (int a = 0; a < t1[i].length; a++) {
                    assertWithin("CONTRA-P12", "htilde[" + i + "][" + a + "]", t2[i][a] / root, t1[i][a],
                            Tolerance.absolute(2 * gamma * mags[i][a]));
                }
            }
        });
    }

    @Property
    @Tag("CONTRA-P13")
    @DisplayName("CONTRA-P13: with dropout, replayed masks reproduce the full-batch gradient and fresh pass-2 masks do not")
    public void dropoutNeedsReplayedMasks() {
        qt(PropertyPolicy.examples(0.5)).forAll(ContrastiveGens.cases(16), longs().all()).checkAssert((c, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            double rho = new double[] {0.1, 0.3, 0.5}[rnd.nextInt(3)];
            int m = c.X()[0].length;
            int r = c.r();
            int d = Math.max(2, c.d());
            double[] theta = ContrastiveGens.gaussian(1, r * m + r + d * r + d, 1, rnd)[0];
            double[][] masks = masks(c.b(), r, rho, rnd);
            int[] chunks = ContrastiveGens.chunking(c.b(), rnd);
            double[] full = subject.fullBatchWithDropout(r, d, rho, masks, theta, c.X(), c.partner(), c.tau(),
                    c.masked()).grad();
            double[] replayed = subject.twoPassWithDropout(r, d, rho, masks, masks, theta, c.X(), c.partner(),
                    c.tau(), c.masked(), chunks).grad();
            // P3's tolerance, with the per-sample contributions of the dropout network itself.
            double bound = 4 * c.b() * EPS * contributionMagnitude(new Encoder.DropoutTanhMlp(r, d, rho, masks), theta,
                    c.X(), c.partner(), c.tau(), c.masked());
            assertWithin("CONTRA-P13", "replayed masks (chunks " + java.util.Arrays.toString(chunks) + ")", replayed,
                    full, Tolerance.absolute(bound));
            // Every sample's fresh mask differs from its pass-1 mask: a difference confined to samples whose label
            // vector is negligible (identity partners at tau = 0.05, p_ii ~ 1) moves the gradient by ~1e-8 only,
            // which is not the generic case the chapter means.
            double[][] fresh = new double[c.b()][];
            for (int i = 0; i < c.b(); i++) {
                do {
                    fresh[i] = masks(1, r, rho, rnd)[0];
                } while (java.util.Arrays.equals(fresh[i], masks[i]));
            }
            double[] mixed = subject.twoPassWithDropout(r, d, rho, masks, fresh, theta, c.X(), c.partner(), c.tau(),
                    c.masked(), chunks).grad();
            double[] diff = new double[full.length];
            for (int k = 0; k < diff.length; k++) {
                diff[k] = mixed[k] - full[k];
            }
            // Not generic: a zero gradient (masked B = 2), or fresh masks that only differ on units whose
            // embedding contribution and label vector vanish; the first is the only one the generator can hit.
            if (AccurateSums.norm2(full) > 0) {
                PropertyHarness.regime("fresh masks");
                assertThat(AccurateSums.norm2(diff)).as("CONTRA-P13 fresh masks change the gradient")
                        .isGreaterThan(1e-6 * AccurateSums.norm2(full));
            }
        });
    }

    @Property
    @Tag("CONTRA-P14")
    @DisplayName("CONTRA-P14: the chapter's golden vectors G1-G4 are reproduced")
    public void goldenVectors() {
        ContrastiveGolden.check(subject);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** {@code e^{-n}}, n = 0..767, at 60 digits (powers of a 70-digit e^-1): the integer part of P9's exponents. */
    private static final BigDecimal[] EXP_MINUS_INTEGER = new BigDecimal[768];

    static {
        MathContext wide = new MathContext(70);
        BigDecimal step = BigDecimalMath.exp(BigDecimal.ONE.negate(), wide);
        BigDecimal v = BigDecimal.ONE;
        for (int n = 0; n < EXP_MINUS_INTEGER.length; n++) {
            EXP_MINUS_INTEGER[n] = v.round(new MathContext(60));
            v = v.multiply(step, wide);
        }
    }

    /**
     * {@code e^{-delta}} for {@code 0 <= delta < 768} at the precision of {@code mc}, as {@code e^{-n} e^{-f}} with
     * the integer part from a table: big-math's exp of a large argument is what made P9 take 18 s.
     */
    static BigDecimal expOfMinus(BigDecimal delta, MathContext mc) {
        int n = delta.intValue();
        BigDecimal f = delta.subtract(BigDecimal.valueOf(n));
        return EXP_MINUS_INTEGER[n].multiply(BigDecimalMath.exp(f.negate(), mc), mc);
    }

    /** {@code log(1 + x)} at the precision of {@code mc}, by its series for tiny x (1 + x would round to 1). */
    static BigDecimal log1p(BigDecimal x, MathContext mc) {
        if (x.compareTo(new BigDecimal("1e-8")) > 0) {
            return BigDecimalMath.log(BigDecimal.ONE.add(x, mc), mc);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal power = x;
        for (int k = 1; k <= 8; k++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(k), mc);
            sum = k % 2 == 1 ? sum.add(term, mc) : sum.subtract(term, mc);
            power = power.multiply(x, mc);
        }
        return sum;
    }

    static double[][] masks(int b, int r, double rho, SplittableRandom rnd) {
        double[][] m = new double[b][r];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < r; k++) {
                m[i][k] = rnd.nextDouble() < rho ? 0 : 1;
            }
        }
        return m;
    }

    static Case resized(Case c, int b, SplittableRandom rnd) {
        int m = c.X()[0].length;
        double[][] x = new double[b][];
        for (int i = 0; i < b; i++) {
            x[i] = i < c.b() ? c.X()[i].clone() : ContrastiveGens.gaussian(1, m, 1, rnd)[0];
        }
        int[] partner = new int[b];
        for (int i = 0; i < b; i++) {
            partner[i] = i ^ 1;
        }
        return new Case(c.kind(), c.r(), c.d(), c.normalize(), c.theta(), x, partner, c.tau(), c.masked());
    }

    static double[] flatten(double[][] a) {
        int d = a[0].length;
        double[] out = new double[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * d, d);
        }
        return out;
    }

    static double[][] unflatten(double[] v, int d) {
        double[][] out = new double[v.length / d][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(v, i * d, out[i], 0, d);
        }
        return out;
    }
}
