package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the symmetric form {@code 2 w w^T - I} with the bisector always taken as {@code s} projected off {@code v}
 * (never "the shorter off the longer", ORTHO-F15). Near {@code b = a}, {@code v} is tiny and the projection divides
 * the rounding-level {@code s . v = delta} by {@code |v|^2}: mapping errors {@code |delta| / |v|} up to order 1, and
 * 0/0 at {@code b = a}. Caught by ORTHO-P18.
 */
public class WrongDirectionProjection extends ReferenceOrthogonalMaps {
    @Override
    public double[][] symmetric(double[] a, double[] b) {
        double[] ah = UnitVectorTransforms.normalize(a);
        double[] bh = UnitVectorTransforms.normalize(b);
        int d = ah.length;
        double[] s = new double[d];
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = ah[i] + bh[i];
            v[i] = ah[i] - bh[i];
        }
        double k = AccurateSums.dot(s, v) / AccurateSums.dot(v, v);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = s[i] - k * v[i];
        }
        double nw = AccurateSums.norm2(w);
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = 2 * (w[i] / nw) * (w[j] / nw) - (i == j ? 1 : 0);
            }
        }
        return t;
    }
}
