package io.formulary.properties.gauss.mutants;

import io.formulary.core.gauss.Divergences;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: the Bhattacharyya distance without the {@code 1/8} of its mean term
 * ({@code delta' Sbar^-1 delta} instead of {@code delta' Sbar^-1 delta / 8}). Caught by GAUSS-P9 (equal covariances
 * give {@code KL = 4 BD}).
 */
public class BhattacharyyaWithoutEighth extends ReferenceGauss {

    @Override
    public double bhattacharyyaDistance(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        double cov = Divergences.bhattacharyyaDistance(muQ, sigmaP, muQ, sigmaQ);
        double withMean = Divergences.bhattacharyyaDistance(muP, sigmaP, muQ, sigmaQ);
        return cov + 8 * (withMean - cov);
    }
}
