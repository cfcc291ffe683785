package io.formulary.properties.contrastive.mutants;

import io.formulary.properties.contrastive.ReferenceContrastive;

/** Mutant: forgets the factor 2 of {@code htilde_i = (2/tau) sum_j (pbar_ij - t_ij) h_j}. */
public final class MissingFactorTwoLabelVectors extends ReferenceContrastive {
    @Override
    public double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        double[][] t = super.labelVectors(H, partner, tau, masked);
        for (double[] row : t) {
            for (int a = 0; a < row.length; a++) {
                row[a] /= 2;
            }
        }
        return t;
    }
}
