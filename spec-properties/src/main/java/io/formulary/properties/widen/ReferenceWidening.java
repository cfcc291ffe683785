package io.formulary.properties.widen;

import io.formulary.core.nn.ActivationKind;
import io.formulary.core.nn.Activations;
import io.formulary.core.nn.Attention;
import io.formulary.core.nn.AttentionResult;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.Linear;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Norms;
import io.formulary.core.nn.ReferenceTransformer;
import io.formulary.core.nn.Rope;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.FactorTable;
import io.formulary.core.widen.ModelWidener;
import io.formulary.core.widen.Repeat;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.RopeWidening;
import io.formulary.core.widen.ScaleCalculus;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;

/** The reference implementation of {@link WideningContract}: delegates to {@code io.formulary.core.nn/widen}. */
public class ReferenceWidening implements WideningContract {

    @Override
    public double[] normalize(NormKind kind, double[] x, double[] gamma, double[] beta, double epsilon) {
        return Norms.normalize(kind, x, gamma, beta, epsilon);
    }

    @Override
    public double[][] linear(double[][] x, double[][] w, double[] b) {
        return Linear.apply(x, w, b);
    }

    @Override
    public double activate(ActivationKind kind, double slope, double x) {
        return Activations.activate(kind, slope, x);
    }

    @Override
    public AttentionResult selfAttention(double[][] x, double[][] wQ, double[] bQ, double[][] wK, double[] bK,
                                         double[][] wV, double[] bV, double[][] wO, double[] bO, int numHeads,
                                         AttentionScaling scaling, boolean causal, double[] theta, RopeLayout layout,
                                         int positionOffset) {
        return Attention.selfAttention(x, wQ, bQ, wK, bK, wV, bV, wO, bO, numHeads, scaling, causal, theta, layout,
                positionOffset);
    }

    @Override
    public double[] rotate(double[] x, int position, double[] theta, RopeLayout layout) {
        return Rope.rotate(x, position, theta, layout);
    }

    @Override
    public ForwardResult forward(TransformerConfig config, TransformerWeights weights, int[] tokens, int[] types,
                                 boolean traceWanted) {
        return ReferenceTransformer.forward(config, weights, tokens, types, traceWanted);
    }

    @Override
    public int[] indexMap(RepeatPattern pattern, int n, int k) {
        return Repeat.indexMap(pattern, n, k);
    }

    @Override
    public double[] repeatDivide(double[] x, int k) {
        return Repeat.repeatDivide(x, k);
    }

    @Override
    public double[][] matrix(double[][] w, RepeatPattern rows, RepeatPattern cols, int k, double f) {
        return Repeat.matrix(w, rows, cols, k, f);
    }

    @Override
    public ScaleCalculus.LinearFactors linearFactors(double sigmaIn, double sigmaOut, int k) {
        return ScaleCalculus.linearFactors(sigmaIn, sigmaOut, k);
    }

    @Override
    public FactorTable factorTable(int k) {
        return FactorTable.of(k);
    }

    @Override
    public double activationDefect(ActivationKind kind, double slope, double c, double x) {
        return ScaleCalculus.activationDefect(kind, slope, c, x);
    }

    @Override
    public boolean isHeadLocal(RepeatPattern pattern, int numHeads, int headSize, int k) {
        return Repeat.isHeadLocal(pattern, numHeads, headSize, k);
    }

    @Override
    public RopeWidening.Scores widenedScore(double[] q, double[] key, int delta, double base, int k,
                                            AttentionScaling scaling) {
        return RopeWidening.widenedScore(q, key, delta, base, k, scaling);
    }

    @Override
    public double keptEpsilonFactor(double secondMoment, double epsilon, int k) {
        return ScaleCalculus.keptEpsilonFactor(secondMoment, epsilon, k);
    }

    @Override
    public WidenedModel narrow(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return ModelWidener.narrow(config, weights, k, options);
    }

    @Override
    public WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return ModelWidener.widen(config, weights, k, options);
    }
}
