package io.formulary.core.widen;

import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.FfnKind;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Placement;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical space assignment of a widening (WIDEN-F15): the scale {@code sigma = k^{-q/4}} (stored as the
 * number {@code q} of quarter powers) and the repetition pattern of every activation tensor, from which
 * {@link #tensorRules} derives every weight factor with the scale calculus (WIDEN-F14) and {@link #traceSpaces}
 * predicts every traced tensor of the widened model (WIDEN-P9). One source of truth for widening, narrowing and
 * the layer-wise invariant.
 *
 * @param k                 widening factor
 * @param factors           the factors of {@code k}
 * @param hiddenPattern     pattern of the residual stream and every hidden-axis tensor
 * @param qkPattern         pattern of the q and k head axes
 * @param valuePattern      pattern of the v head axis (and the rows of {@code W_o})
 * @param ffnPattern        pattern of the FFN inner axis
 * @param qQuarters         scale of q
 * @param kQuarters         scale of k
 * @param gateQuarters      scale of the activated FFN branch
 * @param upQuarters        scale of the linear (up) branch of a gated FFN
 * @param hiddenQuarters    scale of the FFN inner vector (gate, or gate times up)
 * @param ffn2BiasQuarters  quarters of the second-bias factor (2 exact, 4 for the article's {@code k^{-1}})
 * @param mlmDenseQuarters  scale of the activated MLM dense output
 * @param mlmNormQuarters   scale of the MLM norm output (2 exact, 4 with the extra division)
 * @param epsilonFactor     factor applied to the encoder norms' epsilon
 * @param mlmEpsilonFactor  factor applied to the MLM norm's epsilon
 * @param ropeFrequencies   rule for the RoPE frequencies
 */
public record WideningPlan(int k, WideningFactors factors, RepeatPattern hiddenPattern, RepeatPattern qkPattern,
                           RepeatPattern valuePattern, RepeatPattern ffnPattern, int qQuarters, int kQuarters,
                           int gateQuarters, int upQuarters, int hiddenQuarters, int ffn2BiasQuarters,
                           int mlmDenseQuarters, int mlmNormQuarters, double epsilonFactor, double mlmEpsilonFactor,
                           RopeFrequencies ropeFrequencies) {

    /** Quarter powers of the residual stream: {@code sigma = k^{-1/2}}. */
    public static final int RESIDUAL = 2;

    /** The scale and pattern of one activation space. */
    public record Space(int quarters, RepeatPattern pattern) {
        /** {@code sigma = k^{-quarters/4}} with the canonical factors. */
        public double sigma(WideningFactors f) {
            return f.quarterPower(quarters);
        }
    }

    /**
     * How one weight tensor is widened: {@code W~_{ij} = f W_{pi_r(i), pi_c(j)}} (vectors: rows only).
     *
     * @param rows   pattern of the first axis
     * @param cols   pattern of the second axis (null for vectors)
     * @param factor the factor {@code f}
     */
    public record TensorRule(RepeatPattern rows, RepeatPattern cols, double factor) {
    }

    /**
     * The canonical space assignment for widening {@code config} by {@code k} under {@code options}.
     *
     * <p>Residual stream, norm outputs, attention and FFN outputs: {@code k^{-1/2}}; q, k: {@code k^{-1/4}} each
     * (scaled) or {@code k^{-1/2}} (unscaled) so that {@code sigma_q sigma_k = k^{-1/2}} resp. {@code k^{-1}}; v:
     * {@code k^{-1/2}}; FFN hidden {@code k^{-1/2}} ({@code PLAIN}) or 1 ({@code PAIR}); gated: gate/up/product
     * {@code 1 / k^{-1/2} / k^{-1/2}} ({@code PAIR}) or {@code k^{-1/2} / k^{-1/2} / k^{-1}} ({@code PLAIN});
     * MLM dense {@code k^{-1/2}} ({@code PLAIN}) or 1 ({@code PAIR}); norm epsilons times the square of the
     * input scale. Exact integer bookkeeping. Source: WIDEN-F15.
     *
     * @param config  the original configuration
     * @param k       widening factor {@code >= 1}
     * @param options widening options
     * @return the plan
     * @throws IllegalArgumentException for {@code k < 1} or a {@code PAIR_BLOCK} pattern on an odd axis
     */
    @Formula(value = "WIDEN-F15", title = "Canonical space assignment of the widened model",
            args = {@Formula.Arg(name = "config", shape = "record TransformerConfig"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "options", shape = "record WideningOptions")},
            output = "record: patterns, quarter powers of every space, epsilon factors",
            accuracy = "exact (integers); factors from WideningFactors")
    public static WideningPlan of(TransformerConfig config, int k, WideningOptions options) {
        Checks.notNull(config, "config");
        Checks.notNull(options, "options");
        Repeat.checkK(k);
        WideningFactors f = WideningFactors.of(k);
        int dh = config.headSize();
        RepeatPattern qk;
        RepeatPattern v;
        switch (options.headPattern()) {
            case AUTO:
                qk = config.rope() && config.ropeLayout() == RopeLayout.INTERLEAVED_PAIRS ? RepeatPattern.PAIR_BLOCK
                        : RepeatPattern.INTERLEAVED;
                v = RepeatPattern.INTERLEAVED;
                break;
            case INTERLEAVED:
                qk = RepeatPattern.INTERLEAVED;
                v = qk;
                break;
            case TILED:
                qk = RepeatPattern.TILED;
                v = qk;
                break;
            case PAIR_BLOCK:
                qk = RepeatPattern.PAIR_BLOCK;
                v = qk;
                break;
            default:
                throw new IllegalStateException(options.headPattern().name());
        }
        if (qk == RepeatPattern.PAIR_BLOCK && dh % 2 != 0) {
            throw Checks.fail("headPattern", "PAIR_BLOCK needs an even head size, got d_h=" + dh);
        }
        if (options.hiddenPattern() == RepeatPattern.PAIR_BLOCK && config.d() % 2 != 0) {
            throw Checks.fail("hiddenPattern", "PAIR_BLOCK needs an even width, got d=" + config.d());
        }
        boolean scaled = config.attentionScaling() == AttentionScaling.INV_SQRT_HEAD && !options.omitQuarterPower();
        int qq;
        int kq;
        if (options.qkSplit() == QkSplit.SYMMETRIC) {
            qq = scaled ? 1 : 2;
            kq = qq;
        } else {
            kq = 2;
            qq = scaled ? 0 : 2;
        }
        boolean ffnPair = resolve(options.ffnPolicy(), config.activation().positivelyHomogeneous());
        boolean gated = config.ffnKind() == FfnKind.GATED;
        int gate = ffnPair ? 0 : 2;
        int up = 2;
        int hidden = gated ? gate + up : gate;
        int b2 = ffnPair && options.ffn2BiasFactor() == Ffn2BiasFactor.ARTICLE ? 4 : 2;
        boolean mlmPair = config.head().mlm()
                && resolve(options.mlmPolicy(), config.mlmActivation().positivelyHomogeneous());
        int mlmDense = mlmPair ? 0 : 2;
        int mlmNorm = mlmPair && options.mlmNormExtraDivision() ? 4 : 2;
        double eps;
        double mlmEps;
        switch (options.epsilonPolicy()) {
            case DIVIDE_BY_K:
                eps = f.quarterPower(2 * RESIDUAL);
                mlmEps = f.quarterPower(2 * mlmDense);
                break;
            case KEEP:
                eps = 1;
                mlmEps = 1;
                break;
            case DIVIDE_ALL_BY_K:
                eps = f.invK();
                mlmEps = f.invK();
                break;
            default:
                throw new IllegalStateException(options.epsilonPolicy().name());
        }
        return new WideningPlan(k, f, options.hiddenPattern(), qk, v, RepeatPattern.INTERLEAVED, qq, kq, gate, up,
                hidden, b2, mlmDense, mlmNorm, eps, mlmEps, options.ropeFrequencies());
    }

    private static boolean resolve(ActivationPolicy p, boolean homogeneous) {
        return p == ActivationPolicy.PAIR || (p == ActivationPolicy.AUTO && !homogeneous);
    }

    /** The rule of a linear layer from {@code in} to {@code out}: {@code f_W = k^{-(4 + q_out - q_in)/4}}. */
    private TensorRule weight(Space in, Space out) {
        return new TensorRule(in.pattern(), out.pattern(), factors.quarterPower(4 + out.quarters() - in.quarters()));
    }

    private TensorRule bias(Space out) {
        return new TensorRule(out.pattern(), null, factors.quarterPower(out.quarters()));
    }

    private TensorRule biasWithQuarters(RepeatPattern p, int quarters) {
        return new TensorRule(p, null, factors.quarterPower(quarters));
    }

    /** The rule for every weight tensor of {@code config}, keyed like {@code TransformerWeights.named()}. */
    public Map<String, TensorRule> tensorRules(TransformerConfig config) {
        Space resid = new Space(RESIDUAL, hiddenPattern);
        Space q = new Space(qQuarters, qkPattern);
        Space kk = new Space(kQuarters, qkPattern);
        Space v = new Space(RESIDUAL, valuePattern);
        Space gate = new Space(gateQuarters, ffnPattern);
        Space up = new Space(upQuarters, ffnPattern);
        Space hid = new Space(hiddenQuarters, ffnPattern);
        Space mlm = new Space(mlmDenseQuarters, hiddenPattern);
        Map<String, TensorRule> r = new LinkedHashMap<>();
        TensorRule embed = new TensorRule(RepeatPattern.NONE, hiddenPattern, factors.invSqrtK());
        TensorRule normOut = bias(resid);
        boolean ln = config.normKind() == NormKind.LAYER_NORM;
        r.put("E", embed);
        r.put("P", embed);
        r.put("S", embed);
        r.put("gamma_e", normOut);
        r.put("beta_e", normOut);
        for (int i = 0; i < config.numLayers(); i++) {
            String p = "layers[" + i + "].";
            r.put(p + "W_q", weight(resid, q));
            r.put(p + "b_q", bias(q));
            r.put(p + "W_k", weight(resid, kk));
            r.put(p + "b_k", bias(kk));
            r.put(p + "W_v", weight(resid, v));
            r.put(p + "b_v", bias(v));
            r.put(p + "W_o", weight(v, resid));
            r.put(p + "b_o", bias(resid));
            r.put(p + "W_1", weight(resid, gate));
            r.put(p + "b_1", bias(gate));
            r.put(p + "W_3", weight(resid, up));
            r.put(p + "b_3", bias(up));
            r.put(p + "W_2", weight(hid, resid));
            r.put(p + "b_2", biasWithQuarters(hiddenPattern, ffn2BiasQuarters));
            r.put(p + "gamma_1", normOut);
            r.put(p + "beta_1", normOut);
            r.put(p + "gamma_2", normOut);
            r.put(p + "beta_2", normOut);
        }
        r.put("gamma_f", normOut);
        r.put("beta_f", normOut);
        r.put("W_t", weight(resid, mlm));
        r.put("b_t", bias(mlm));
        r.put("gamma_m", biasWithQuarters(hiddenPattern, mlmNormQuarters));
        r.put("beta_m", biasWithQuarters(hiddenPattern, mlmNormQuarters));
        // Untied vocabulary projection: rows widened, vocabulary axis untouched, f = 1/(k sigma_h).
        r.put("W_out", new TensorRule(hiddenPattern, RepeatPattern.NONE, factors.quarterPower(4 - RESIDUAL)));
        r.put("b_out", new TensorRule(RepeatPattern.NONE, null, 1.0));
        if (!ln) {
            r.keySet().removeIf(key -> key.contains("beta"));
        }
        return r;
    }

    /**
     * The predicted space of every traced tensor of the widened model (WIDEN-P9): {@code z~ = sigma rep_pi(z)}
     * along the column axis. Probability matrices and logits are unchanged ({@code sigma = 1}, {@code NONE}).
     */
    public Map<String, Space> traceSpaces(TransformerConfig config) {
        Map<String, Space> s = new LinkedHashMap<>();
        Space resid = new Space(RESIDUAL, hiddenPattern);
        Space same = new Space(0, RepeatPattern.NONE);
        s.put("emb.sum", resid);
        s.put("emb", resid);
        boolean pre = config.placement() == Placement.PRE;
        for (int l = 1; l <= config.numLayers(); l++) {
            String p = "L" + l + ".";
            s.put(p + "in", resid);
            if (pre) {
                s.put(p + "norm1", resid);
            }
            s.put(p + "attn.q", new Space(qQuarters, qkPattern));
            s.put(p + "attn.k", new Space(kQuarters, qkPattern));
            s.put(p + "attn.v", new Space(RESIDUAL, valuePattern));
            for (int h = 0; h < config.numHeads(); h++) {
                s.put(p + "attn.P" + h, same);
            }
            s.put(p + "attn.heads", new Space(RESIDUAL, valuePattern));
            s.put(p + "attn.out", resid);
            s.put(p + "mid", resid);
            if (pre) {
                s.put(p + "norm2", resid);
            }
            s.put(p + "ffn.gate", new Space(gateQuarters, ffnPattern));
            if (config.ffnKind() == FfnKind.GATED) {
                s.put(p + "ffn.up", new Space(upQuarters, ffnPattern));
            }
            s.put(p + "ffn.hidden", new Space(hiddenQuarters, ffnPattern));
            s.put(p + "ffn.out", resid);
            s.put(p + "out", resid);
        }
        s.put("final", resid);
        if (config.head().mlm()) {
            s.put("mlm.dense", new Space(mlmDenseQuarters, hiddenPattern));
            s.put("mlm.norm", new Space(mlmNormQuarters, hiddenPattern));
        }
        s.put("logits", same);
        return s;
    }
}
