package io.formulary.properties.widen;

import io.formulary.core.nn.Activation;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.ActivationPolicy;
import io.formulary.core.widen.EpsilonPolicy;
import io.formulary.core.widen.Ffn2BiasFactor;
import io.formulary.core.widen.HeadPattern;
import io.formulary.core.widen.QkSplit;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.RopeFrequencies;
import io.formulary.core.widen.RopeWidening;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningFactors;
import io.formulary.core.widen.WideningOptions;
import io.formulary.core.widen.WideningPlan;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.core.Gen;

import java.util.Map;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.widen.WidenAsserts.TOL_LOGIT;
import static io.formulary.properties.widen.WidenAsserts.TOL_PROB;
import static io.formulary.properties.widen.WidenAsserts.close;
import static io.formulary.properties.MaxNorms.maxAbs;
import static io.formulary.properties.MaxNorms.maxAbsDiff;
import static io.formulary.properties.widen.WidenAsserts.predicted;
import static io.formulary.properties.widen.WidenAsserts.ulps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties of whole-model widening: WIDEN-P8 to P14. */
class ModelWideningProperties {

    private WideningContract subject = Subjects.of(WideningContract.class, ReferenceWidening::new);

    /** The properties checked against another subject (JUnit needs a single constructor, hence a factory). */
    static ModelWideningProperties of(WideningContract subject) {
        ModelWideningProperties p = new ModelWideningProperties();
        p.subject = subject;
        return p;
    }

    private ForwardResult run(WidenedModel m, int[] tokens, int[] types, boolean trace) {
        return subject.forward(m.config(), m.weights(), tokens, types, trace);
    }

    /** Max |logit difference| between a model and its widening with {@code o}. */
    private double deviation(TransformerConfig c, TransformerWeights w, int[] tokens, int k, WideningOptions o) {
        double[][] a = subject.forward(c, w, tokens, null, false).logits();
        double[][] b = run(subject.widen(c, w, k, o), tokens, null, false).logits();
        return maxAbsDiff(b, a);
    }

    private static void assertLossless(String id, String what, ForwardResult wide, ForwardResult orig) {
        double[][] l = orig.logits();
        close(id, what + " logits", wide.logits(), l, TOL_LOGIT, TOL_LOGIT);
        close(id, what + " probabilities", wide.probabilities(), orig.probabilities(), TOL_PROB, 0);
        double[][] lw = wide.logits();
        for (int m = 0; m < l.length; m++) {
            int best = 0;
            int second = -1;
            for (int t = 1; t < l[m].length; t++) {
                if (l[m][t] > l[m][best]) {
                    second = best;
                    best = t;
                } else if (second < 0 || l[m][t] > l[m][second]) {
                    second = t;
                }
            }
            if (second >= 0 && l[m][best] - l[m][second] > 1e-8) {
                int wideBest = 0;
                for (int t = 1; t < lw[m].length; t++) {
                    if (lw[m][t] > lw[m][wideBest]) {
                        wideBest = t;
                    }
                }
                assertThat(wideBest).as("%s %s argmax of row %d", id, what, m).isEqualTo(best);
            }
        }
    }

    @Property
    @Tag("WIDEN-P8")
    @DisplayName("WIDEN-P8: exact widening keeps logits (TOL-logit), probabilities (TOL-prob) and argmax for every configuration and k")
    void exactWideningIsLossless() {
        qt().forAll(WidenGens.models()).checkAssert(c -> {
            WideningOptions o = WideningOptions.exactCarry().withHiddenPattern(c.hiddenPattern());
            ForwardResult orig = subject.forward(c.config(), c.weights(), c.tokens(), c.types(), false);
            WidenedModel w = subject.widen(c.config(), c.weights(), c.k(), o);
            assertThat(w.config().d()).as("WIDEN-P8 widened d").isEqualTo(c.k() * c.config().d());
            assertThat(w.config().numHeads()).as("WIDEN-P8 heads unchanged").isEqualTo(c.config().numHeads());
            assertLossless("WIDEN-P8", "k=" + c.k(), run(w, c.tokens(), c.types(), false), orig);
        });
    }

