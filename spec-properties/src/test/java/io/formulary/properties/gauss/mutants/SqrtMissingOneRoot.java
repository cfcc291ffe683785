package io.formulary.properties.gauss.mutants;

import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.properties.gauss.ReferenceGauss;

/**
 * Wrong on purpose: the principal square root {@code U diag(sqrt lambda) U^T} with the square root of the largest
 * eigenvalue forgotten (so it does not square to Sigma).
 * Caught by GAUSS-P20.
 */
public class SqrtMissingOneRoot extends ReferenceGauss {

    @Override
    public double[][] sqrt(double[][] sigma) {
        double[] ev = SymmetricMatrixFunctions.eigenvalues(sigma, "sigma");
        double top = ev[ev.length - 1];
        return SymmetricMatrixFunctions.apply(sigma, v -> v == top ? v : Math.sqrt(v), "sigma");
    }
}
