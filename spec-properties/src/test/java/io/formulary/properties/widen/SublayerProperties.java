package io.formulary.properties.widen;

import io.formulary.core.nn.ActivationKind;
import io.formulary.core.nn.AttentionResult;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Norms;
import io.formulary.core.nn.Rope;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.ScaleCalculus;
import io.formulary.core.widen.WideningFactors;
import io.formulary.core.widen.WideningPlan;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.core.Gen;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.widen.WidenAsserts.close;
import static io.formulary.properties.widen.WidenAsserts.predicted;
import static io.formulary.properties.widen.WidenAsserts.ulps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties of the sublayers under widening, and of the reference model itself: WIDEN-P4 to P7, P16. */
class SublayerProperties {

    private static final List<RepeatPattern> WIDENING = List.of(RepeatPattern.INTERLEAVED, RepeatPattern.TILED,
            RepeatPattern.PAIR_BLOCK);

    private WideningContract subject = Subjects.of(WideningContract.class, ReferenceWidening::new);

    /** The properties checked against another subject (JUnit needs a single constructor, hence a factory). */
    static SublayerProperties of(WideningContract subject) {
        SublayerProperties p = new SublayerProperties();
        p.subject = subject;
        return p;
    }

    /** {@code sigma rep_pi(x)} of a vector, through the subject's matrix widening. */
    private double[] rep(double[] x, RepeatPattern p, int k, double sigma) {
        return subject.matrix(new double[][] {x}, RepeatPattern.NONE, p, k, sigma)[0];
    }

    private double[][] repRows(double[][] x, RepeatPattern p, int k, double sigma) {
        return subject.matrix(x, RepeatPattern.NONE, p, k, sigma);
    }

    @Property
    @Tag("WIDEN-P4")
    @DisplayName("WIDEN-P4: a linear layer widened with f_W = sigma_out/(k sigma_in), f_b = sigma_out maps sigma_in rep(x) to sigma_out rep(xW+b)")
    void linearLayersCommuteWithRepetition() {
        Gen<long[]> cases = integers().between(1, 6).zip(integers().between(1, 6), integers().between(1, 4),
                integers().between(0, 80), longs().all(), (din, dout, n, choice, s) -> new long[] {din, dout, n, choice, s});
        qt().forAll(cases, WidenGens.smallKs()).checkAssert((c, k) -> {
            SplittableRandom r = new SplittableRandom(c[4]);
            int choice = (int) c[3];
            RepeatPattern pin = WIDENING.get(choice % 3);
            RepeatPattern pout = WIDENING.get((choice / 3) % 3);
            WideningFactors f = WideningFactors.of(k);
            double[] sigmas = {f.invSqrtK(), 1, f.invK14()};
            double sIn = sigmas[(choice / 9) % 3];
            double sOut = sigmas[(choice / 27) % 3];
            int din = (int) c[0] + (pin == RepeatPattern.PAIR_BLOCK && c[0] % 2 != 0 ? 1 : 0);
            int dout = (int) c[1] + (pout == RepeatPattern.PAIR_BLOCK && c[1] % 2 != 0 ? 1 : 0);
            double[][] x = WidenGens.gaussian(r, (int) c[2], din, 1);
            double[][] w = WidenGens.gaussian(r, din, dout, 1);
            double[] b = WidenGens.gaussian(r, dout, 1);
            ScaleCalculus.LinearFactors lf = subject.linearFactors(sIn, sOut, k);
            double[][] wide = subject.linear(repRows(x, pin, k, sIn), subject.matrix(w, pin, pout, k, lf.weight()),
                    rep(b, pout, k, lf.bias()));
            double[][] expected = repRows(subject.linear(x, w, b), pout, k, sOut);
            close("WIDEN-P4", "lin(sigma_in rep x) (sigma_in=" + sIn + ", sigma_out=" + sOut + ")", wide, expected,
                    1e-13, 1e-13);
        });
        // The article's three instances are special cases of the rule.
        for (int k = 1; k <= 8; k++) {
            WideningFactors f = WideningFactors.of(k);
            ScaleCalculus.LinearFactors a = subject.linearFactors(f.invSqrtK(), f.invSqrtK(), k);
            ScaleCalculus.LinearFactors b = subject.linearFactors(f.invSqrtK(), 1, k);
            ScaleCalculus.LinearFactors c = subject.linearFactors(1, f.invSqrtK(), k);
            assertThat(ulps(a.weight(), f.invK()) + ulps(a.bias(), f.invSqrtK())).as("WIDEN-P4 (1/k, k^-1/2)")
                    .isLessThanOrEqualTo(4);
            assertThat(ulps(b.weight(), f.invSqrtK()) + ulps(b.bias(), 1)).as("WIDEN-P4 (k^-1/2, 1)")
                    .isLessThanOrEqualTo(4);
            assertThat(ulps(c.weight(), f.invK32())).as("WIDEN-P4 k^-3/2 with sigma_in = 1").isLessThanOrEqualTo(4);
        }
    }

