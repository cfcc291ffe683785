package io.formulary.core.widen;

import io.formulary.core.nn.Activation;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.FfnKind;
import io.formulary.core.nn.OutputHead;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.numeric.Formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The corrected factor table of WIDEN-F16 beside the article's {@code k = 2} table. Every corrected factor is read
 * off the widening plan (so the table cannot drift from what {@link ModelWidener} does); the article's constants
 * are its own expressions evaluated in double.
 *
 * @param k       widening factor
 * @param entries one entry per parameter and factor
 */
public record FactorTable(int k, List<Entry> entries) {

    public FactorTable {
        entries = List.copyOf(entries);
    }

    /**
     * One row of the table.
     *
     * @param parameter    the parameter(s), e.g. {@code W_q, W_k (scaled)}
     * @param axes         widened axes and patterns
     * @param symbolic     the general-k factor, e.g. {@code k^{-3/4}}
     * @param factor       its value for this {@code k}
     * @param article      the article's {@code k = 2} entry as written (text)
     * @param articleGiven whether the article gives a number for this entry
     * @param articleK2    the article's {@code k = 2} number (0 when not given)
     * @param status       {@code ok}, {@code E1}, {@code E2}, {@code E3}, {@code E4}, {@code new} or {@code text}
     */
    public record Entry(String parameter, String axes, String symbolic, double factor, String article,
                        boolean articleGiven, double articleK2, String status) {
    }