    @Property
    @Tag("WIDEN-P9")
    @DisplayName("WIDEN-P9: every traced tensor of the widened model is sigma rep_pi of the original's, with the F15 sigma")
    void everyTracedTensorIsTheScaledRepetition() {
        qt(PropertyPolicy.examples(0.5)).forAll(WidenGens.models()).checkAssert(c -> {
            WideningOptions o = WideningOptions.exactCarry().withHiddenPattern(c.hiddenPattern());
            ForwardResult orig = subject.forward(c.config(), c.weights(), c.tokens(), c.types(), true);
            ForwardResult wide = run(subject.widen(c.config(), c.weights(), c.k(), o), c.tokens(), c.types(), true);
            Map<String, WideningPlan.Space> spaces = WideningPlan.of(c.config(), c.k(), o).traceSpaces(c.config());
            assertThat(wide.trace().keySet()).as("WIDEN-P9 traced keys").containsAll(spaces.keySet());
            for (Map.Entry<String, WideningPlan.Space> e : spaces.entrySet()) {
                double[][] expected = predicted(orig.traced(e.getKey()), e.getValue(), c.k());
                close("WIDEN-P9", e.getKey() + " (k=" + c.k() + ", " + e.getValue() + ")", wide.traced(e.getKey()),
                        expected, 1e-9, 1e-9);
            }
        });
    }

    private static Gen<long[]> seedsAndK() {
        return longs().all().zip(integers().between(2, 4), (s, k) -> new long[] {s, k});
    }

    @Property
    @Tag("WIDEN-P10")
    @DisplayName("WIDEN-P10: plain GELU transforms, a missing k^(1/4), tiled heads, standard RoPE, the article's b2 and MLM norm, and kept epsilons are lossy; tiled hidden axes and H=1 are not")
    void lossyConfigurationsDeviate() {
        qt(PropertyPolicy.examples(0.05)).forAll(seedsAndK()).checkAssert(sk -> {
            long seed = sk[0];
            int k = (int) sk[1];
            TransformerConfig bert = WidenGens.toyBert();
            TransformerWeights w = RandomInit.chapter(0.7).sample(bert, seed);
            int[] t = WidenGens.toyTokens(seed, bert.vocabSize());
            WideningOptions x = WideningOptions.exact();
            double floor = 1e-6;
            assertThat(deviation(bert, w, t, k, x)).as("WIDEN-P10 exact baseline").isLessThan(1e-12);
            assertThat(deviation(bert, w, t, k, x.withFfnPolicy(ActivationPolicy.PLAIN)))
                    .as("WIDEN-P10 GELU with ffnPolicy PLAIN").isGreaterThan(floor);
            assertThat(deviation(bert, w, t, k, x.withMlmPolicy(ActivationPolicy.PLAIN)))
                    .as("WIDEN-P10 GELU with mlmPolicy PLAIN").isGreaterThan(floor);
            assertThat(deviation(bert, w, t, k, x.withOmitQuarterPower(true)))
                    .as("WIDEN-P10 scaled attention without k^(1/4)").isGreaterThan(floor);
            assertThat(deviation(bert, w, t, k, x.withHeadPattern(HeadPattern.TILED)))
                    .as("WIDEN-P10 tiled heads, H=2").isGreaterThan(floor);
            assertThat(deviation(bert, w, t, k, x.withHiddenPattern(RepeatPattern.TILED)))
                    .as("WIDEN-P10 tiled hidden axis only is lossless (E6)").isLessThan(1e-12);
            TransformerConfig oneHead = bert.withSizes(11, 8, 1, 16, 2);
            TransformerWeights w1 = RandomInit.chapter(0.7).sample(oneHead, seed);
            assertThat(deviation(oneHead, w1, t, k, x.withHeadPattern(HeadPattern.TILED)
                    .withHiddenPattern(RepeatPattern.TILED))).as("WIDEN-P10 tiling everything with H=1 is lossless")
                    .isLessThan(1e-12);
            assertThat(deviation(bert, w, t, k, x.withFfn2BiasFactor(Ffn2BiasFactor.ARTICLE)))
                    .as("WIDEN-P10 article's b2 factor (E1)").isGreaterThan(floor);
            // E3: the extra division scales the non-bias part of the logits by k^{-1/2}, exactly (F19(e)).
            double[][] l = subject.forward(bert, w, t, null, false).logits();
            double[][] le = run(subject.widen(bert, w, k, x.withMlmNormExtraDivision(true)), t, null, false).logits();
            double[] b = w.outputBias();
            double[][] predictedE3 = new double[l.length][l[0].length];
            for (int m = 0; m < l.length; m++) {
                for (int v = 0; v < b.length; v++) {
                    predictedE3[m][v] = (l[m][v] - b[v]) * WideningFactors.of(k).invSqrtK() + b[v];
                }
            }
            assertThat(maxAbsDiff(le, l)).as("WIDEN-P10 MLM norm extra division (E3)").isGreaterThan(floor);
            close("WIDEN-P10", "extra division obeys F19(e)", le, predictedE3, TOL_LOGIT, TOL_LOGIT);
            double keep = deviation(bert, w, t, k, x.withEpsilonPolicy(EpsilonPolicy.KEEP));
            assertThat(keep).as("WIDEN-P10 epsilon kept at 1e-5 (E2)").isGreaterThan(floor).isLessThan(1e-3);
            TransformerConfig bigMlmEps = bert.withMlmEpsilon(0.1);
            TransformerWeights wm = RandomInit.chapter(0.7).sample(bigMlmEps, seed);
            assertThat(deviation(bigMlmEps, wm, t, k, x.withEpsilonPolicy(EpsilonPolicy.DIVIDE_ALL_BY_K)))
                    .as("WIDEN-P10 MLM epsilon divided by k under PAIR").isGreaterThan(floor);
            assertThat(deviation(bert, w, t, k, WideningOptions.articleLiteral()))
                    .as("WIDEN-P10 article-literal widening").isGreaterThan(floor);
            ropeCases(seed, k, t, floor);
            recomputedOutputScale(seed, k, t, floor);
        });
    }