    @Property
    @Tag("WIDEN-P5")
    @DisplayName("WIDEN-P5: ReLU and the identity are exactly positively homogeneous, leaky ReLU within 2 ulp, GELU is not (F17 values)")
    void homogeneityHoldsExactlyForTheReluFamily() {
        qt().forAll(doubles().between(1e-6, 10), doubles().between(-50, 50)).checkAssert((c, x) -> {
            for (ActivationKind kind : new ActivationKind[] {ActivationKind.RELU, ActivationKind.LINEAR}) {
                assertThat(subject.activate(kind, 0, c * x)).as("WIDEN-P5 %s(cx) = c %s(x)", kind, kind)
                        .isEqualTo(c * subject.activate(kind, 0, x));
            }
            for (double slope : new double[] {0.01, 0.2}) {
                double lhs = subject.activate(ActivationKind.LEAKY_RELU, slope, c * x);
                double rhs = c * subject.activate(ActivationKind.LEAKY_RELU, slope, x);
                assertThat(ulps(lhs, rhs)).as("WIDEN-P5 leaky(%s) homogeneity %s vs %s", slope, lhs, rhs)
                        .isLessThanOrEqualTo(2);
            }
        });
        double c = 0.7071067811865476;
        double erf = subject.activationDefect(ActivationKind.GELU_ERF, 0, c, 1);
        double tanh = subject.activationDefect(ActivationKind.GELU_TANH, 0, c, 1);
        // Chapter values (WIDEN-P5, mpmath): GELU(1/sqrt2) - GELU(1)/sqrt2.
        assertThat(erf).as("WIDEN-P5 GELU_ERF defect").isCloseTo(-0.0573426880632795, org.assertj.core.data.Offset.offset(2e-16));
        assertThat(tanh).as("WIDEN-P5 GELU_TANH defect").isCloseTo(-0.0572918241048377, org.assertj.core.data.Offset.offset(2e-16));
        assertThat(subject.activationDefect(ActivationKind.RELU, 0, c, 1)).as("WIDEN-P5 ReLU defect").isZero();
    }

    private static double conditionNumber(NormKind kind, double[] x, double eps) {
        return AccurateSums.maxAbs(x) / Math.sqrt(Norms.secondMoment(kind, x) + eps);
    }

