package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.AttentionInit;
import io.formulary.core.init.InitScheme;
import io.formulary.core.init.Initialization;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.Selu;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.WeightDistribution;
import io.formulary.properties.Evaluates;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * The INIT chapter as a contract: every formula the properties check, with the formula ID it evaluates and the
 * argument names of the reference's {@code @Formula} methods, plus the samplers the Monte-Carlo properties draw
 * from (not addressable by {@code eval}; a JVM subject supplies them).
 */
public interface InitContract {

    @Evaluates("INIT-F1")
    Sampling.Bounds uniformFor(double mu, double sigma);

    @Evaluates("INIT-F2")
    TruncatedNormal.Moments normalMoments(double mu, double sigma);

    @Evaluates("INIT-F3")
    TruncatedNormal.Moments moments(double mu, double sigma, double a, double b);

    @Evaluates("INIT-F4")
    double gamma(double c);

    @Evaluates("INIT-F5")
    double stdCorrection(double c);

    @Evaluates("INIT-F6")
    double rejectionAcceptance(double c);

    @Evaluates("INIT-F7")
    double outputSecondMoment(double[] inputSecondMoments, double[] weightSecondMoments, double bias);

    @Evaluates("INIT-F8")
    double variance(InitScheme scheme, int fanIn, int fanOut);

    @Evaluates("INIT-F9")
    double afterRelu(int fanIn, double weightSecondMoment, double preActivationSecondMoment);

    @Evaluates("INIT-F10")
    double moment(ActivationFunction activation, int power, double scale);

    @Evaluates("INIT-F11")
    ActivationMoments.Moments activationMoments(ActivationFunction activation);

    @Evaluates("INIT-F12")
    double microTuned(ActivationFunction activation, boolean centered, double x);

    @Evaluates("INIT-F13")
    double secondMomentMap(ActivationFunction activation, boolean centered, double q);

    @Evaluates("INIT-F14")
    Selu.Constants solveSeluConstants();

    @Evaluates("INIT-F15")
    double[][] layerNorm(double[][] x, double[] gamma, double[] beta, double epsilon);

    @Evaluates("INIT-F16")
    double[][] rmsNorm(double[][] x, double[] gamma, double epsilon);

    @Evaluates("INIT-F17")
    double[] ntkDense(double[] x, double[][] w, double[] b);

    @Evaluates("INIT-F18")
    double adamFirstStep(double gradient, double eta, double epsilonHat);

    @Evaluates("INIT-F19")
    AttentionInit.DotMoments dotProductMoments(int d, double mu2q, double mu4q, double mu2k, double mu4k);

    @Evaluates("INIT-F20")
    double softmaxJacobianNorm(double[] logits);

    @Evaluates("INIT-F21")
    AttentionInit.QkInit qkInit(AttentionInit.Allocation allocation, int dModel, int dK);

    @Evaluates("INIT-F22")
    double unnormalizedMeanSquare(int l, double ms0, boolean preserving);

    @Evaluates("INIT-F23")
    double[] postNormWeights(int l);

    @Evaluates("INIT-F24")
    double[] preNormInputScales(int l);

    @Evaluates("INIT-F25")
    double[] gatedResidual(double[] x, double alpha, double[] branchOutput);

    @Evaluates("INIT-F26")
    double alpha(long s, double delta);

    @Evaluates("INIT-F27")
    MonteCarlo.Estimate estimate(double[] values);

    /** The law parameters realizing variance v (INIT-F8's second half). */
    Initialization.LawParameters lawParameters(double variance);

    /** A sampler of zero-mean weights of variance v from the law. */
    ToDoubleFunction<RandomGenerator> weightSampler(WeightDistribution law, double variance);

    /** The reference truncated-normal sampler (INIT-F6), prepared for one law. */
    ToDoubleFunction<RandomGenerator> truncatedNormalSampler(double mu, double sigma, double a, double b);

    /** TF-style: target std sigma, pre-truncation std {@code sigma * stdCorrection(2)}, redraw beyond 2 of those. */
    ToDoubleFunction<RandomGenerator> tfTruncatedNormalSampler(double mu, double sigma);

    /** PyTorch-style inverse-CDF truncated normal with absolute bounds. */
    ToDoubleFunction<RandomGenerator> torchTruncatedNormalSampler(double mu, double sigma, double a, double b);

    /** One draw of the uniform law with mean mu and variance sigma^2. */
    double uniform(RandomGenerator rng, double mu, double sigma);
}
