package io.formulary.properties.contrastive.mutants;

import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: "masks" by computing the unmasked softmax and then setting {@code p_ii = 0}, without renormalising the
 * row over the remaining candidates (the masked rows then sum to {@code 1 - p_ii}).
 */
public final class DiagonalZeroedWithoutRenormalizing extends ReferenceContrastive {
    @Override
    public double[][] probabilities(double[][] H, double tau, boolean masked) {
        double[][] p = super.probabilities(H, tau, false);
        if (masked) {
            for (int i = 0; i < p.length; i++) {
                p[i][i] = 0;
            }
        }
        return p;
    }
}
