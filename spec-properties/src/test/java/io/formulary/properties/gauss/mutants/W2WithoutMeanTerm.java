package io.formulary.properties.gauss.mutants;

import io.formulary.core.gauss.Wasserstein;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: {@code W_2^2} without the mean term {@code ||delta||^2} (only the Bures part of the covariances).
 * Caught by GAUSS-P11 ({@code W_2 >= ||delta||}).
 */
public class W2WithoutMeanTerm extends ReferenceGauss {

    @Override
    public Wasserstein.W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Wasserstein.w2(muP, sigmaP, muP, sigmaQ);
    }
}