    private void ropeCases(long seed, int k, int[] t, double floor) {
        TransformerConfig rope = WidenGens.toyBert().withRope(true, 10_000, RopeLayout.INTERLEAVED_PAIRS);
        TransformerWeights w = RandomInit.chapter(0.7).sample(rope, seed);
        WideningOptions carry = WideningOptions.exactCarry();
        assertThat(deviation(rope, w, t, k, carry)).as("WIDEN-P10 RoPE CARRY is exact").isLessThan(1e-12);
        assertThat(deviation(rope, w, t, k, WideningOptions.exact())).as("WIDEN-P10 RoPE STANDARD (E8)")
                .isGreaterThan(floor);
        assertThat(deviation(rope, w, t, k, carry.withHeadPattern(HeadPattern.INTERLEAVED)))
                .as("WIDEN-P10 RoPE with INTERLEAVED q/k even with CARRY").isGreaterThan(floor);
        TransformerConfig half = rope.withRope(true, 10_000, RopeLayout.HALF_SPLIT);
        TransformerWeights wh = RandomInit.chapter(0.7).sample(half, seed);
        assertThat(deviation(half, wh, t, k, carry)).as("WIDEN-P10 HALF_SPLIT with INTERLEAVED and CARRY is exact")
                .isLessThan(1e-12);
        assertThat(deviation(half, wh, t, k, carry.withHeadPattern(HeadPattern.PAIR_BLOCK)))
                .as("WIDEN-P10 HALF_SPLIT with PAIR_BLOCK q/k").isGreaterThan(floor);
    }