    @Property
    @Tag("WIDEN-P6")
    @DisplayName("WIDEN-P6: norms commute with repetition when eps~ = sigma_in^2 eps; with eps kept the normalized part shrinks by the F21 factor; eps=0 norms are scale invariant")
    void normsCommuteWithTheEpsilonRule() {
        qt().forAll(WidenGens.normRows(), WidenGens.smallKs(), longs().all()).checkAssert((x, k, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            NormKind kind = r.nextBoolean() ? NormKind.LAYER_NORM : NormKind.RMS_NORM;
            boolean ln = kind == NormKind.LAYER_NORM;
            double eps = WidenGens.EPSILONS[r.nextInt(WidenGens.EPSILONS.length)];
            RepeatPattern p = WIDENING.get(r.nextInt(2));
            WideningFactors f = WideningFactors.of(k);
            double[] gamma = WidenGens.gaussian(r, x.length, 0.3);
            for (int i = 0; i < gamma.length; i++) {
                gamma[i] += 1;
            }
            double[] beta = ln ? WidenGens.gaussian(r, x.length, 0.3) : null;
            double bound = 1e-13 * (1 + conditionNumber(kind, x, eps));
            double[] y = subject.normalize(kind, x, gamma, beta, eps);
            for (boolean plainInput : new boolean[] {false, true}) {
                double sIn = plainInput ? 1 : f.invSqrtK();
                double epsWide = plainInput ? eps : eps * f.invK();
                double[] yw = subject.normalize(kind, rep(x, p, k, sIn), rep(gamma, p, k, f.invSqrtK()),
                        ln ? rep(beta, p, k, f.invSqrtK()) : null, epsWide);
                close("WIDEN-P6", kind + " sigma_in=" + sIn, new double[][] {yw},
                        new double[][] {rep(y, p, k, f.invSqrtK())}, bound, 0);
            }
            // Epsilon kept (F21): the normalized part is rep(original) times sqrt((s2+eps)/(s2+k eps)).
            double[] ones = new double[x.length];
            Arrays.fill(ones, 1);
            double[] zeros = ln ? new double[x.length] : null;
            double[] part = subject.normalize(kind, x, ones, zeros, eps);
            double[] kept = subject.normalize(kind, rep(x, p, k, f.invSqrtK()), rep(ones, p, k, 1),
                    ln ? new double[k * x.length] : null, eps);
            double factor = subject.keptEpsilonFactor(Norms.secondMoment(kind, x), eps, k);
            close("WIDEN-P6", "F21 with epsilon kept", new double[][] {kept}, new double[][] {rep(part, p, k, factor)},
                    bound, 0);
            // Scale invariance for eps = 0.
            double cScale = new double[] {1e-3, 0.5, 7, 1e3}[r.nextInt(4)];
            double[] scaled = x.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= cScale;
            }
            close("WIDEN-P6", "scale invariance, eps=0", new double[][] {subject.normalize(kind, scaled, gamma, beta, 0)},
                    new double[][] {subject.normalize(kind, x, gamma, beta, 0)}, 1e-13 * (1 + conditionNumber(kind, x, 0)),
                    0);
            if (ln && k > 1) {
                unbiasedVarianceNeedsRepairedConstants(x, k, eps, f);
            }
        });
        // E10: zero padding breaks LayerNorm: LN([1,2]) = [-1,1] but LN([1,2,0,0]) is not a repetition of it.
        double[] padded = Norms.normalizedPart(NormKind.LAYER_NORM, new double[] {1, 2, 0, 0}, 0);
        assertThat(padded).as("WIDEN-P6 LN of zero-padded [1,2] (E10)").containsExactly(
                new double[] {0.30151134457776363, 1.507556722888818, -0.9045340337332909, -0.9045340337332909},
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(subject.normalize(NormKind.LAYER_NORM, new double[] {1, 2}, new double[] {1, 1}, new double[2], 0))
                .containsExactly(new double[] {-1, 1}, org.assertj.core.data.Offset.offset(1e-15));
    }

