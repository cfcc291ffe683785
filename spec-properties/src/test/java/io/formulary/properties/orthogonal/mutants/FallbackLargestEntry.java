package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the fallback vector of F14 built from the coordinate of the largest {@code |a_j|} instead of the smallest.
 * Its norm {@code sqrt(1 - a_j^2)} cancels (0/0 for a coordinate vector), and it breaks the lowest-index tie rule.
 * Caught by ORTHO-P19.
 */
public class FallbackLargestEntry extends ReferenceOrthogonalMaps {
    @Override
    public double[] fallbackOrthogonal(double[] a) {
        double[] ah = UnitVectorTransforms.normalize(a);
        int j = 0;
        for (int k = 1; k < ah.length; k++) {
            if (Math.abs(ah[k]) > Math.abs(ah[j])) {
                j = k;
            }
        }
        double[] e = new double[ah.length];
        for (int i = 0; i < ah.length; i++) {
            e[i] = (i == j ? 1 : 0) - ah[j] * ah[i];
        }
        double n = AccurateSums.norm2(e);
        for (int i = 0; i < e.length; i++) {
            e[i] /= n;
        }
        return e;
    }
}
