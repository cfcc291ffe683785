package io.formulary.properties.contrastive.mutants;

import io.formulary.properties.contrastive.ReferenceContrastive;

/**
 * Mutant: the softmax and the row losses without the max shift, {@code e^{s_ij} / sum_k e^{s_ik}} and
 * {@code log sum_k e^{s_ik} - s_{i pi(i)}}: overflows to Infinity/NaN once similarities pass about 709.
 */
public final class UnshiftedSoftmax extends ReferenceContrastive {

    private static double denominator(double[] row, int i, boolean masked) {
        double z = 0;
        for (int j = 0; j < row.length; j++) {
            if (!(masked && j == i)) {
                z += StrictMath.exp(row[j]);
            }
        }
        return z;
    }

    @Override
    public double[] rowLossesFromSimilarity(double[][] S, int[] partner, boolean masked) {
        double[] out = new double[S.length];
        for (int i = 0; i < S.length; i++) {
            out[i] = StrictMath.log(denominator(S[i], i, masked)) - S[i][partner[i]];
        }
        return out;
    }

    @Override
    public double[][] probabilitiesFromSimilarity(double[][] S, boolean masked) {
        double[][] p = new double[S.length][S.length];
        for (int i = 0; i < S.length; i++) {
            double z = denominator(S[i], i, masked);
            for (int j = 0; j < S.length; j++) {
                p[i][j] = masked && j == i ? 0 : StrictMath.exp(S[i][j]) / z;
            }
        }
        return p;
    }
}