    /**
     * The corrected factor table for {@code k}.
     *
     * <p>$$\text{embeddings, norm }\gamma,\beta: k^{-1/2};\ \varepsilon: \varepsilon/k;\ W_q,W_k/b_q,b_k:
     * k^{-3/4}/k^{-1/4}\ (\text{scaled});\ W_v,W_o/b: k^{-1}/k^{-1/2};\ \texttt{PAIR}: W_1/b_1=k^{-1/2}/1,\
     * W_2/b_2=k^{-3/2}/k^{-1/2};\ W_{out}: k^{-1/2};\ b_{out}: 1.$$
     *
     * <p>Exact bookkeeping; each factor is one of the {@link WideningFactors} values (or a product of two).
     * Source: WIDEN-F16.
     *
     * @param k widening factor {@code >= 1}
     * @return the table
     * @throws IllegalArgumentException for {@code k < 1}
     */
    @Formula(value = "WIDEN-F16", title = "Corrected factor table (article's k=2 alongside)",
            args = {@Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "record: entries (parameter, axes, symbolic, factor, article, status)",
            accuracy = "each factor within 1 ulp (2 for products) of k^{-q/4}")
    public static FactorTable of(int k) {
        Repeat.checkK(k);
        double r2 = Math.sqrt(2);
        double q2 = Math.pow(2, 0.25);
        TransformerConfig base = new TransformerConfig(2, 2, 1, 2, 1, Activation.RELU, FfnKind.PLAIN,
                AttentionScaling.INV_SQRT_HEAD, false, 10_000, io.formulary.core.nn.RopeLayout.INTERLEAVED_PAIRS, 0,
                0, false, io.formulary.core.nn.NormKind.LAYER_NORM, 1e-5, io.formulary.core.nn.Placement.PRE, 1,
                false, OutputHead.MLM_UNTIED, Activation.RELU, 1e-5, 1);
        WideningOptions x = WideningOptions.exact();
        WideningOptions pair = x.withFfnPolicy(ActivationPolicy.PAIR).withMlmPolicy(ActivationPolicy.PAIR);
        Map<String, WideningPlan.TensorRule> plain = WideningPlan.of(base, k, x).tensorRules(base);
        Map<String, WideningPlan.TensorRule> paired = WideningPlan.of(base, k, pair).tensorRules(base);
        TransformerConfig unscaledCfg = base.withAttentionScaling(AttentionScaling.NONE);
        Map<String, WideningPlan.TensorRule> unscaled = WideningPlan.of(unscaledCfg, k, x).tensorRules(unscaledCfg);
        TransformerConfig gatedCfg = base.withFfnKind(FfnKind.GATED);
        Map<String, WideningPlan.TensorRule> gatedPlain = WideningPlan.of(gatedCfg, k, x).tensorRules(gatedCfg);
        Map<String, WideningPlan.TensorRule> gatedPair = WideningPlan.of(gatedCfg, k, pair).tensorRules(gatedCfg);
        WideningPlan planPair = WideningPlan.of(base, k, pair);
        WideningPlan planPlain = WideningPlan.of(base, k, x);
        String l = "layers[0].";
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("E, P, S", "cols pi_h", "k^{-1/2}", plain.get("E").factor(), "1/sqrt2", true, 1 / r2, "ok"));
        e.add(new Entry("gamma, beta (embedding, block, final norms)", "pi_h", "k^{-1/2}",
                plain.get(l + "gamma_1").factor(), "1/sqrt2", true, 1 / r2, "ok"));
        e.add(new Entry("epsilon of those norms (factor)", "-", "k^{-1}", planPlain.epsilonFactor(), "(absent: kept)",
                true, 1, "E2"));
        e.add(new Entry("W_q, W_k (scaled)", "rows pi_h, cols pi_a", "k^{-3/4}", plain.get(l + "W_q").factor(),
                "2^{1/4}/2", true, q2 / 2, "ok"));
        e.add(new Entry("b_q, b_k (scaled)", "pi_a", "k^{-1/4}", plain.get(l + "b_q").factor(), "2^{1/4}/sqrt2", true,
                q2 / r2, "ok"));
        e.add(new Entry("W_q, W_k (unscaled)", "rows pi_h, cols pi_a", "k^{-1}", unscaled.get(l + "W_q").factor(),
                "(text only)", false, 0, "text"));
        e.add(new Entry("b_q, b_k (unscaled)", "pi_a", "k^{-1/2}", unscaled.get(l + "b_q").factor(), "(text only)",
                false, 0, "text"));
        e.add(new Entry("W_v", "rows pi_h, cols pi_a", "k^{-1}", plain.get(l + "W_v").factor(), "1/2", true, 0.5, "ok"));
        e.add(new Entry("b_v", "pi_a", "k^{-1/2}", plain.get(l + "b_v").factor(), "1/sqrt2", true, 1 / r2, "ok"));
        e.add(new Entry("W_o", "rows pi_a, cols pi_h", "k^{-1}", plain.get(l + "W_o").factor(), "1/2", true, 0.5, "ok"));
        e.add(new Entry("b_o", "pi_h", "k^{-1/2}", plain.get(l + "b_o").factor(), "1/sqrt2", true, 1 / r2, "ok"));
        e.add(new Entry("PLAIN FFN: W_1", "pi_h -> pi_f", "k^{-1}", plain.get(l + "W_1").factor(), "(text: eq. 6)",
                false, 0, "text"));
        e.add(new Entry("PLAIN FFN: b_1", "pi_f", "k^{-1/2}", plain.get(l + "b_1").factor(), "(text: eq. 6)", false,
                0, "text"));
        e.add(new Entry("PLAIN FFN: W_2", "pi_f -> pi_h", "k^{-1}", plain.get(l + "W_2").factor(), "(text: eq. 6)",
                false, 0, "text"));
        e.add(new Entry("PLAIN FFN: b_2", "pi_h", "k^{-1/2}", plain.get(l + "b_2").factor(), "(text: eq. 6)", false,
                0, "text"));
        e.add(new Entry("PAIR FFN: W_1", "pi_h -> pi_f", "k^{-1/2}", paired.get(l + "W_1").factor(), "1/sqrt2", true,
                1 / r2, "ok"));
        e.add(new Entry("PAIR FFN: b_1", "pi_f", "1", paired.get(l + "b_1").factor(), "1", true, 1, "ok"));
        e.add(new Entry("PAIR FFN: W_2", "pi_f -> pi_h", "k^{-3/2}", paired.get(l + "W_2").factor(), "1/(2 sqrt2)",
                true, 1 / (2 * r2), "ok"));
        e.add(new Entry("PAIR FFN: b_2", "pi_h", "k^{-1/2}", paired.get(l + "b_2").factor(), "1/2", true, 0.5, "E1"));
        String[] gatedNames = {"W_1", "b_1", "W_3", "b_3", "W_2", "b_2"};
        String[] pairSym = {"k^{-1/2}", "1", "k^{-1}", "k^{-1/2}", "k^{-1}", "k^{-1/2}"};
        String[] plainSym = {"k^{-1}", "k^{-1/2}", "k^{-1}", "k^{-1/2}", "k^{-1/2}", "k^{-1/2}"};
        for (int i = 0; i < gatedNames.length; i++) {
            e.add(new Entry("GATED PAIR: " + gatedNames[i], "", pairSym[i], gatedPair.get(l + gatedNames[i]).factor(),
                    "(not given)", false, 0, "new"));
        }
        for (int i = 0; i < gatedNames.length; i++) {
            e.add(new Entry("GATED PLAIN: " + gatedNames[i], "", plainSym[i],
                    gatedPlain.get(l + gatedNames[i]).factor(), "(not given)", false, 0, "new"));
        }
        e.add(new Entry("MLM dense PAIR: W_t", "pi_h -> pi_h", "k^{-1/2}", paired.get("W_t").factor(),
                "1/sqrt2 ('output logits' row)", true, 1 / r2, "E4"));
        e.add(new Entry("MLM dense PAIR: b_t", "pi_h", "1", paired.get("b_t").factor(), "1 ('output logits' row)",
                true, 1, "E4"));
        e.add(new Entry("MLM dense PLAIN: W_t", "pi_h -> pi_h", "k^{-1}", plain.get("W_t").factor(), "(text: eq. 6)",
                false, 0, "text"));
        e.add(new Entry("MLM dense PLAIN: b_t", "pi_h", "k^{-1/2}", plain.get("b_t").factor(), "(text: eq. 6)", false,
                0, "text"));
        e.add(new Entry("MLM norm gamma_m, beta_m", "pi_h", "k^{-1/2}", paired.get("gamma_m").factor(),
                "one more sqrt2: 1/2", true, 0.5, "E3"));
        e.add(new Entry("MLM norm epsilon_m, PAIR (factor)", "-", "1", planPair.mlmEpsilonFactor(), "(absent: kept)",
                true, 1, "ok"));
        e.add(new Entry("MLM norm epsilon_m, PLAIN (factor)", "-", "k^{-1}", planPlain.mlmEpsilonFactor(),
                "(absent: kept)", true, 1, "E2"));
        e.add(new Entry("W_out (untied)", "rows pi_h, cols NONE", "k^{-1/2}", plain.get("W_out").factor(),
                "(text only)", false, 0, "text"));
        e.add(new Entry("b_out, s_out", "NONE", "1", plain.get("b_out").factor(), "-", false, 0, "ok"));
        return new FactorTable(k, e);
    }
}
