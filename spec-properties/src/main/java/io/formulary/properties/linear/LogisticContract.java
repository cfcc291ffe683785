package io.formulary.properties.linear;

import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.linear.CovariancePolicy;
import io.formulary.core.linear.GaussianRegression;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.SoftmaxModel;
import io.formulary.core.linear.SyntheticClasses;
import io.formulary.core.linear.Whitener;
import io.formulary.properties.Evaluates;

/**
 * The LOGIT chapter as a contract: the operations its properties check. Methods carrying {@link Evaluates} have the
 * parameter names of the {@code @Formula} arguments of the reference ({@code io.formulary.core.linear}); the
 * "in-process variants" (known-parameter forms, log-probabilities, explicit policies) have no formula ID of their
 * own, so an external {@code eval} subject cannot answer them.
 */
public interface LogisticContract {

    @Evaluates("LOGIT-F3")
    GaussianRegression.Conditional conditional(double[][] X, double[][] Y, double[] x);

    @Evaluates("LOGIT-F4")
    GaussianRegression.Fit regressionFit(double[][] X, double[][] Y);

    @Evaluates("LOGIT-F6")
    double logOdds(double t);

    @Evaluates("LOGIT-F8")
    double logDensity(double[] x, double[] mu, double[][] sigma);

    @Evaluates("LOGIT-F9")
    double sharedCovarianceLogRatio(double[] x, double[] mu0, double[] mu1, double[][] sigma, double p0, double p1);

    @Evaluates("LOGIT-F10")
    BinaryModel fitBinary(double[][] X, int[] y);

    /** LOGIT-F10 with known parameters (the Bayes rule of the shared-covariance model); in-process variant. */
    BinaryModel binaryFromParameters(double[] mu0, double[] mu1, double[][] sigma, double p0, double p1);

    @Evaluates("LOGIT-F11")
    double[] softmaxProbabilities(double[] x, double[][] weights, double[] bias);

    /** {@code ln p(i|x) = z_i - lse(z)} for the same model as {@link #softmaxProbabilities}; in-process variant. */
    double[] logProbabilities(double[] x, double[][] weights, double[] bias);

    @Evaluates("LOGIT-F12")
    SoftmaxModel fitSoftmax(double[][] X, int[] y, int k);

    /** LOGIT-F12 with known parameters; in-process variant. */
    SoftmaxModel softmaxFromParameters(double[][] means, double[][] sigma, double[] priors);

    /** LOGIT-F12 under an explicit conditioning policy (LOGIT-F16); in-process variant. */
    SoftmaxModel fitSoftmax(double[][] X, int[] y, int k, CovariancePolicy policy, double delta, double tau);

    @Evaluates("LOGIT-F13")
    ClassStatistics classStatistics(double[][] X, int[] y, int k);

    @Evaluates("LOGIT-F14")
    Whitener whiten(double[][] X, CovariancePolicy policy, double delta, double tau);

    @Evaluates("LOGIT-F15")
    SoftmaxModel fitSoftmaxWhitened(double[][] X, int[] y, int k, CovariancePolicy policy, double delta, double tau);

    /** LOGIT-F15, binary form; in-process variant. */
    BinaryModel fitBinaryWhitened(double[][] X, int[] y, CovariancePolicy policy, double delta, double tau);

    @Evaluates("LOGIT-F17")
    double quadraticLogRatio(double[] x, double[] mu0, double[][] sigma0, double[] mu1, double[][] sigma1, double p0,
                             double p1);

    @Evaluates("LOGIT-F18")
    double bayesAccuracy(double[] mu0, double[] mu1, double[][] sigma, double p1);

    @Evaluates("LOGIT-F19")
    LogisticMle.BinaryFit mleBinary(double[][] X, int[] y, double lambda);

    @Evaluates("LOGIT-F20")
    LogisticMle.SoftmaxFit mleSoftmax(double[][] X, int[] y, int k, double lambda);

    @Evaluates("LOGIT-F22")
    SyntheticClasses.Dataset generate(SyntheticClasses.Kind kind, int n, int k, double rho, double sep, double[] priors,
                                      double delta, int count, long seed);
}
