package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the matrix-free rotation applies the two reflectors in the wrong order, {@code H(a) H(w) x} instead of
 * {@code H(w) H(a) x}, which is {@code T_rot^T x}. Caught by ORTHO-P16 (matrix-free equals matrix).
 */
public class SwappedReflectorOrderApply extends ReferenceOrthogonalMaps {
    @Override
    public double[] apply(double[] a, double[] b, double[] x, Form form) {
        Form swapped = form == Form.ROTATION ? Form.ROTATION_TRANSPOSE
                : form == Form.ROTATION_TRANSPOSE ? Form.ROTATION : form;
        return UnitVectorTransforms.apply(a, b, x, swapped);
    }

    @Override
    public double[][] applyBlock(double[] a, double[] b, double[][] x, Form form) {
        int d = x.length;
        int m = x[0].length;
        double[][] out = new double[d][m];
        double[] col = new double[d];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < d; i++) {
                col[i] = x[i][j];
            }
            double[] y = apply(a, b, col, form);
            for (int i = 0; i < d; i++) {
                out[i][j] = y[i];
            }
        }
        return out;
    }
}
