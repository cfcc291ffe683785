package io.formulary.properties.gauss;

import io.formulary.core.gauss.Divergences;
import io.formulary.core.gauss.Gaussian;
import io.formulary.core.gauss.SpdMatrices;
import io.formulary.core.gauss.Wasserstein;
import io.formulary.properties.Evaluates;

/**
 * The GAUSS chapter as a contract: every evaluable formula of the chapter, with the argument names of the
 * reference's {@code @Formula} metadata. The reference ({@link ReferenceGauss}) is the default subject of
 * the GAUSS properties; another implementation is checked by handing it to the property classes.
 */
public interface GaussContract {

    @Evaluates("GAUSS-F1")
    double pdf(double[] x, double[] mu, double[][] sigma);

    @Evaluates("GAUSS-F2")
    double logPdf(double[] x, double[] mu, double[][] sigma);

    @Evaluates("GAUSS-F3")
    Gaussian.Moments moments(double[] mu, double[][] sigma);

    @Evaluates("GAUSS-F4")
    double[][] secondMoment(double[] mu, double[][] sigma);

    @Evaluates("GAUSS-F5")
    double entropy(double[][] sigma);

    @Evaluates("GAUSS-F6")
    Gaussian.GaussianIntegral gaussianIntegral(double[][] sigma, double[] omega);

    @Evaluates("GAUSS-F7")
    Gaussian.MomentGenerating momentGenerating(double[] mu, double[][] sigma, double[] omega);

    @Evaluates("GAUSS-F8")
    SpdMatrices.TraceIdentities traceIdentities(double[][] A, double[][] B);

    @Evaluates("GAUSS-F9")
    double[][] sqrt(double[][] sigma);

    @Evaluates("GAUSS-F10")
    SpdMatrices.TraceDerivative traceDerivative(double[][] A, double[][] B, double[][] X);

    @Evaluates("GAUSS-F11")
    double klDivergence(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F12")
    Divergences.CrossEntropy crossEntropy(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F13")
    double klToStandardNormal(double[] muP, double[][] sigmaP);

    @Evaluates("GAUSS-F14")
    double klDivergence1d(double muP, double sdP, double muQ, double sdQ);

    @Evaluates("GAUSS-F15")
    double bhattacharyyaDistance(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F16")
    Divergences.BhattacharyyaCoefficient bhattacharyyaCoefficient(double[] muP, double[][] sigmaP, double[] muQ,
                                                                  double[][] sigmaQ);

    @Evaluates("GAUSS-F17")
    double bhattacharyyaDistance1d(double muP, double sdP, double muQ, double sdQ);

    @Evaluates("GAUSS-F18")
    double bhattacharyyaToStandardNormal(double[] muP, double[][] sigmaP);

    @Evaluates("GAUSS-F20")
    double w2SquaredVersion1(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F21")
    Wasserstein.W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F22")
    double w2SquaredCommuting(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F23")
    double w2SquaredToStandardNormal(double[] muP, double[][] sigmaP);

    @Evaluates("GAUSS-F24")
    double wasserstein1d(double muP, double sdP, double muQ, double sdQ, int order);

    @Evaluates("GAUSS-F25")
    Wasserstein.Decomposition meanCentering(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F26")
    Wasserstein.Coupling coupling(double[][] sigmaP, double[][] sigmaQ, double[][] C);

    @Evaluates("GAUSS-F27")
    Wasserstein.Multipliers multipliers(double[][] sigmaP, double[][] sigmaQ);

    @Evaluates("GAUSS-F28")
    Wasserstein.TransportMap transportMap(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);

    @Evaluates("GAUSS-F29")
    double traceSqrtProduct2d(double[][] sigmaP, double[][] sigmaQ);

    @Evaluates("GAUSS-F30")
    Wasserstein.LeadingTerms leadingTerms(double[][] sigmaP, double[][] sigmaQ);

    @Evaluates("GAUSS-F31")
    Wasserstein.McVariances monteCarloVariances(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ);
}