    /** E13: a recomputed (kd)^{-1/2} output scale scales the logits; widening gamma_f by 1 repairs it. */
    private void recomputedOutputScale(long seed, int k, int[] t, double floor) {
        TransformerConfig t5 = TransformerConfig.t5Like(11, 8, 2, 16, 2);
        TransformerWeights w = RandomInit.chapter(0.7).sample(t5, seed);
        double[][] l = subject.forward(t5, w, t, null, false).logits();
        WidenedModel wide = subject.widen(t5, w, k, WideningOptions.exact());
        TransformerConfig recomputed = wide.config().withOutputScale(1.0 / Math.sqrt(wide.config().d()));
        double[][] lr = subject.forward(recomputed, wide.weights(), t, null, false).logits();
        assertThat(maxAbsDiff(lr, l)).as("WIDEN-P10 recomputed output scale (E13)").isGreaterThan(floor);
        Map<String, Object> named = wide.weights().named();
        double[] gf = (double[]) named.get("gamma_f");
        for (int i = 0; i < gf.length; i++) {
            gf[i] *= Math.sqrt(k);
        }
        named.put("gamma_f", gf);
        TransformerWeights repaired = TransformerWeights.fromNamed(named, t5.numLayers());
        close("WIDEN-P10", "recomputed output scale repaired by gamma_f factor 1",
                subject.forward(recomputed, repaired, t, null, false).logits(), l, TOL_LOGIT, TOL_LOGIT);
    }

