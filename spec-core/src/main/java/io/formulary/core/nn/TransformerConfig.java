package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;

/**
 * The configuration of the reference Transformer (WIDEN-F1): immutable, validated on construction.
 *
 * <p>Start from a preset ({@link #bertLike}, {@link #gpt2Like}, {@link #t5Like}, {@link #t5v11Like}) and change
 * fields with the {@code with...} methods; every result is validated again.
 *
 * @param vocabSize        {@code V >= 1}; never widened
 * @param d                hidden width, {@code d >= 1}, divisible by {@code numHeads}
 * @param numHeads         {@code H >= 1}
 * @param ffnSize          FFN inner width {@code D >= 1}
 * @param numLayers        {@code L >= 0}
 * @param activation       FFN activation
 * @param ffnKind          plain or gated FFN
 * @param attentionScaling {@code 1/sqrt(d_h)} or none
 * @param rope             whether RoPE is applied to q and k
 * @param ropeBase         RoPE base {@code b > 0}, {@code b != 1} (checked only when {@code rope})
 * @param ropeLayout       RoPE pair layout
 * @param maxPositions     {@code P_max} of a learned position embedding, 0 for none
 * @param numTokenTypes    number of token types (segments), 0 for no type embedding
 * @param embeddingNorm    whether the summed embeddings are normalized (BERT)
 * @param normKind         LayerNorm or RMSNorm
 * @param epsilon          epsilon of every encoder norm, {@code >= 0}
 * @param placement        post-norm or pre-norm (pre-norm adds a final norm)
 * @param residualScale    residual branch multiplier {@code alpha}, finite
 * @param causal           whether attention is masked to {@code m' <= m}
 * @param head             output head
 * @param mlmActivation    activation of the MLM transform (required for MLM heads, else may be null)
 * @param mlmEpsilon       epsilon of the MLM norm, {@code >= 0}
 * @param outputScale      logit multiplier {@code s_out}, finite (T5: {@code d^{-1/2}}, stored, not recomputed)
 */
