package io.formulary.properties.widen;

import io.formulary.core.nn.Activation;
import io.formulary.core.nn.LayerWeights;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.ReferenceTransformer;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.HeadPattern;
import io.formulary.core.widen.ModelWidener;
import io.formulary.core.widen.Repeat;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.WideningOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chapter's bad-input rules: every entry point throws IllegalArgumentException naming the parameter. */
class WidenBadInputTest {

    private static final TransformerConfig BERT = WidenGens.toyBert();
    private static final TransformerWeights W = RandomInit.chapter(0.7).sample(BERT, 7);
    private static final int[] TOKENS = {1, 2, 3};

    @Test
    void configRejectsInvalidSizesAndSettings() {
        assertThatThrownBy(() -> BERT.withSizes(11, 10, 3, 16, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("numHeads: d=10 is not divisible by H=3");
        assertThatThrownBy(() -> BERT.withSizes(0, 8, 2, 16, 2)).hasMessageStartingWith("vocabSize");
        assertThatThrownBy(() -> BERT.withSizes(11, 8, 2, 0, 2)).hasMessageStartingWith("ffnSize");
        assertThatThrownBy(() -> BERT.withSizes(11, 8, 2, 16, -1)).hasMessageStartingWith("numLayers");
        assertThatThrownBy(() -> BERT.withSizes(11, 6, 2, 16, 2).withRope(true, 10_000, RopeLayout.INTERLEAVED_PAIRS))
                .hasMessageContaining("even head size");
        assertThatThrownBy(() -> BERT.withRope(true, 1, RopeLayout.INTERLEAVED_PAIRS)).hasMessageStartingWith("ropeBase");
        assertThatThrownBy(() -> BERT.withRope(true, -2, RopeLayout.INTERLEAVED_PAIRS)).hasMessageStartingWith("ropeBase");
        assertThatThrownBy(() -> BERT.withRope(true, Double.NaN, RopeLayout.INTERLEAVED_PAIRS))
                .hasMessageStartingWith("ropeBase");
        assertThatThrownBy(() -> BERT.withEpsilon(-1e-5)).hasMessageStartingWith("epsilon");
        assertThatThrownBy(() -> BERT.withEpsilon(Double.NaN)).hasMessageStartingWith("epsilon");
        assertThatThrownBy(() -> Activation.leakyRelu(1.0)).hasMessageStartingWith("activation.slope");
        assertThatThrownBy(() -> BERT.withResidualScale(Double.POSITIVE_INFINITY)).hasMessageStartingWith("residualScale");
        assertThatThrownBy(() -> BERT.withOutputScale(Double.NaN)).hasMessageStartingWith("outputScale");
        assertThatThrownBy(() -> BERT.withHead(io.formulary.core.nn.OutputHead.MLM_TIED, null))
                .hasMessageStartingWith("mlmActivation");
    }

    @Test
    void weightsRejectMismatchedShapesAndNonFiniteEntries() {
        Map<String, Object> named = W.named();
        named.put("layers[1].W_q", new double[8][6]);
        TransformerWeights bad = TransformerWeights.fromNamed(named, 2);
        assertThatThrownBy(() -> bad.validateAgainst(BERT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights.layers[1].W_q: expected 8x8, got 8x6");
        assertThatThrownBy(() -> ReferenceTransformer.forward(BERT, bad, TOKENS, null))
                .hasMessage("weights.layers[1].W_q: expected 8x8, got 8x6");
        Map<String, Object> nan = W.named();
        ((double[][]) nan.get("E"))[3][5] = Double.NaN;
        assertThatThrownBy(() -> TransformerWeights.fromNamed(nan, 2)).hasMessage("weights.E[3][5] is NaN");
        Map<String, Object> inf = W.named();
        ((double[]) inf.get("layers[0].b_2"))[1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> TransformerWeights.fromNamed(inf, 2)).hasMessage("weights.layers[0].b_2[1] is infinite");
        List<LayerWeights> fewer = new ArrayList<>(W.layers());
        fewer.remove(1);
        assertThatThrownBy(() -> W.withLayers(fewer).validateAgainst(BERT)).hasMessageStartingWith("weights.layers");
    }

    @Test
    void forwardRejectsInvalidInput() {
        assertThatThrownBy(() -> ReferenceTransformer.forward(BERT, W, new int[0], null)).hasMessageStartingWith("tokens");
        assertThatThrownBy(() -> ReferenceTransformer.forward(BERT, W, new int[] {1, 2, 3, 4, 11}, null))
                .hasMessage("tokens[4]=11 out of range [0,11)");
        assertThatThrownBy(() -> ReferenceTransformer.forward(BERT, W, TOKENS, new int[] {0, 2, 0}))
                .hasMessage("types[1]=2 out of range [0,2)");
        TransformerConfig gpt = TransformerConfig.gpt2Like(11, 8, 2, 16, 1);
        TransformerWeights gw = RandomInit.chapter(0.7).sample(gpt, 1);
        assertThatThrownBy(() -> ReferenceTransformer.forward(gpt, gw, TOKENS, new int[] {0, 0, 0}))
                .hasMessageStartingWith("types");
        TransformerConfig shortPos = BERT.withEmbeddings(2, 2, true);
        TransformerWeights sw = RandomInit.chapter(0.7).sample(shortPos, 1);
        assertThatThrownBy(() -> ReferenceTransformer.forward(shortPos, sw, TOKENS, null))
                .hasMessageStartingWith("tokens: length 3 exceeds maxPositions 2");
        // A constant row with epsilon = 0 has no normalization: the message names the norm and the row.
        TransformerConfig noEps = BERT.withEpsilon(0).withEmbeddings(512, 0, true);
        Map<String, Object> named = RandomInit.chapter(0.7).sample(noEps, 3).named();
        double[][] e = (double[][]) named.get("E");
        java.util.Arrays.fill(e[4], 0.25);
        named.put("P", new double[512][8]);
        TransformerWeights flat = TransformerWeights.fromNamed(named, 2);
        assertThatThrownBy(() -> ReferenceTransformer.forward(noEps, flat, new int[] {1, 4}, null))
                .hasMessage("LayerNorm emb row 1: variance+epsilon == 0");
    }

    @Test
    void repeatRejectsInvalidArguments() {
        assertThatThrownBy(() -> RepeatPattern.INTERLEAVED.source(0, 4, 0)).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> RepeatPattern.INTERLEAVED.source(0, 0, 2)).hasMessage("n must be >= 1, got 0");
        assertThatThrownBy(() -> RepeatPattern.TILED.source(8, 4, 2)).hasMessage("i must be in [0, 8), got 8");
        assertThatThrownBy(() -> RepeatPattern.PAIR_BLOCK.source(0, 3, 2)).hasMessageStartingWith("n: PAIR_BLOCK");
        assertThatThrownBy(() -> Repeat.repeatDivide(new double[] {1}, 0)).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> Repeat.vector(new double[] {1, 2}, RepeatPattern.INTERLEAVED, 2, Double.NaN))
                .hasMessage("f is NaN");
        assertThatThrownBy(() -> Repeat.matrix(new double[][] {{1, 2}, {3}}, RepeatPattern.INTERLEAVED,
                RepeatPattern.INTERLEAVED, 2, 1)).hasMessageStartingWith("w: row 1 has length 1");
        assertThatThrownBy(() -> Repeat.indexMap(RepeatPattern.PAIR_BLOCK, 5, 2)).hasMessageStartingWith("n:");
        assertThatThrownBy(() -> Repeat.repeatDivide(new double[] {Double.POSITIVE_INFINITY}, 2))
                .hasMessage("v[0] is infinite");
    }

    @Test
    void widenerRejectsInvalidFactorsAndPatterns() {
        WideningOptions x = WideningOptions.exact();
        assertThatThrownBy(() -> ModelWidener.widen(BERT, W, 0, x)).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> ModelWidener.widen(BERT, W, 8193, x)).hasMessage("k*max(d,D) = 131088 exceeds 65536");
        TransformerConfig oddHead = BERT.withSizes(11, 6, 2, 16, 2);
        TransformerWeights ow = RandomInit.chapter(0.7).sample(oddHead, 2);
        assertThatThrownBy(() -> ModelWidener.widen(oddHead, ow, 2, x.withHeadPattern(HeadPattern.PAIR_BLOCK)))
                .hasMessage("headPattern: PAIR_BLOCK needs an even head size, got d_h=3");
        TransformerConfig oddWidth = BERT.withSizes(11, 3, 1, 16, 2);
        TransformerWeights odw = RandomInit.chapter(0.7).sample(oddWidth, 2);
        assertThatThrownBy(() -> ModelWidener.widen(oddWidth, odw, 2, x.withHiddenPattern(RepeatPattern.PAIR_BLOCK)))
                .hasMessage("hiddenPattern: PAIR_BLOCK needs an even width, got d=3");
        assertThatThrownBy(() -> ModelWidener.widen(BERT, W, 2, null)).hasMessage("options must not be null");
        assertThatThrownBy(() -> ModelWidener.narrow(BERT, W, 3, x)).hasMessageStartingWith("k: d=8");
    }
}
