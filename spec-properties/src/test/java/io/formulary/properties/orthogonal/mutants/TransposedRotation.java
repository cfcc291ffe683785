package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: a sign slip in the rotation, {@code I + 2 a b^T - s s^T / (1 + c)} instead of {@code I + 2 b a^T - ...}:
 * that is {@code T_rot^T}, the rotation by {@code -theta}, which maps {@code b} to {@code a} rather than
 * {@code a} to {@code b}. Still orthogonal, so only the mapping check sees it. Caught by ORTHO-P2.
 */
public class TransposedRotation extends ReferenceOrthogonalMaps {
    @Override
    public double[][] rotation(double[] a, double[] b) {
        double[][] t = UnitVectorTransforms.rotation(a, b);
        double[][] tt = new double[t.length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                tt[i][j] = t[j][i];
            }
        }
        return tt;
    }
}
