package io.formulary.properties.widen;

import io.formulary.core.nn.ActivationKind;
import io.formulary.core.nn.AttentionResult;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.FactorTable;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.RopeWidening;
import io.formulary.core.widen.ScaleCalculus;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.Evaluates;

/**
 * The WIDEN chapter as a contract: the reference Transformer's building blocks and the widening operators. The
 * WIDEN properties are written against this interface, so another implementation can be checked by the same
 * properties. Parameter names equal the {@code @Formula} argument names of the reference.
 */
public interface WideningContract {

    @Evaluates("WIDEN-F3")
    double[] normalize(NormKind kind, double[] x, double[] gamma, double[] beta, double epsilon);

    @Evaluates("WIDEN-F4")
    double[][] linear(double[][] x, double[][] w, double[] b);

    @Evaluates("WIDEN-F5")
    double activate(ActivationKind kind, double slope, double x);

    @Evaluates("WIDEN-F6")
    AttentionResult selfAttention(double[][] x, double[][] wQ, double[] bQ, double[][] wK, double[] bK,
                                  double[][] wV, double[] bV, double[][] wO, double[] bO, int numHeads,
                                  AttentionScaling scaling, boolean causal, double[] theta, RopeLayout layout,
                                  int positionOffset);

    @Evaluates("WIDEN-F7")
    double[] rotate(double[] x, int position, double[] theta, RopeLayout layout);

    @Evaluates("WIDEN-F10")
    ForwardResult forward(TransformerConfig config, TransformerWeights weights, int[] tokens, int[] types,
                          boolean traceWanted);

    @Evaluates("WIDEN-F11")
    int[] indexMap(RepeatPattern pattern, int n, int k);

    @Evaluates("WIDEN-F12")
    double[] repeatDivide(double[] x, int k);

    @Evaluates("WIDEN-F13")
    double[][] matrix(double[][] w, RepeatPattern rows, RepeatPattern cols, int k, double f);

    @Evaluates("WIDEN-F14")
    ScaleCalculus.LinearFactors linearFactors(double sigmaIn, double sigmaOut, int k);

    @Evaluates("WIDEN-F16")
    FactorTable factorTable(int k);

    @Evaluates("WIDEN-F17")
    double activationDefect(ActivationKind kind, double slope, double c, double x);

    @Evaluates("WIDEN-F18")
    boolean isHeadLocal(RepeatPattern pattern, int numHeads, int headSize, int k);

    @Evaluates("WIDEN-F20")
    RopeWidening.Scores widenedScore(double[] q, double[] key, int delta, double base, int k,
                                     AttentionScaling scaling);

    @Evaluates("WIDEN-F21")
    double keptEpsilonFactor(double secondMoment, double epsilon, int k);

    @Evaluates("WIDEN-F22")
    WidenedModel narrow(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options);

    @Evaluates("WIDEN-F23")
    WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options);
}
