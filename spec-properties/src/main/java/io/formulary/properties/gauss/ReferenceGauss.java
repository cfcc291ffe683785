package io.formulary.properties.gauss;

import io.formulary.core.gauss.Divergences;
import io.formulary.core.gauss.Gaussian;
import io.formulary.core.gauss.SpdMatrices;
import io.formulary.core.gauss.Wasserstein;

/** The reference implementation of {@link GaussContract}: delegates to {@code io.formulary.core.gauss}. */
public class ReferenceGauss implements GaussContract {

    @Override
    public double pdf(double[] x, double[] mu, double[][] sigma) {
        return Gaussian.pdf(x, mu, sigma);
    }

    @Override
    public double logPdf(double[] x, double[] mu, double[][] sigma) {
        return Gaussian.logPdf(x, mu, sigma);
    }

    @Override
    public Gaussian.Moments moments(double[] mu, double[][] sigma) {
        return Gaussian.moments(mu, sigma);
    }

    @Override
    public double[][] secondMoment(double[] mu, double[][] sigma) {
        return Gaussian.secondMoment(mu, sigma);
    }

    @Override
    public double entropy(double[][] sigma) {
        return Gaussian.entropy(sigma);
    }

    @Override
    public Gaussian.GaussianIntegral gaussianIntegral(double[][] sigma, double[] omega) {
        return Gaussian.gaussianIntegral(sigma, omega);
    }

    @Override
    public Gaussian.MomentGenerating momentGenerating(double[] mu, double[][] sigma, double[] omega) {
        return Gaussian.momentGenerating(mu, sigma, omega);
    }

    @Override
    public SpdMatrices.TraceIdentities traceIdentities(double[][] A, double[][] B) {
        return SpdMatrices.traceIdentities(A, B);
    }

    @Override
    public double[][] sqrt(double[][] sigma) {
        return SpdMatrices.sqrt(sigma);
    }

    @Override
    public SpdMatrices.TraceDerivative traceDerivative(double[][] A, double[][] B, double[][] X) {
        return SpdMatrices.traceDerivative(A, B, X);
    }

    @Override
    public double klDivergence(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Divergences.klDivergence(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public Divergences.CrossEntropy crossEntropy(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Divergences.crossEntropy(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public double klToStandardNormal(double[] muP, double[][] sigmaP) {
        return Divergences.klToStandardNormal(muP, sigmaP);
    }

    @Override
    public double klDivergence1d(double muP, double sdP, double muQ, double sdQ) {
        return Divergences.klDivergence1d(muP, sdP, muQ, sdQ);
    }

    @Override
    public double bhattacharyyaDistance(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Divergences.bhattacharyyaDistance(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public Divergences.BhattacharyyaCoefficient bhattacharyyaCoefficient(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Divergences.bhattacharyyaCoefficient(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public double bhattacharyyaDistance1d(double muP, double sdP, double muQ, double sdQ) {
        return Divergences.bhattacharyyaDistance1d(muP, sdP, muQ, sdQ);
    }

    @Override
    public double bhattacharyyaToStandardNormal(double[] muP, double[][] sigmaP) {
        return Divergences.bhattacharyyaToStandardNormal(muP, sigmaP);
    }

    @Override
    public double w2SquaredVersion1(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.w2SquaredVersion1(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public Wasserstein.W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.w2(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public double w2SquaredCommuting(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.w2SquaredCommuting(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public double w2SquaredToStandardNormal(double[] muP, double[][] sigmaP) {
        return Wasserstein.w2SquaredToStandardNormal(muP, sigmaP);
    }

    @Override
    public double wasserstein1d(double muP, double sdP, double muQ, double sdQ, int order) {
        return Wasserstein.wasserstein1d(muP, sdP, muQ, sdQ, order);
    }

    @Override
    public Wasserstein.Decomposition meanCentering(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.meanCentering(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public Wasserstein.Coupling coupling(double[][] sigmaP, double[][] sigmaQ, double[][] C) {
        return Wasserstein.coupling(sigmaP, sigmaQ, C);
    }

    @Override
    public Wasserstein.Multipliers multipliers(double[][] sigmaP, double[][] sigmaQ) {
        return Wasserstein.multipliers(sigmaP, sigmaQ);
    }

    @Override
    public Wasserstein.TransportMap transportMap(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.transportMap(muP, sigmaP, muQ, sigmaQ);
    }

    @Override
    public double traceSqrtProduct2d(double[][] sigmaP, double[][] sigmaQ) {
        return Wasserstein.traceSqrtProduct2d(sigmaP, sigmaQ);
    }

    @Override
    public Wasserstein.LeadingTerms leadingTerms(double[][] sigmaP, double[][] sigmaQ) {
        return Wasserstein.leadingTerms(sigmaP, sigmaQ);
    }

    @Override
    public Wasserstein.McVariances monteCarloVariances(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.monteCarloVariances(muP, sigmaP, muQ, sigmaQ);
    }
}
