package io.formulary.properties.linear;

import io.formulary.core.linear.AnalyticLogistic;
import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.linear.CovariancePolicy;
import io.formulary.core.linear.GaussianClassConditionals;
import io.formulary.core.linear.GaussianRegression;
import io.formulary.core.linear.LogisticFunctions;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.SoftmaxModel;
import io.formulary.core.linear.SyntheticClasses;
import io.formulary.core.linear.Whitener;
import io.formulary.core.linear.Whitening;

/** The reference subject of {@link LogisticContract}: the formulas of {@code io.formulary.core.linear}. */
public class ReferenceLogistic implements LogisticContract {

    @Override
    public GaussianRegression.Conditional conditional(double[][] X, double[][] Y, double[] x) {
        return GaussianRegression.conditional(X, Y, x);
    }

    @Override
    public GaussianRegression.Fit regressionFit(double[][] X, double[][] Y) {
        return GaussianRegression.fit(X, Y);
    }

    @Override
    public double logOdds(double t) {
        return LogisticFunctions.logOdds(t);
    }

    @Override
    public double logDensity(double[] x, double[] mu, double[][] sigma) {
        return GaussianClassConditionals.logDensity(x, mu, sigma);
    }

    @Override
    public double sharedCovarianceLogRatio(double[] x, double[] mu0, double[] mu1, double[][] sigma, double p0, double p1) {
        return GaussianClassConditionals.sharedCovarianceLogRatio(x, mu0, mu1, sigma, p0, p1);
    }

    @Override
    public BinaryModel fitBinary(double[][] X, int[] y) {
        return AnalyticLogistic.fitBinary(X, y);
    }

    @Override
    public BinaryModel binaryFromParameters(double[] mu0, double[] mu1, double[][] sigma, double p0, double p1) {
        return AnalyticLogistic.binaryFromParameters(mu0, mu1, sigma, p0, p1);
    }

    @Override
    public double[] softmaxProbabilities(double[] x, double[][] weights, double[] bias) {
        return LogisticFunctions.softmaxProbabilities(x, weights, bias);
    }

    @Override
    public double[] logProbabilities(double[] x, double[][] weights, double[] bias) {
        return LogisticFunctions.logSoftmax(LogisticFunctions.logits(x, weights, bias));
    }

    @Override
    public SoftmaxModel fitSoftmax(double[][] X, int[] y, int k) {
        return AnalyticLogistic.fitSoftmax(X, y, k);
    }

    @Override
    public SoftmaxModel softmaxFromParameters(double[][] means, double[][] sigma, double[] priors) {
        return AnalyticLogistic.softmaxFromParameters(means, sigma, priors);
    }

    @Override
    public SoftmaxModel fitSoftmax(double[][] X, int[] y, int k, CovariancePolicy policy, double delta, double tau) {
        return AnalyticLogistic.fitSoftmax(X, y, k, policy, delta, tau);
    }

    @Override
    public ClassStatistics classStatistics(double[][] X, int[] y, int k) {
        return ClassStatistics.of(X, y, k);
    }

    @Override
    public Whitener whiten(double[][] X, CovariancePolicy policy, double delta, double tau) {
        return Whitening.fit(X, policy, delta, tau);
    }

    @Override
    public SoftmaxModel fitSoftmaxWhitened(double[][] X, int[] y, int k, CovariancePolicy policy, double delta, double tau) {
        return AnalyticLogistic.fitSoftmaxWhitened(X, y, k, policy, delta, tau);
    }

    @Override
    public BinaryModel fitBinaryWhitened(double[][] X, int[] y, CovariancePolicy policy, double delta, double tau) {
        return AnalyticLogistic.fitBinaryWhitened(X, y, policy, delta, tau);
    }

    @Override
    public double quadraticLogRatio(double[] x, double[] mu0, double[][] sigma0, double[] mu1, double[][] sigma1,
                                    double p0, double p1) {
        return GaussianClassConditionals.quadraticLogRatio(x, mu0, sigma0, mu1, sigma1, p0, p1);
    }

    @Override
    public double bayesAccuracy(double[] mu0, double[] mu1, double[][] sigma, double p1) {
        return GaussianClassConditionals.bayesAccuracy(mu0, mu1, sigma, p1);
    }

    @Override
    public LogisticMle.BinaryFit mleBinary(double[][] X, int[] y, double lambda) {
        return LogisticMle.fitBinary(X, y, lambda);
    }

    @Override
    public LogisticMle.SoftmaxFit mleSoftmax(double[][] X, int[] y, int k, double lambda) {
        return LogisticMle.fitSoftmax(X, y, k, lambda);
    }

    @Override
    public SyntheticClasses.Dataset generate(SyntheticClasses.Kind kind, int n, int k, double rho, double sep,
                                             double[] priors, double delta, int count, long seed) {
        return SyntheticClasses.generate(kind, n, k, rho, sep, priors, delta, count, seed);
    }
}