public record TransformerConfig(int vocabSize, int d, int numHeads, int ffnSize, int numLayers,
                                Activation activation, FfnKind ffnKind, AttentionScaling attentionScaling,
                                boolean rope, double ropeBase, RopeLayout ropeLayout, int maxPositions,
                                int numTokenTypes, boolean embeddingNorm, NormKind normKind, double epsilon,
                                Placement placement, double residualScale, boolean causal, OutputHead head,
                                Activation mlmActivation, double mlmEpsilon, double outputScale) {

    /** The default RoPE base. */
    public static final double DEFAULT_ROPE_BASE = 10_000;

    public TransformerConfig {
        Checks.atLeast(vocabSize, 1, "vocabSize");
        Checks.atLeast(d, 1, "d");
        Checks.atLeast(numHeads, 1, "numHeads");
        Checks.atLeast(ffnSize, 1, "ffnSize");
        Checks.atLeast(numLayers, 0, "numLayers");
        if (d % numHeads != 0) {
            throw Checks.fail("numHeads", "d=" + d + " is not divisible by H=" + numHeads);
        }
        Checks.notNull(activation, "activation");
        Checks.notNull(ffnKind, "ffnKind");
        Checks.notNull(attentionScaling, "attentionScaling");
        Checks.notNull(ropeLayout, "ropeLayout");
        Checks.notNull(normKind, "normKind");
        Checks.notNull(placement, "placement");
        Checks.notNull(head, "head");
        if (rope) {
            if ((d / numHeads) % 2 != 0) {
                throw Checks.fail("numHeads", "RoPE needs an even head size, got d_h=" + (d / numHeads));
            }
            Checks.finite(ropeBase, "ropeBase");
            if (!(ropeBase > 0) || ropeBase == 1) {
                throw Checks.fail("ropeBase", "must be > 0 and != 1, got " + ropeBase);
            }
        }
        Checks.atLeast(maxPositions, 0, "maxPositions");
        Checks.atLeast(numTokenTypes, 0, "numTokenTypes");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw Checks.fail("epsilon", "must be finite and >= 0, got " + epsilon);
        }
        Checks.finite(residualScale, "residualScale");
        Checks.finite(outputScale, "outputScale");
        if (head.mlm()) {
            Checks.notNull(mlmActivation, "mlmActivation");
        }
        if (!(mlmEpsilon >= 0) || Double.isInfinite(mlmEpsilon)) {
            throw Checks.fail("mlmEpsilon", "must be finite and >= 0, got " + mlmEpsilon);
        }
    }

    /**
     * BERT-like: GELU (erf), plain FFN, scaled attention, learned positions (512), two token types, embedding
     * LayerNorm, {@code epsilon = 1e-12}, post-norm, MLM head tied to the embedding with a GELU transform.
     */
    public static TransformerConfig bertLike(int vocabSize, int d, int numHeads, int ffnSize, int numLayers) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, Activation.GELU_ERF, FfnKind.PLAIN,
                AttentionScaling.INV_SQRT_HEAD, false, DEFAULT_ROPE_BASE, RopeLayout.INTERLEAVED_PAIRS, 512, 2, true,
                NormKind.LAYER_NORM, 1e-12, Placement.POST, 1, false, OutputHead.MLM_TIED, Activation.GELU_ERF, 1e-12, 1);
    }

    /**
     * GPT-2-like: tanh GELU, plain FFN, scaled attention, learned positions (1024), no types, pre-norm with final
     * LayerNorm ({@code epsilon = 1e-5}), causal, tied output head.
     */
    public static TransformerConfig gpt2Like(int vocabSize, int d, int numHeads, int ffnSize, int numLayers) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, Activation.GELU_TANH, FfnKind.PLAIN,
                AttentionScaling.INV_SQRT_HEAD, false, DEFAULT_ROPE_BASE, RopeLayout.INTERLEAVED_PAIRS, 1024, 0, false,
                NormKind.LAYER_NORM, 1e-5, Placement.PRE, 1, true, OutputHead.TIED, null, 1e-5, 1);
    }

    /**
     * T5-like (encoder): ReLU, plain FFN, unscaled attention, no absolute positions, RMSNorm
     * ({@code epsilon = 1e-6}), pre-norm, tied head with {@code s_out = d^{-1/2}} (stored).
     */
    public static TransformerConfig t5Like(int vocabSize, int d, int numHeads, int ffnSize, int numLayers) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, Activation.RELU, FfnKind.PLAIN,
                AttentionScaling.NONE, false, DEFAULT_ROPE_BASE, RopeLayout.INTERLEAVED_PAIRS, 0, 0, false,
                NormKind.RMS_NORM, 1e-6, Placement.PRE, 1, false, OutputHead.TIED, null, 1e-6,
                1.0 / StrictMath.sqrt(d));
    }

    /** T5 v1.1 / mT5-like: as {@link #t5Like} with a gated-GELU FFN and an untied head ({@code s_out = 1}). */
    public static TransformerConfig t5v11Like(int vocabSize, int d, int numHeads, int ffnSize, int numLayers) {
        return t5Like(vocabSize, d, numHeads, ffnSize, numLayers).withActivation(Activation.GELU_ERF)
                .withFfnKind(FfnKind.GATED).withHead(OutputHead.UNTIED, null).withOutputScale(1);
    }

    /** Head size {@code d_h = d / H}. */
    public int headSize() {
        return d / numHeads;
    }

    /** Whether a learned absolute position embedding is used. */
    public boolean learnedPositions() {
        return maxPositions > 0;
    }

    /** The same configuration with other sizes. */
    public TransformerConfig withSizes(int vocabSize, int d, int numHeads, int ffnSize, int numLayers) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another FFN activation. */
    public TransformerConfig withActivation(Activation activation) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another FFN kind. */
    public TransformerConfig withFfnKind(FfnKind ffnKind) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another attention scaling. */
    public TransformerConfig withAttentionScaling(AttentionScaling attentionScaling) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with RoPE on (base, layout) or off ({@code rope = false}). */
    public TransformerConfig withRope(boolean rope, double ropeBase, RopeLayout ropeLayout) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with other embeddings: learned positions (0 = none), token types, embedding norm. */
    public TransformerConfig withEmbeddings(int maxPositions, int numTokenTypes, boolean embeddingNorm) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another norm kind and epsilon. */
    public TransformerConfig withNorm(NormKind normKind, double epsilon) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another epsilon for the encoder norms. */
    public TransformerConfig withEpsilon(double epsilon) {
        return withNorm(normKind, epsilon);
    }

    /** The same configuration with another norm placement. */
    public TransformerConfig withPlacement(Placement placement) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another residual multiplier {@code alpha}. */
    public TransformerConfig withResidualScale(double residualScale) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration, causal or not. */
    public TransformerConfig withCausal(boolean causal) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another head and MLM activation (null allowed for non-MLM heads). */
    public TransformerConfig withHead(OutputHead head, Activation mlmActivation) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another MLM norm epsilon. */
    public TransformerConfig withMlmEpsilon(double mlmEpsilon) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }

    /** The same configuration with another logit multiplier {@code s_out}. */
    public TransformerConfig withOutputScale(double outputScale) {
        return new TransformerConfig(vocabSize, d, numHeads, ffnSize, numLayers, activation, ffnKind, attentionScaling,
                rope, ropeBase, ropeLayout, maxPositions, numTokenTypes, embeddingNorm, normKind, epsilon, placement,
                residualScale, causal, head, mlmActivation, mlmEpsilon, outputScale);
    }
}