    @Property
    @Tag("WIDEN-P11")
    @DisplayName("WIDEN-P11: standard-schedule RoPE is exact at offset 0, its widened score is F20's M_p expression within its bound, and the mean squared error matches F20 (Monte-Carlo, 5 SE)")
    void ropeWideningObeysTheErrorLaw() {
        // (a) Length-1 sequences and position 0 of causal models are exact with STANDARD.
        qt(PropertyPolicy.examples(0.05)).forAll(seedsAndK()).checkAssert(sk -> {
            int k = (int) sk[1];
            TransformerConfig gpt = TransformerConfig.gpt2Like(11, 8, 2, 16, 2)
                    .withRope(true, 10_000, RopeLayout.INTERLEAVED_PAIRS);
            TransformerWeights w = RandomInit.chapter(0.7).sample(gpt, sk[0]);
            int[] t = WidenGens.toyTokens(sk[0], 11);
            WidenedModel std = subject.widen(gpt, w, k, WideningOptions.exact());
            int[] one = {t[0]};
            close("WIDEN-P11", "n=1 with STANDARD", run(std, one, null, false).logits(),
                    subject.forward(gpt, w, one, null, false).logits(), TOL_LOGIT, TOL_LOGIT);
            double[][] full = subject.forward(gpt, w, t, null, false).logits();
            double[][] fullWide = run(std, t, null, false).logits();
            close("WIDEN-P11", "causal position 0 with STANDARD", new double[][] {fullWide[0]},
                    new double[][] {full[0]}, TOL_LOGIT, TOL_LOGIT);
            // (b) CARRY is lossless.
            close("WIDEN-P11", "CARRY", run(subject.widen(gpt, w, k, WideningOptions.exactCarry()), t, null, false)
                    .logits(), full, TOL_LOGIT, TOL_LOGIT);
        });
        // (c) One head: the widened score equals F20's M_p expression and respects its bound.
        Gen<long[]> heads = longs().all().zip(integers().between(1, 8), integers().between(-100, 100),
                integers().between(1, 4), (s, half, delta, k) -> new long[] {s, half, delta, k});
        qt(PropertyPolicy.examples(0.5)).forAll(heads).checkAssert(h -> {
            SplittableRandom r = new SplittableRandom(h[0]);
            int dh = 2 * (int) h[1];
            int delta = (int) h[2];
            int k = (int) h[3];
            double[] q = WidenGens.gaussian(r, dh, 1);
            double[] key = WidenGens.gaussian(r, dh, 1);
            WideningFactors f = WideningFactors.of(k);
            double[] qw = subject.matrix(new double[][] {q}, RepeatPattern.NONE, RepeatPattern.PAIR_BLOCK, k,
                    f.invK14())[0];
            double[] kw = subject.matrix(new double[][] {key}, RepeatPattern.NONE, RepeatPattern.PAIR_BLOCK, k,
                    f.invK14())[0];
            double[] thetaWide = io.formulary.core.nn.Rope.standardFrequencies(k * dh, 10_000);
            double[] a = subject.rotate(qw, 0, thetaWide, RopeLayout.INTERLEAVED_PAIRS);
            double[] b = subject.rotate(kw, delta, thetaWide, RopeLayout.INTERLEAVED_PAIRS);
            double actual = io.formulary.core.numeric.AccurateSums.dot(a, b) / Math.sqrt(k * dh);
            RopeWidening.Scores s = subject.widenedScore(q, key, delta, 10_000, k, AttentionScaling.INV_SQRT_HEAD);
            double scale = 1 + io.formulary.core.numeric.AccurateSums.norm2(q)
                    * io.formulary.core.numeric.AccurateSums.norm2(key);
            assertThat(Math.abs(actual - s.widened())).as("WIDEN-P11 widened score %s vs F20 %s", actual,
                    s.widened()).isLessThanOrEqualTo(1e-13 * scale);
            assertThat(Math.abs(s.widened() - s.original())).as("WIDEN-P11 error within the F20 bound %s", s.bound())
                    .isLessThanOrEqualTo(s.bound() + 1e-13 * scale);
            if (delta == 0) {
                assertThat(s.widened()).as("WIDEN-P11 exact at offset 0").isCloseTo(s.original(),
                        org.assertj.core.data.Offset.offset(1e-13 * scale));
            }
        });
        // (d) Monte-Carlo: mean of (s~ - s)^2 within 5 standard errors of the F20 expectation. The error of one
        // draw is q^T A k with A = blockdiag_p([[C_p, -S_p], [S_p, C_p]])/sqrt(d_h) (the difference of the averaged
        // and the exact rotation), so each draw costs no trigonometry.
        SplittableRandom r = new SplittableRandom(PropertyHarness.seed());
        int draws = 20_000;
        int dh = 64;
        double[] theta = io.formulary.core.nn.Rope.standardFrequencies(dh, 10_000);
        for (int k : new int[] {2, 4}) {
            double[] rho = RopeWidening.rho(dh, 10_000, k);
            for (int delta : new int[] {1, 10, 100}) {
                double[] cp = new double[dh / 2];
                double[] sp = new double[dh / 2];
                double fro2 = 0;
                double ata = 0;
                for (int p = 0; p < dh / 2; p++) {
                    double c = 0;
                    double sn = 0;
                    for (double rr : rho) {
                        c += Math.cos(delta * (theta[p] * rr));
                        sn += Math.sin(delta * (theta[p] * rr));
                    }
                    cp[p] = c / k - Math.cos(delta * theta[p]);
                    sp[p] = sn / k - Math.sin(delta * theta[p]);
                    double blk = (cp[p] * cp[p] + sp[p] * sp[p]) / dh;
                    fro2 += 2 * blk;
                    ata += 2 * blk * blk;
                }
                double sum = 0;
                for (int i = 0; i < draws; i++) {
                    double e = 0;
                    for (int p = 0; p < dh / 2; p++) {
                        double q0 = r.nextGaussian();
                        double q1 = r.nextGaussian();
                        double k0 = r.nextGaussian();
                        double k1 = r.nextGaussian();
                        e += cp[p] * (q0 * k0 + q1 * k1) + sp[p] * (q1 * k0 - q0 * k1);
                    }
                    e /= Math.sqrt(dh);
                    sum += e * e;
                }
                PropertyHarness.examples(draws);
                double mean = sum / draws;
                double expected = RopeWidening.expectedSquaredError(dh, 10_000, k, delta);
                assertThat(Math.abs(expected - fro2)).as("WIDEN-P11 F20 expectation equals ||A||_F^2")
                        .isLessThanOrEqualTo(1e-12 * fro2);
                double se = Math.sqrt((2 * fro2 * fro2 + 6 * ata) / draws);
                assertThat(Math.abs(mean - expected)).as("WIDEN-P11 MC k=%d delta=%d mean %s expected %s (5 SE = %s)",
                        k, delta, mean, expected, 5 * se).isLessThanOrEqualTo(5 * se);
            }
        }
    }

