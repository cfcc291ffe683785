package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.AttentionInit;
import io.formulary.core.init.InitScheme;
import io.formulary.core.init.Initialization;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Normalization;
import io.formulary.core.init.ReZero;
import io.formulary.core.init.ResidualStack;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.Selu;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.TruncatedNormalLaw;
import io.formulary.core.init.WeightDistribution;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** The reference subject: delegates every contract method to {@code io.formulary.core.init}. */
public class ReferenceInit implements InitContract {

    @Override
    public Sampling.Bounds uniformFor(double mu, double sigma) {
        return Sampling.uniformFor(mu, sigma);
    }

    @Override
    public TruncatedNormal.Moments normalMoments(double mu, double sigma) {
        return Sampling.normalMoments(mu, sigma);
    }

    @Override
    public TruncatedNormal.Moments moments(double mu, double sigma, double a, double b) {
        return TruncatedNormal.moments(mu, sigma, a, b);
    }

    @Override
    public double gamma(double c) {
        return TruncatedNormal.gamma(c);
    }

    @Override
    public double stdCorrection(double c) {
        return TruncatedNormal.stdCorrection(c);
    }

    @Override
    public double rejectionAcceptance(double c) {
        return TruncatedNormal.rejectionAcceptance(c);
    }

    @Override
    public double outputSecondMoment(double[] inputSecondMoments, double[] weightSecondMoments, double bias) {
        return Initialization.outputSecondMoment(inputSecondMoments, weightSecondMoments, bias);
    }

    @Override
    public double variance(InitScheme scheme, int fanIn, int fanOut) {
        return Initialization.variance(scheme, fanIn, fanOut);
    }

    @Override
    public double afterRelu(int fanIn, double weightSecondMoment, double preActivationSecondMoment) {
        return Initialization.afterRelu(fanIn, weightSecondMoment, preActivationSecondMoment);
    }

    @Override
    public double moment(ActivationFunction activation, int power, double scale) {
        return ActivationMoments.moment(activation, power, scale);
    }

    @Override
    public ActivationMoments.Moments activationMoments(ActivationFunction activation) {
        return ActivationMoments.of(activation);
    }

    @Override
    public double microTuned(ActivationFunction activation, boolean centered, double x) {
        return ActivationMoments.microTuned(activation, centered, x);
    }

    @Override
    public double secondMomentMap(ActivationFunction activation, boolean centered, double q) {
        return ActivationMoments.secondMomentMap(activation, centered, q);
    }

    @Override
    public Selu.Constants solveSeluConstants() {
        return Selu.solveConstants();
    }

    @Override
    public double[][] layerNorm(double[][] x, double[] gamma, double[] beta, double epsilon) {
        return Normalization.layerNorm(x, gamma, beta, epsilon);
    }

    @Override
    public double[][] rmsNorm(double[][] x, double[] gamma, double epsilon) {
        return Normalization.rmsNorm(x, gamma, epsilon);
    }

    @Override
    public double[] ntkDense(double[] x, double[][] w, double[] b) {
        return Initialization.ntkDense(x, w, b);
    }

    @Override
    public double adamFirstStep(double gradient, double eta, double epsilonHat) {
        return Initialization.adamFirstStep(gradient, eta, epsilonHat);
    }

    @Override
    public AttentionInit.DotMoments dotProductMoments(int d, double mu2q, double mu4q, double mu2k, double mu4k) {
        return AttentionInit.dotProductMoments(d, mu2q, mu4q, mu2k, mu4k);
    }

    @Override
    public double softmaxJacobianNorm(double[] logits) {
        return AttentionInit.softmaxJacobianNorm(logits);
    }

    @Override
    public AttentionInit.QkInit qkInit(AttentionInit.Allocation allocation, int dModel, int dK) {
        return AttentionInit.qkInit(allocation, dModel, dK);
    }

    @Override
    public double unnormalizedMeanSquare(int l, double ms0, boolean preserving) {
        return ResidualStack.unnormalizedMeanSquare(l, ms0, preserving);
    }

    @Override
    public double[] postNormWeights(int l) {
        return ResidualStack.postNormWeights(l);
    }

    @Override
    public double[] preNormInputScales(int l) {
        return ResidualStack.preNormInputScales(l);
    }

    @Override
    public double[] gatedResidual(double[] x, double alpha, double[] branchOutput) {
        return ReZero.gatedResidual(x, alpha, branchOutput);
    }

    @Override
    public double alpha(long s, double delta) {
        return ReZero.alpha(s, delta);
    }

    @Override
    public MonteCarlo.Estimate estimate(double[] values) {
        return MonteCarlo.estimate(values);
    }

    @Override
    public Initialization.LawParameters lawParameters(double variance) {
        return Initialization.lawParameters(variance);
    }

    @Override
    public ToDoubleFunction<RandomGenerator> weightSampler(WeightDistribution law, double variance) {
        return Initialization.weightSampler(law, variance);
    }

    @Override
    public ToDoubleFunction<RandomGenerator> truncatedNormalSampler(double mu, double sigma, double a, double b) {
        return TruncatedNormalLaw.of(mu, sigma, a, b)::sample;
    }

    @Override
    public ToDoubleFunction<RandomGenerator> tfTruncatedNormalSampler(double mu, double sigma) {
        double pre = sigma * stdCorrection(Initialization.TF_TRUNCATION);
        return rng -> Sampling.truncatedNormalRejection(rng, mu, pre, Initialization.TF_TRUNCATION);
    }

    @Override
    public ToDoubleFunction<RandomGenerator> torchTruncatedNormalSampler(double mu, double sigma, double a, double b) {
        return Sampling.inverseCdfSampler(mu, sigma, a, b);
    }

    @Override
    public double uniform(RandomGenerator rng, double mu, double sigma) {
        return Sampling.uniform(rng, mu, sigma);
    }
}
