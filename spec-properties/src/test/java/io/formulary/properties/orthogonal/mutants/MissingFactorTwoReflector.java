package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the Householder reflector without its factor 2, {@code I - u u^T} (a projection onto the mirror, not a
 * reflection across it). Not orthogonal for any input. Caught by ORTHO-P1.
 */
public class MissingFactorTwoReflector extends ReferenceOrthogonalMaps {
    @Override
    public double[][] householder(double[] a, double[] b) {
        double[] u = UnitVectorTransforms.directions(a, b).u();
        int d = u.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = (i == j ? 1 : 0) - u[i] * u[j];
            }
        }
        return t;
    }
}