    private static Gen<int[]> twoFactors() {
        return integers().between(1, 3).zip(integers().between(1, 3), (a, b) -> new int[] {a, b});
    }

    @Property
    @Tag("WIDEN-P12")
    @DisplayName("WIDEN-P12: widening by 1 is the identity, and widening by k1 then k2 equals widening by k1*k2 (6 ulp per weight, TOL-logit)")
    void wideningComposes() {
        qt(PropertyPolicy.examples(0.25)).forAll(WidenGens.models(), twoFactors()).checkAssert((c, ks) -> {
            WideningOptions o = WideningOptions.exactCarry().withHiddenPattern(c.hiddenPattern());
            WidenedModel id = subject.widen(c.config(), c.weights(), 1, o);
            assertThat(id.config()).as("WIDEN-P12 widen(M,1) config").isEqualTo(c.config());
            assertThat(id.weights()).as("WIDEN-P12 widen(M,1) weights bit for bit").isEqualTo(c.weights());
            WidenedModel a = subject.widen(c.config(), c.weights(), ks[0], o);
            WidenedModel ab = subject.widen(a.config(), a.weights(), ks[1], o);
            WidenedModel direct = subject.widen(c.config(), c.weights(), ks[0] * ks[1], o);
            Map<String, Object> x = ab.weights().named();
            Map<String, Object> y = direct.weights().named();
            assertThat(x.keySet()).as("WIDEN-P12 tensors").isEqualTo(y.keySet());
            for (String key : x.keySet()) {
                double[][] p = asMatrix(x.get(key));
                double[][] q = asMatrix(y.get(key));
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < p[i].length; j++) {
                        assertThat(ulps(p[i][j], q[i][j])).as("WIDEN-P12 %s[%d][%d]: %s vs %s (k1=%d, k2=%d)", key, i,
                                j, p[i][j], q[i][j], ks[0], ks[1]).isLessThanOrEqualTo(6);
                    }
                }
            }
            assertThat(ulps(ab.config().epsilon(), direct.config().epsilon())).as("WIDEN-P12 epsilon")
                    .isLessThanOrEqualTo(6);
            close("WIDEN-P12", "logits of k1 then k2 vs k1*k2", run(ab, c.tokens(), c.types(), false).logits(),
                    run(direct, c.tokens(), c.types(), false).logits(), TOL_LOGIT, TOL_LOGIT);
        });
    }

    private static double[][] asMatrix(Object o) {
        return o instanceof double[][] m ? m : new double[][] {(double[]) o};
    }

    /** Random widening options (every knob), valid for the configuration. */
    private static WideningOptions options(TransformerConfig c, RepeatPattern hidden, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HeadPattern head = HeadPattern.values()[r.nextInt(HeadPattern.values().length)];
        if (head == HeadPattern.PAIR_BLOCK && c.headSize() % 2 != 0) {
            head = HeadPattern.INTERLEAVED;
        }
        return new WideningOptions(EpsilonPolicy.values()[r.nextInt(3)], ActivationPolicy.values()[r.nextInt(3)],
                ActivationPolicy.values()[r.nextInt(3)], hidden, head, QkSplit.values()[r.nextInt(2)],
                RopeFrequencies.values()[r.nextInt(2)], Ffn2BiasFactor.values()[r.nextInt(2)], r.nextBoolean(),
                r.nextBoolean());
    }

    @Property
    @Tag("WIDEN-P13")
    @DisplayName("WIDEN-P13: narrowing is the left inverse of widening (2 ulp per entry) for every option set; RoPE theta is recovered")
    void narrowingUndoesWidening() {
        qt(PropertyPolicy.examples(0.5)).forAll(WidenGens.models(), longs().all()).checkAssert((c, seed) -> {
            WideningOptions o = options(c.config(), c.hiddenPattern(), seed);
            WidenedModel wide = subject.widen(c.config(), c.weights(), c.k(), o);
            WidenedModel back = subject.narrow(wide.config(), wide.weights(), c.k(), o);
            assertThat(back.config().withNorm(c.config().normKind(), c.config().epsilon())
                    .withMlmEpsilon(c.config().mlmEpsilon())).as("WIDEN-P13 config").isEqualTo(c.config());
            assertThat(ulps(back.config().epsilon(), c.config().epsilon())).as("WIDEN-P13 epsilon")
                    .isLessThanOrEqualTo(2);
            Map<String, Object> x = back.weights().named();
            Map<String, Object> y = c.weights().named();
            assertThat(x.keySet()).as("WIDEN-P13 tensors").isEqualTo(y.keySet());
            for (String key : x.keySet()) {
                double[][] p = asMatrix(x.get(key));
                double[][] q = asMatrix(y.get(key));
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < p[i].length; j++) {
                        double tol = key.equals("theta") ? 0 : 2;
                        assertThat(ulps(p[i][j], q[i][j])).as("WIDEN-P13 %s[%d][%d]: %s vs %s (k=%d, %s)", key, i, j,
                                p[i][j], q[i][j], c.k(), o).isLessThanOrEqualTo(tol);
                    }
                }
            }
        });
    }

    @Property
    @Tag("WIDEN-P14")
    @DisplayName("WIDEN-P14: for homogeneous activations PAIR and PLAIN give the same logits (FFN and MLM), and every qkSplit gives the same logits")
    void policiesAgreeWhereBothAreExact() {
        qt(PropertyPolicy.examples(0.5)).forAll(WidenGens.models()).checkAssert(c -> {
            TransformerConfig cfg = c.config();
            WideningOptions base = WideningOptions.exactCarry().withHiddenPattern(c.hiddenPattern());
            double[][] ref = run(subject.widen(cfg, c.weights(), c.k(), base), c.tokens(), c.types(), false).logits();
            double[][] split = run(subject.widen(cfg, c.weights(), c.k(), base.withQkSplit(QkSplit.ALL_ON_Q)),
                    c.tokens(), c.types(), false).logits();
            close("WIDEN-P14", "qkSplit ALL_ON_Q vs SYMMETRIC", split, ref, TOL_LOGIT, TOL_LOGIT);
            if (cfg.activation().positivelyHomogeneous()) {
                PropertyHarness.regime("homogeneous-ffn");
                double[][] pair = run(subject.widen(cfg, c.weights(), c.k(), base.withFfnPolicy(ActivationPolicy.PAIR)),
                        c.tokens(), c.types(), false).logits();
                double[][] plain = run(subject.widen(cfg, c.weights(), c.k(),
                        base.withFfnPolicy(ActivationPolicy.PLAIN)), c.tokens(), c.types(), false).logits();
                close("WIDEN-P14", "ffnPolicy PAIR vs PLAIN", pair, plain, TOL_LOGIT, TOL_LOGIT);
            }
            Activation mlm = cfg.mlmActivation();
            if (cfg.head().mlm() && mlm.positivelyHomogeneous()) {
                PropertyHarness.regime("homogeneous-mlm");
                double[][] pair = run(subject.widen(cfg, c.weights(), c.k(), base.withMlmPolicy(ActivationPolicy.PAIR)),
                        c.tokens(), c.types(), false).logits();
                double[][] plain = run(subject.widen(cfg, c.weights(), c.k(),
                        base.withMlmPolicy(ActivationPolicy.PLAIN)), c.tokens(), c.types(), false).logits();
                close("WIDEN-P14", "mlmPolicy PAIR vs PLAIN", pair, plain, TOL_LOGIT, TOL_LOGIT);
            }
            assertThat(maxAbs(ref)).as("WIDEN-P14 finite logits").isLessThan(Double.POSITIVE_INFINITY);
        });
    }
}
