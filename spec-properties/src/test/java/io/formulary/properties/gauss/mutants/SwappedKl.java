package io.formulary.properties.gauss.mutants;

import io.formulary.core.gauss.Divergences;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: the arguments of KL swapped, {@code KL(q||p)} for {@code KL(p||q)} (KL is not symmetric).
 * Caught by GAUSS-P5 (cross-entropy identity).
 */
public class SwappedKl extends ReferenceGauss {

    @Override
    public double klDivergence(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        return Divergences.klDivergence(muQ, sigmaQ, muP, sigmaP);
    }
}
