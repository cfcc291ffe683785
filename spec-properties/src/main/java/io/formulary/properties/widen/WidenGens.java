package io.formulary.properties.widen;

import io.formulary.core.nn.Activation;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.FfnKind;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.OutputHead;
import io.formulary.core.nn.Placement;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.properties.PropertyHarness;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Generators of the WIDEN chapter: G-cfg (small random Transformer configurations with all enum options), G-w
 * (seeded Gaussian weights at scale {@code s} in {0.1, 0.7, 2}), G-k (widening factors biased to 2), and vectors
 * and norm rows that mix in the hard regimes (huge and tiny magnitudes, nearly constant rows). Every generator is
 * constructive and counts the regimes it produces with {@link PropertyHarness#regime}.
 */
public final class WidenGens {

    /** Epsilons of G-cfg. */
    public static final double[] EPSILONS = {1e-12, 1e-6, 1e-5, 1e-1};
    /** Weight scales of G-w. */
    public static final double[] SCALES = {0.1, 0.7, 2.0};
    /** Residual multipliers of G-cfg. */
    public static final double[] ALPHAS = {1, 0.5, 0};
    /** FFN activations of G-cfg. */
    public static final List<Activation> ACTIVATIONS = List.of(Activation.RELU, Activation.leakyRelu(0.01),
            Activation.leakyRelu(0.2), Activation.GELU_ERF, Activation.GELU_TANH, Activation.LINEAR);
    /** MLM activations of G-cfg. */
    public static final List<Activation> MLM_ACTIVATIONS = List.of(Activation.GELU_ERF, Activation.GELU_TANH,
            Activation.RELU, Activation.leakyRelu(0.01));

    private WidenGens() {
    }

    /**
     * A model with its input and a widening factor.
     *
     * @param config        configuration
     * @param weights       weights from G-w
     * @param tokens        token ids
     * @param types         type ids, or null
     * @param k             widening factor from G-k
     * @param hiddenPattern hidden-axis pattern to widen with
     * @param scale         the G-w scale {@code s}
     */
    public record ModelCase(TransformerConfig config, TransformerWeights weights, int[] tokens, int[] types, int k,
                            RepeatPattern hiddenPattern, double scale) {
        @Override
        public String toString() {
            return "ModelCase[k=" + k + ", hidden=" + hiddenPattern + ", s=" + scale + ", tokens="
                    + Arrays.toString(tokens) + ", types=" + Arrays.toString(types) + ", config=" + config + "]";
        }
    }

    /** G-k: {@code k in {1,2,3,4,5,8}}, biased to 2. */
    public static Gen<Integer> ks() {
        return Generate.frequency(Pair.of(4, Generate.constant(2)), Pair.of(1, Generate.constant(1)),
                Pair.of(2, Generate.constant(3)), Pair.of(2, Generate.constant(4)), Pair.of(1, Generate.constant(5)),
                Pair.of(1, Generate.constant(8))).map(k -> {
                    if (k == 1) {
                        PropertyHarness.regime("k=1");
                    }
                    return k;
                });
    }

    /** Small factors {@code k in [1,4]} for quadratic-cost checks. */
    public static Gen<Integer> smallKs() {
        return integers().between(1, 4);
    }

    /** Integers in {@code [lo, hi]} with the edge value {@code lo} mixed in (one draw in seven, plus its share). */
    private static Gen<Integer> edgeBiased(int lo, int hi) {
        return Generate.frequency(Pair.of(1, Generate.constant(lo)), Pair.of(6, integers().between(lo, hi)));
    }

    /** G-cfg x G-w x G-k: a random small model, its input and a factor; all options of WIDEN-P8. */
    public static Gen<ModelCase> models() {
        Gen<int[]> sizes = edgeBiased(1, 4).zip(edgeBiased(1, 6), integers().between(1, 24), integers().between(0, 3),
                edgeBiased(1, 9), (h, dh, dd, l, n) -> new int[] {h, dh, dd, l, n});
        Gen<int[]> style = integers().between(0, ACTIVATIONS.size() - 1).zip(integers().between(0, 1),
                integers().between(0, 1), integers().between(0, 1), integers().between(0, 1),
                (a, f, sc, pl, nk) -> new int[] {a, f, sc, pl, nk});
        Gen<int[]> head = integers().between(0, 3).zip(integers().between(0, MLM_ACTIVATIONS.size() - 1),
                integers().between(0, 1), integers().between(0, ALPHAS.length - 1),
                integers().between(0, EPSILONS.length - 1), (hd, ma, c, al, ep) -> new int[] {hd, ma, c, al, ep});
        Gen<int[]> extra = integers().between(0, 2).zip(integers().between(0, 2), integers().between(0, 2),
                integers().between(0, 3), integers().between(0, 1), (r, hp, s, emb, os) -> new int[] {r, hp, s, emb, os});
        Gen<long[]> kSeed = ks().zip(longs().all(), integers().between(2, 13), (k, seed, v) -> new long[] {k, seed, v});
        return sizes.zip(style, head, extra, kSeed, WidenGens::build);
    }

    /** Builds one model case from the drawn choices (constructive; adjusts sizes to the chosen options). */
    static ModelCase build(int[] sizes, int[] style, int[] head, int[] extra, long[] kSeed) {
        int h = sizes[0];
        int dh = sizes[1];
        int dd = sizes[2];
        int layers = sizes[3];
        int n = sizes[4];
        int k = (int) kSeed[0];
        long seed = kSeed[1];
        int vocab = (int) kSeed[2];
        Activation act = ACTIVATIONS.get(style[0]);
        FfnKind ffn = style[1] == 0 ? FfnKind.PLAIN : FfnKind.GATED;
        AttentionScaling scaling = style[2] == 0 ? AttentionScaling.INV_SQRT_HEAD : AttentionScaling.NONE;
        Placement placement = style[3] == 0 ? Placement.POST : Placement.PRE;
        NormKind norm = style[4] == 0 ? NormKind.LAYER_NORM : NormKind.RMS_NORM;
        OutputHead outHead = OutputHead.values()[head[0]];
        Activation mlmAct = MLM_ACTIVATIONS.get(head[1]);
        boolean causal = head[2] == 1;
        double alpha = ALPHAS[head[3]];
        double eps = EPSILONS[head[4]];
        int ropeMode = extra[0];
        if (ropeMode > 0 && dh % 2 != 0) {
            dh = dh == 1 ? 2 : dh - 1;
        }
        if (norm == NormKind.LAYER_NORM && h * dh < 2) {
            // LayerNorm of a single unit is a constant row (WIDEN-P8 excludes d = 1 with LayerNorm).
            dh = 2;
        }
        int d = h * dh;
        RepeatPattern hidden = RepeatPattern.values()[extra[1]];
        if (hidden == RepeatPattern.PAIR_BLOCK && d % 2 != 0) {
            hidden = RepeatPattern.INTERLEAVED;
        }
        double s = SCALES[extra[2]];
        int maxPositions = (extra[3] & 1) == 1 ? 16 : 0;
        int types = (extra[3] & 2) == 2 ? 2 : 0;
        boolean embNorm = types > 0 || extra[4] == 1;
        double outScale = extra[4] == 1 ? 1.0 / Math.sqrt(d) : 1.0;
        TransformerConfig c = new TransformerConfig(vocab, d, h, dd, layers, act, ffn, scaling, ropeMode > 0,
                TransformerConfig.DEFAULT_ROPE_BASE, ropeMode == 2 ? RopeLayout.HALF_SPLIT : RopeLayout.INTERLEAVED_PAIRS,
                maxPositions, types, embNorm, norm, eps, placement, alpha, causal, outHead,
                outHead.mlm() ? mlmAct : null, eps, outScale);
        SplittableRandom r = new SplittableRandom(seed);
        TransformerWeights w = RandomInit.chapter(s).sample(c, r.nextLong());
        int[] tokens = new int[n];
        for (int m = 0; m < n; m++) {
            tokens[m] = r.nextInt(vocab);
        }
        int[] typeIds = null;
        if (types > 0) {
            typeIds = new int[n];
            for (int m = 0; m < n; m++) {
                typeIds[m] = r.nextInt(types);
            }
        }
        regimes(c, n, dh, s, hidden);
        return new ModelCase(c, w, tokens, typeIds, k, hidden, s);
    }

    private static void regimes(TransformerConfig c, int n, int dh, double s, RepeatPattern hidden) {
        if (c.numLayers() == 0) {
            PropertyHarness.regime("L=0");
        }
        if (n == 1) {
            PropertyHarness.regime("n=1");
        }
        if (c.numHeads() == 1) {
            PropertyHarness.regime("H=1");
        }
        if (dh == 1) {
            PropertyHarness.regime("dh=1");
        }
        if (c.rope()) {
            PropertyHarness.regime("rope");
        }
        if (c.causal()) {
            PropertyHarness.regime("causal");
        }
        if (s == 2.0) {
            PropertyHarness.regime("large-weights");
        }
        if (c.ffnKind() == FfnKind.GATED) {
            PropertyHarness.regime("gated");
        }
        if (c.head().mlm()) {
            PropertyHarness.regime("mlm-head");
        }
        if (!c.activation().positivelyHomogeneous()) {
            PropertyHarness.regime("non-homogeneous");
        }
        if (hidden != RepeatPattern.INTERLEAVED) {
            PropertyHarness.regime("hidden-" + hidden);
        }
    }

    /**
     * Vectors of length {@code [minN, maxN]} whose entries are standard normal times one magnitude
     * {@code 10^e}, {@code e} drawn from {@code [-150, 150]} (biased to the extremes).
     */
    public static Gen<double[]> vectors(int minN, int maxN) {
        Gen<Integer> exps = Generate.frequency(Pair.of(1, Generate.constant(-150)), Pair.of(1, Generate.constant(150)),
                Pair.of(4, integers().between(-150, 150)));
        return integers().between(minN, maxN).zip(exps, longs().all(), (n, e, seed) -> {
            if (Math.abs(e) >= 100) {
                PropertyHarness.regime("extreme-magnitude");
            }
            SplittableRandom r = new SplittableRandom(seed);
            double scale = Math.pow(10, e);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = scale * r.nextGaussian();
            }
            return v;
        });
    }

    /** Standard normal matrices of {@code rows x cols} from a seed. */
    public static double[][] gaussian(SplittableRandom r, int rows, int cols, double std) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = std * r.nextGaussian();
            }
        }
        return m;
    }

    /** Standard normal vectors from a seed. */
    public static double[] gaussian(SplittableRandom r, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * r.nextGaussian();
        }
        return v;
    }

    /**
     * Norm input rows of length {@code [2, 16]}: generic ({@code N(mu, 1)}), nearly constant (variance in
     * {@code [1e-8, 1e-2]} around a mean up to 10), or with one outlier.
     */
    public static Gen<double[]> normRows() {
        return integers().between(2, 16).zip(integers().between(0, 2), longs().all(), (n, kind, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double mu = 10 * (r.nextDouble() - 0.5);
            double[] x = new double[n];
            double spread = 1;
            if (kind == 1) {
                spread = Math.pow(10, -4 + 3 * r.nextDouble());
                PropertyHarness.regime("nearly-constant");
            }
            for (int i = 0; i < n; i++) {
                x[i] = mu + spread * r.nextGaussian();
            }
            if (kind == 2) {
                x[r.nextInt(n)] += 1e3;
                PropertyHarness.regime("outlier");
            }
            return x;
        });
    }

    /** The chapter's toy BERT: {@code V=11, d=8, H=2, D=16, L=2}, GELU, scaled, MLM tied, LN {@code eps=1e-5}. */
    public static TransformerConfig toyBert() {
        return TransformerConfig.bertLike(11, 8, 2, 16, 2).withEpsilon(1e-5).withMlmEpsilon(1e-5);
    }

    /** Eight seeded tokens of the toy models. */
    public static int[] toyTokens(long seed, int vocab) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[8];
        for (int m = 0; m < t.length; m++) {
            t[m] = r.nextInt(vocab);
        }
        return t;
    }
}
