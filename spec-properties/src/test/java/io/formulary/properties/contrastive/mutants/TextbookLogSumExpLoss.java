package io.formulary.properties.contrastive.mutants;

import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: the textbook row loss {@code LSE_i - s_{i pi(i)}} with a max-shifted log-sum-exp: stable against overflow,
 * but it cancels to 0 when the positive dominates, losing every digit of a tiny loss.
 */
public final class TextbookLogSumExpLoss extends ReferenceContrastive {
    @Override
    public double[] rowLossesFromSimilarity(double[][] S, int[] partner, boolean masked) {
        double[] out = new double[S.length];
        for (int i = 0; i < S.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < S.length; j++) {
                if (!(masked && j == i)) {
                    m = Math.max(m, S[i][j]);
                }
            }
            double z = 0;
            for (int j = 0; j < S.length; j++) {
                if (!(masked && j == i)) {
                    z += StrictMath.exp(S[i][j] - m);
                }
            }
            out[i] = m + StrictMath.log(z) - S[i][partner[i]];
        }
        return out;
    }
}
