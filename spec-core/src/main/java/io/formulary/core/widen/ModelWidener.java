package io.formulary.core.widen;

import io.formulary.core.nn.Rope;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.LinkedHashMap;
import java.util.Map;

/** Widening a whole reference Transformer by an integer factor, and its left inverse (WIDEN-F22, F23). */
public final class ModelWidener {

    /** Upper limit of {@code k max(d, D)} in the reference (keeps widened models in memory). */
    public static final int MAX_WIDTH = 65_536;

    private ModelWidener() {
    }

    /**
     * Widens a model by {@code k}: {@code d -> kd}, {@code D -> kD}, {@code d_h -> k d_h}; {@code H}, {@code V},
     * {@code L}, {@code P_max} unchanged.
     *
     * <p>Every tensor is widened as {@code W~_{ij} = f W_{pi_r(i), pi_c(j)}} with the patterns and factors of the
     * plan (WIDEN-F15, F16): embeddings and norm parameters {@code k^{-1/2}}, {@code W_q, W_k}
     * {@code k^{-3/4}}/{@code k^{-1/4}} (scaled attention), {@code W_v, W_o} {@code k^{-1}}/{@code k^{-1/2}}, FFN per
     * policy ({@code PAIR}: {@code W_1} {@code k^{-1/2}}/1, {@code W_2} {@code k^{-3/2}}/{@code k^{-1/2}}), untied
     * {@code W_out} rows {@code k^{-1/2}}, {@code b_out} unchanged; epsilons {@code eps/k} where the norm input has
     * scale {@code k^{-1/2}}; RoPE frequencies per {@code ropeFrequencies}. With {@link WideningOptions#exact()}
     * (plus {@code CARRY} for RoPE) the widened model's logits equal the original's up to rounding (WIDEN-P8).
     * {@code k = 1} returns bit-identical weights. Source: WIDEN-F23.
     *
     * @param config  the original configuration
     * @param weights its weights (validated against it)
     * @param k       widening factor {@code >= 1}, {@code k max(d, D) <= 65536}
     * @param options the widening knobs
     * @return the widened configuration and weights
     * @throws IllegalArgumentException {@code "k must be >= 1, got 0"}, {@code "k*max(d,D) = 131072 exceeds 65536"},
     *                                  {@code PAIR_BLOCK} head pattern with odd {@code d_h}, {@code PAIR_BLOCK}
     *                                  hidden pattern with odd {@code d}, or invalid weights
     */
    @Formula(value = "WIDEN-F23", title = "Model widening entry point",
            args = {@Formula.Arg(name = "config", shape = "record TransformerConfig"),
                    @Formula.Arg(name = "weights", shape = "record TransformerWeights", domain = "finite, shapes of config"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1, k max(d,D) <= 65536"),
                    @Formula.Arg(name = "options", shape = "record WideningOptions")},
            output = "record: widened config and weights (in_out layout)",
            accuracy = "one rounding per weight entry; logits within 1e-9 (1 + max|logit|) (WIDEN-P8)")
    public static WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k,
                                     WideningOptions options) {
        Checks.notNull(config, "config");
        Checks.notNull(weights, "weights").validateAgainst(config);
        Checks.notNull(options, "options");
        Repeat.checkK(k);
        long width = (long) k * Math.max(config.d(), config.ffnSize());
        if (width > MAX_WIDTH) {
            throw new IllegalArgumentException("k*max(d,D) = " + width + " exceeds " + MAX_WIDTH);
        }
        WideningPlan plan = WideningPlan.of(config, k, options);
        Map<String, WideningPlan.TensorRule> rules = plan.tensorRules(config);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : weights.named().entrySet()) {
            if (e.getKey().equals("theta")) {
                continue;
            }
            WideningPlan.TensorRule r = rule(rules, e.getKey());
            out.put(e.getKey(), e.getValue() instanceof double[][] m
                    ? Repeat.matrix(m, r.rows(), r.cols(), k, r.factor())
                    : Repeat.vector((double[]) e.getValue(), r.rows(), k, r.factor()));
        }
        if (config.rope()) {
            double[] theta = weights.ropeTheta();
            if (plan.ropeFrequencies() == RopeFrequencies.CARRY || k == 1) {
                double[] wide = new double[k * theta.length];
                for (int j = 0; j < wide.length; j++) {
                    wide[j] = theta[j / k];
                }
                out.put("theta", wide);
            } else {
                out.put("theta", Rope.standardFrequencies(k * config.headSize(), config.ropeBase()));
            }
        }
        TransformerConfig wide = config.withSizes(config.vocabSize(), k * config.d(), config.numHeads(),
                k * config.ffnSize(), config.numLayers())
                .withNorm(config.normKind(), config.epsilon() * plan.epsilonFactor())
                .withMlmEpsilon(config.mlmEpsilon() * plan.mlmEpsilonFactor());
        TransformerWeights w = TransformerWeights.fromNamed(out, config.numLayers());
        w.validateAgainst(wide);
        return new WidenedModel(wide, w);
    }

    /**
     * Narrows a widened model back (the left inverse of {@link #widen} with the same {@code k} and options).
     *
     * <p>$$v_j=\frac{1}{kf}\sum_{i:\pi(i)=j}\tilde v_i\quad(\text{matrices: the mean over each }k\times k\text{ block of
     * copies, divided by }f),\qquad \varepsilon=\tilde\varepsilon/\text{(epsilon factor)},\qquad
     * \theta_p=\tilde\theta_{pk}\ (\texttt{CARRY})\ \text{or the standard schedule of }d_h\ (\texttt{STANDARD}).$$
     *
     * <p>For an exactly widened model, {@code narrow(widen(M, k)) = M} within 2 ulps per entry (WIDEN-P13).
     * Source: WIDEN-F22.
     *
     * @param config  the widened configuration ({@code d} and {@code D} multiples of {@code k})
     * @param weights the widened weights
     * @param k       the factor used to widen, {@code >= 1}
     * @param options the options used to widen
     * @return the narrow configuration and weights
     * @throws IllegalArgumentException if the sizes are not multiples of {@code k} or the input is invalid
     */
    @Formula(value = "WIDEN-F22", title = "Narrowing (left inverse of widening)",
            args = {@Formula.Arg(name = "config", shape = "record TransformerConfig"),
                    @Formula.Arg(name = "weights", shape = "record TransformerWeights"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1, divides d and D"),
                    @Formula.Arg(name = "options", shape = "record WideningOptions")},
            output = "record: narrow config and weights", accuracy = "2 ulps per entry after an exact widening")
    public static WidenedModel narrow(TransformerConfig config, TransformerWeights weights, int k,
                                      WideningOptions options) {
        Checks.notNull(config, "config");
        Checks.notNull(weights, "weights").validateAgainst(config);
        Checks.notNull(options, "options");
        Repeat.checkK(k);
        if (config.d() % k != 0 || config.ffnSize() % k != 0 || config.headSize() % k != 0) {
            throw Checks.fail("k", "d=" + config.d() + ", D=" + config.ffnSize() + " and d_h=" + config.headSize()
                    + " must be multiples of k=" + k);
        }
        TransformerConfig shape = config.withSizes(config.vocabSize(), config.d() / k, config.numHeads(),
                config.ffnSize() / k, config.numLayers());
        WideningPlan plan = WideningPlan.of(shape, k, options);
        TransformerConfig narrow = shape.withNorm(config.normKind(), config.epsilon() / plan.epsilonFactor())
                .withMlmEpsilon(config.mlmEpsilon() / plan.mlmEpsilonFactor());
        Map<String, WideningPlan.TensorRule> rules = plan.tensorRules(narrow);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : weights.named().entrySet()) {
            if (e.getKey().equals("theta")) {
                continue;
            }
            WideningPlan.TensorRule r = rule(rules, e.getKey());
            out.put(e.getKey(), e.getValue() instanceof double[][] m
                    ? Repeat.narrowMatrix(m, r.rows(), r.cols(), k, r.factor())
                    : Repeat.narrowVector((double[]) e.getValue(), r.rows(), k, r.factor()));
        }
        if (config.rope()) {
            double[] wide = weights.ropeTheta();
            if (plan.ropeFrequencies() == RopeFrequencies.CARRY || k == 1) {
                double[] theta = new double[wide.length / k];
                for (int p = 0; p < theta.length; p++) {
                    theta[p] = wide[p * k];
                }
                out.put("theta", theta);
            } else {
                out.put("theta", Rope.standardFrequencies(narrow.headSize(), narrow.ropeBase()));
            }
        }
        TransformerWeights w = TransformerWeights.fromNamed(out, config.numLayers());
        w.validateAgainst(narrow);
        return new WidenedModel(narrow, w);
    }

    private static WideningPlan.TensorRule rule(Map<String, WideningPlan.TensorRule> rules, String key) {
        WideningPlan.TensorRule r = rules.get(key);
        if (r == null) {
            throw new IllegalStateException("no widening rule for " + key);
        }
        return r;
    }
}
