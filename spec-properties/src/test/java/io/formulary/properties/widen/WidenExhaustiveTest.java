package io.formulary.properties.widen;

import io.formulary.properties.MaxNorms;
import io.formulary.core.nn.Activation;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.FfnKind;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.OutputHead;
import io.formulary.core.nn.Placement;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.ReferenceTransformer;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.ModelWidener;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter's numerical evidence for WIDEN-P8, as a heavy sweep (excluded by default; run with the exhaustive
 * profile): 4 activations x 2 scalings x 4 heads x 2 MLM activations x k in {2,3,4} x 2 placements x 2 norms x
 * plain/gated x causal or not = 3072 toy models, each widened exactly; the chapter observed a worst relative logit
 * error of 9.96e-15.
 */
@Tag("exhaustive")
class WidenExhaustiveTest {

    @Test
    void all3072ConfigurationsWidenLosslessly() {
        Activation[] acts = {Activation.RELU, Activation.leakyRelu(0.01), Activation.GELU_ERF, Activation.GELU_TANH};
        Activation[] mlmActs = {Activation.GELU_ERF, Activation.RELU};
        int[] tokens = WidenGens.toyTokens(3, 11);
        double worst = 0;
        int count = 0;
        for (Activation a : acts) {
            for (AttentionScaling s : AttentionScaling.values()) {
                for (OutputHead h : OutputHead.values()) {
                    for (Activation ma : mlmActs) {
                        for (Placement p : Placement.values()) {
                            for (NormKind nk : NormKind.values()) {
                                for (FfnKind f : FfnKind.values()) {
                                    for (boolean causal : new boolean[] {false, true}) {
                                        TransformerConfig c = WidenGens.toyBert().withActivation(a).withAttentionScaling(s)
                                                .withHead(h, ma).withPlacement(p).withNorm(nk, 1e-5).withFfnKind(f)
                                                .withCausal(causal);
                                        TransformerWeights w = RandomInit.chapter(0.7).sample(c, count);
                                        double[][] l = ReferenceTransformer.forward(c, w, tokens, null).logits();
                                        for (int k = 2; k <= 4; k++) {
                                            WidenedModel m = ModelWidener.widen(c, w, k, WideningOptions.exact());
                                            double[][] lw = ReferenceTransformer.forward(m.config(), m.weights(),
                                                    tokens, null).logits();
                                            double rel = MaxNorms.maxAbsDiff(lw, l) / (1 + MaxNorms.maxAbs(l));
                                            worst = Math.max(worst, rel);
                                            count++;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(count).isEqualTo(3072);
        assertThat(worst).as("worst relative logit error over 3072 configurations").isLessThanOrEqualTo(1e-13);
    }
}