    /** Unbiased-variance LayerNorm with the repaired constants of E9 (independent of the reference norm). */
    private static double[] unbiasedLayerNorm(double[] x, double gammaScale, double eps) {
        double mu = AccurateSums.sum(x) / x.length;
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i] - mu;
        }
        double s2 = AccurateSums.dot(c, c) / (x.length - 1);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gammaScale * c[i] / Math.sqrt(s2 + eps);
        }
        return y;
    }

    private void unbiasedVarianceNeedsRepairedConstants(double[] x, int k, double eps, WideningFactors f) {
        int d = x.length;
        double[] xw = rep(x, RepeatPattern.INTERLEAVED, k, f.invSqrtK());
        double[] expected = rep(unbiasedLayerNorm(x, 1, eps), RepeatPattern.INTERLEAVED, k, f.invSqrtK());
        double cst = Math.sqrt((k * d - 1.0) / (k * (d - 1.0)));
        double[] repaired = unbiasedLayerNorm(xw, f.invSqrtK() / cst, eps * (d - 1.0) / (k * d - 1.0));
        double bound = 1e-13 * (1 + conditionNumber(NormKind.LAYER_NORM, x, eps));
        close("WIDEN-P6", "E9 repaired unbiased LayerNorm", new double[][] {repaired}, new double[][] {expected}, bound,
                0);
        double[] standard = unbiasedLayerNorm(xw, f.invSqrtK(), eps * f.invK());
        double dev = 0;
        for (int i = 0; i < standard.length; i++) {
            dev = Math.max(dev, Math.abs(standard[i] - expected[i]));
        }
        // The defect is the factor sqrt((s2 + eps)/(k s2 (d-1)/(kd-1) + eps)); visible once s2 is not below eps.
        if (Norms.secondMoment(NormKind.LAYER_NORM, x) * d / (d - 1.0) >= eps) {
            PropertyHarness.regime("E9-visible");
            assertThat(dev).as("WIDEN-P6 E9 standard rule is not exact for the unbiased variance")
                    .isGreaterThan(1e-4 * AccurateSums.maxAbs(expected));
        }
    }

    @Property
    @Tag("WIDEN-P7")
    @DisplayName("WIDEN-P7: a widened attention sublayer with head-local patterns has the original probabilities per head and output k^(-1/2) rep(out), for any q/k split with the product rule")
    void attentionCommutesWithHeadLocalRepetition() {
        Gen<long[]> cases = integers().between(1, 3).zip(integers().between(1, 4), integers().between(1, 6),
                integers().between(0, 63), longs().all(), (h, half, n, choice, s) -> new long[] {h, half, n, choice, s});
        qt(PropertyPolicy.examples(0.5)).forAll(cases, WidenGens.smallKs()).checkAssert((c, k) -> {
            SplittableRandom r = new SplittableRandom(c[4]);
            int h = (int) c[0];
            int choice = (int) c[3];
            boolean scaled = (choice & 1) == 0;
            boolean causal = (choice & 2) != 0;
            boolean allOnQ = (choice & 4) != 0;
            int ropeMode = (choice >> 3) % 3;
            RepeatPattern hidden = WIDENING.get((choice >> 3) / 3 % 3);
            int dh = ropeMode > 0 || hidden == RepeatPattern.PAIR_BLOCK ? 2 * (int) c[1] : (int) c[1] + 1;
            int d = h * dh;
            int n = (int) c[2];
            WideningFactors f = WideningFactors.of(k);
            double sq;
            double sk;
            if (allOnQ) {
                sk = f.invSqrtK();
                sq = scaled ? 1 : f.invSqrtK();
            } else {
                sq = scaled ? f.invK14() : f.invSqrtK();
                sk = sq;
            }
            RopeLayout layout = ropeMode == 2 ? RopeLayout.HALF_SPLIT : RopeLayout.INTERLEAVED_PAIRS;
            RepeatPattern qk = ropeMode == 1 ? RepeatPattern.PAIR_BLOCK : RepeatPattern.INTERLEAVED;
            double[] theta = ropeMode > 0 ? Rope.standardFrequencies(dh, 10_000) : null;
            double[] thetaWide = null;
            if (theta != null) {
                PropertyHarness.regime("rope-" + layout);
                thetaWide = new double[k * theta.length];
                for (int j = 0; j < thetaWide.length; j++) {
                    thetaWide[j] = theta[j / k];
                }
            }
            double[][] x = WidenGens.gaussian(r, n, d, 1);
            double[][][] w = new double[4][][];
            double[][] b = new double[4][];
            for (int i = 0; i < 4; i++) {
                w[i] = WidenGens.gaussian(r, d, d, 1.5 / Math.sqrt(d));
                b[i] = WidenGens.gaussian(r, d, 0.5);
            }
            AttentionScaling sc = scaled ? AttentionScaling.INV_SQRT_HEAD : AttentionScaling.NONE;
            AttentionResult orig = subject.selfAttention(x, w[0], b[0], w[1], b[1], w[2], b[2], w[3], b[3], h, sc,
                    causal, theta, layout, 0);
            double s = f.invSqrtK();
            ScaleCalculus.LinearFactors fq = subject.linearFactors(s, sq, k);
            ScaleCalculus.LinearFactors fk = subject.linearFactors(s, sk, k);
            ScaleCalculus.LinearFactors fv = subject.linearFactors(s, s, k);
            AttentionResult wide = subject.selfAttention(repRows(x, hidden, k, s),
                    subject.matrix(w[0], hidden, qk, k, fq.weight()), rep(b[0], qk, k, fq.bias()),
                    subject.matrix(w[1], hidden, qk, k, fk.weight()), rep(b[1], qk, k, fk.bias()),
                    subject.matrix(w[2], hidden, RepeatPattern.INTERLEAVED, k, fv.weight()),
                    rep(b[2], RepeatPattern.INTERLEAVED, k, fv.bias()),
                    subject.matrix(w[3], RepeatPattern.INTERLEAVED, hidden, k, fv.weight()), rep(b[3], hidden, k, fv.bias()),
                    h, sc, causal, thetaWide, layout, 0);
            double[][][] p = orig.probabilities();
            double[][][] pw = wide.probabilities();
            for (int head = 0; head < h; head++) {
                close("WIDEN-P7", "P of head " + head, pw[head], p[head], 1e-13, 0);
            }
            double[][] expected = predicted(orig.output(), new WideningPlan.Space(2, hidden), k);
            close("WIDEN-P7", "attention output", wide.output(), expected, 1e-13, 1e-13);
        });
    }

    @Property
    @Tag("WIDEN-P16")
    @DisplayName("WIDEN-P16: softmax rows sum to 1, LayerNorm has mean 0 and variance s2/(s2+eps), causal prefixes are unaffected by later tokens, encoders are permutation equivariant, RoPE scores are shift invariant")
    void referenceModelIsSane() {
        double u = Tolerance.UNIT_ROUNDOFF;
        qt(PropertyPolicy.examples(0.5)).forAll(WidenGens.models()).checkAssert(c -> {
            TransformerConfig cfg = c.config();
            ForwardResult res = subject.forward(cfg, c.weights(), c.tokens(), c.types(), true);
            int n = c.tokens().length;
            for (int l = 1; l <= cfg.numLayers(); l++) {
                for (int h = 0; h < cfg.numHeads(); h++) {
                    for (double[] row : res.traced("L" + l + ".attn.P" + h)) {
                        assertThat(Math.abs(AccurateSums.sum(row) - 1)).as("WIDEN-P16 softmax row sum")
                                .isLessThanOrEqualTo(8 * n * u);
                    }
                }
            }
            for (double[] row : res.probabilities()) {
                assertThat(Math.abs(AccurateSums.sum(row) - 1)).as("WIDEN-P16 output probabilities sum")
                        .isLessThanOrEqualTo(8 * row.length * u);
            }
            if (cfg.causal() && n >= 2) {
                int m = (int) (Math.abs(c.weights().hashCode()) % (n - 1));
                int[] changed = c.tokens().clone();
                for (int i = m + 1; i < n; i++) {
                    changed[i] = (changed[i] + 1) % cfg.vocabSize();
                }
                double[][] a = res.logits();
                double[][] b = subject.forward(cfg, c.weights(), changed, c.types(), false).logits();
                for (int i = 0; i <= m; i++) {
                    assertThat(b[i]).as("WIDEN-P16 causal prefix row %d bit-identical", i).containsExactly(a[i]);
                }
            }
            if (!cfg.causal() && !cfg.rope() && !cfg.learnedPositions() && n >= 2) {
                PropertyHarness.regime("permutation");
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = (i + 1) % n;
                }
                int[] permuted = new int[n];
                int[] permutedTypes = c.types() == null ? null : new int[n];
                for (int i = 0; i < n; i++) {
                    permuted[i] = c.tokens()[perm[i]];
                    if (permutedTypes != null) {
                        permutedTypes[i] = c.types()[perm[i]];
                    }
                }
                double[][] a = res.logits();
                double[][] b = subject.forward(cfg, c.weights(), permuted, permutedTypes, false).logits();
                double[][] expected = new double[n][];
                for (int i = 0; i < n; i++) {
                    expected[i] = a[perm[i]];
                }
                close("WIDEN-P16", "permutation equivariance", b, expected, 1e-12, 1e-12);
            }
        });
        qt().forAll(WidenGens.normRows(), doubles().between(0, 0.1)).checkAssert((x, eps) -> {
            double[] part = Norms.normalizedPart(NormKind.LAYER_NORM, x, eps);
            double[] ones = new double[x.length];
            Arrays.fill(ones, 1);
            double[] y = subject.normalize(NormKind.LAYER_NORM, x, ones, new double[x.length], eps);
            assertThat(y).as("WIDEN-P16 subject matches the normalized part").hasSize(part.length);
            double cond = conditionNumber(NormKind.LAYER_NORM, x, eps);
            double mean = AccurateSums.sum(y) / y.length;
            assertThat(Math.abs(mean)).as("WIDEN-P16 LayerNorm mean").isLessThanOrEqualTo(1e-14 * (1 + cond));
            double s2 = Norms.secondMoment(NormKind.LAYER_NORM, x);
            double var = AccurateSums.dot(y, y) / y.length - mean * mean;
            assertThat(Math.abs(var - s2 / (s2 + eps))).as("WIDEN-P16 LayerNorm variance")
                    .isLessThanOrEqualTo(1e-13 * (1 + cond));
        });
        qt(PropertyPolicy.examples(0.25)).forAll(integers().between(1, 4), integers().between(-1000, 1000),
                longs().all()).checkAssert((half, shift, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int dh = 2 * half;
                    int n = 5;
                    double[][] x = WidenGens.gaussian(r, n, dh, 1);
                    double[][][] w = new double[4][][];
                    double[][] b = new double[4][];
                    for (int i = 0; i < 4; i++) {
                        w[i] = WidenGens.gaussian(r, dh, dh, 1);
                        b[i] = WidenGens.gaussian(r, dh, 0.5);
                    }
                    double[] theta = Rope.standardFrequencies(dh, 10_000);
                    for (RopeLayout layout : RopeLayout.values()) {
                        AttentionResult a = subject.selfAttention(x, w[0], b[0], w[1], b[1], w[2], b[2], w[3], b[3], 1,
                                AttentionScaling.INV_SQRT_HEAD, false, theta, layout, 0);
                        AttentionResult s = subject.selfAttention(x, w[0], b[0], w[1], b[1], w[2], b[2], w[3], b[3], 1,
                                AttentionScaling.INV_SQRT_HEAD, false, theta, layout, shift);
                        close("WIDEN-P16", "RoPE shift " + shift + " " + layout, s.probabilities()[0],
                                a.probabilities()[0], 1e-12, 0);
                    }
                });
    }
}
