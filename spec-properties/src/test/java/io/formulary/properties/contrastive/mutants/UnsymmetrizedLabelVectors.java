package io.formulary.properties.contrastive.mutants;

import io.formulary.core.contrastive.ContrastiveLoss;
import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: builds the label vectors from {@code P - T} instead of the symmetrised {@code Pbar - T}, i.e.
 * {@code htilde_i = (2/tau) sum_j (p_ij - t_ij) h_j}. Forgets that {@code P} is row-normalised and not symmetric.
 */
public final class UnsymmetrizedLabelVectors extends ReferenceContrastive {
    @Override
    public double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        double[][] g = ContrastiveLoss.similarityGradient(H, partner, tau, masked);
        double[][] out = new double[H.length][H[0].length];
        for (int i = 0; i < H.length; i++) {
            for (int j = 0; j < H.length; j++) {
                for (int a = 0; a < H[0].length; a++) {
                    out[i][a] += 2 * g[i][j] * H[j][a] / tau;
                }
            }
        }
        return out;
    }
}
