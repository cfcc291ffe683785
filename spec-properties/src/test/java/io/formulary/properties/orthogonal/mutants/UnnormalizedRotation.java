package io.formulary.properties.orthogonal.mutants;

import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the rotation form applied to the raw inputs as if they were unit vectors (no normalization, ORTHO-F1),
 * with the article's denominator {@code 1 + a.b}. Right for unit inputs, wrong for everything else. Caught by
 * ORTHO-P12 (scale invariance).
 */
public class UnnormalizedRotation extends ReferenceOrthogonalMaps {
    @Override
    public double[][] rotation(double[] a, double[] b) {
        int d = a.length;
        double c = 0;
        for (int i = 0; i < d; i++) {
            c += a[i] * b[i];
        }
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = (i == j ? 1 : 0) + 2 * b[i] * a[j] - (a[i] + b[i]) * (a[j] + b[j]) / (1 + c);
            }
        }
        return t;
    }
}
