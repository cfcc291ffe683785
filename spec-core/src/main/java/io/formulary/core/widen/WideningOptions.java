package io.formulary.core.widen;

import io.formulary.core.numeric.Checks;

/**
 * The knobs of {@link ModelWidener#widen} (WIDEN-F23). {@link #exact()} (the defaults) is lossless for every
 * configuration of WIDEN-P8 except RoPE, which additionally needs {@code ropeFrequencies = CARRY}
 * ({@link #exactCarry()}); {@link #articleLiteral()} is the article's table taken literally.
 *
 * @param epsilonPolicy        norm epsilons ({@code DIVIDE_BY_K} exact)
 * @param ffnPolicy            transform of the FFN ({@code AUTO}: plain for homogeneous activations, else pair)
 * @param mlmPolicy            transform of the MLM dense layer (same rule)
 * @param hiddenPattern        pattern of every hidden-axis tensor: {@code INTERLEAVED}, {@code TILED} or
 *                             {@code PAIR_BLOCK} (any is exact when used consistently, erratum E6)
 * @param headPattern          pattern of the head axes
 * @param qkSplit              split of the score factor between q and k
 * @param ropeFrequencies      frequencies of the widened RoPE ({@code STANDARD} is the default, as in the
 *                             chapter, and lossy; {@code CARRY} is exact)
 * @param ffn2BiasFactor       second FFN bias under {@code PAIR}: {@code CORRECTED} ({@code k^{-1/2}}) or
 *                             {@code ARTICLE} ({@code k^{-1}}, erratum E1)
 * @param mlmNormExtraDivision divide the MLM norm by one more {@code sqrt k} under {@code PAIR} (erratum E3)
 * @param omitQuarterPower     widen scaled attention with the unscaled q/k factors, i.e. without {@code k^{1/4}}
 *                             (a deliberate error for the negative property WIDEN-P10)
 */
public record WideningOptions(EpsilonPolicy epsilonPolicy, ActivationPolicy ffnPolicy, ActivationPolicy mlmPolicy,
                              RepeatPattern hiddenPattern, HeadPattern headPattern, QkSplit qkSplit,
                              RopeFrequencies ropeFrequencies, Ffn2BiasFactor ffn2BiasFactor,
                              boolean mlmNormExtraDivision, boolean omitQuarterPower) {

    public WideningOptions {
        Checks.notNull(epsilonPolicy, "epsilonPolicy");
        Checks.notNull(ffnPolicy, "ffnPolicy");
        Checks.notNull(mlmPolicy, "mlmPolicy");
        Checks.notNull(hiddenPattern, "hiddenPattern");
        if (hiddenPattern == RepeatPattern.NONE) {
            throw Checks.fail("hiddenPattern", "must widen the axis (INTERLEAVED, TILED or PAIR_BLOCK), got NONE");
        }
        Checks.notNull(headPattern, "headPattern");
        Checks.notNull(qkSplit, "qkSplit");
        Checks.notNull(ropeFrequencies, "ropeFrequencies");
        Checks.notNull(ffn2BiasFactor, "ffn2BiasFactor");
    }

    /** The defaults: exact widening (with the standard RoPE schedule, which is the one lossy default). */
    public static WideningOptions exact() {
        return new WideningOptions(EpsilonPolicy.DIVIDE_BY_K, ActivationPolicy.AUTO, ActivationPolicy.AUTO,
                RepeatPattern.INTERLEAVED, HeadPattern.AUTO, QkSplit.SYMMETRIC, RopeFrequencies.STANDARD,
                Ffn2BiasFactor.CORRECTED, false, false);
    }

    /** {@link #exact()} with {@code ropeFrequencies = CARRY}: lossless for RoPE models too. */
    public static WideningOptions exactCarry() {
        return exact().withRopeFrequencies(RopeFrequencies.CARRY);
    }

    /**
     * The article's table taken literally: epsilon kept, {@code AUTO} transforms, {@code b_2} times {@code k^{-1}},
     * the MLM norm divided once more, standard RoPE frequencies.
     */
    public static WideningOptions articleLiteral() {
        return new WideningOptions(EpsilonPolicy.KEEP, ActivationPolicy.AUTO, ActivationPolicy.AUTO,
                RepeatPattern.INTERLEAVED, HeadPattern.AUTO, QkSplit.SYMMETRIC, RopeFrequencies.STANDARD,
                Ffn2BiasFactor.ARTICLE, true, false);
    }

    public WideningOptions withEpsilonPolicy(EpsilonPolicy v) {
        return new WideningOptions(v, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, qkSplit, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withFfnPolicy(ActivationPolicy v) {
        return new WideningOptions(epsilonPolicy, v, mlmPolicy, hiddenPattern, headPattern, qkSplit, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withMlmPolicy(ActivationPolicy v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, v, hiddenPattern, headPattern, qkSplit, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withHiddenPattern(RepeatPattern v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, v, headPattern, qkSplit, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withHeadPattern(HeadPattern v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, v, qkSplit, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withQkSplit(QkSplit v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, v, ropeFrequencies,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withRopeFrequencies(RopeFrequencies v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, qkSplit, v,
                ffn2BiasFactor, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withFfn2BiasFactor(Ffn2BiasFactor v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, qkSplit,
                ropeFrequencies, v, mlmNormExtraDivision, omitQuarterPower);
    }

    public WideningOptions withMlmNormExtraDivision(boolean v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, qkSplit,
                ropeFrequencies, ffn2BiasFactor, v, omitQuarterPower);
    }

    public WideningOptions withOmitQuarterPower(boolean v) {
        return new WideningOptions(epsilonPolicy, ffnPolicy, mlmPolicy, hiddenPattern, headPattern, qkSplit,
                ropeFrequencies, ffn2BiasFactor, mlmNormExtraDivision, v);
    }
}
