package io.formulary.properties.contrastive.mutants;

import io.formulary.properties.contrastive.ReferenceContrastive;

/** Mutant: drops the {@code 1/tau} of the label vectors (the article folds tau into s; Errata 3). */
public final class LabelVectorsWithoutTemperature extends ReferenceContrastive {
    @Override
    public double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        double[][] t = super.labelVectors(H, partner, tau, masked);
        for (double[] row : t) {
            for (int a = 0; a < row.length; a++) {
                row[a] *= tau;
            }
        }
        return t;
    }
}
