package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Angle;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the general construction F8 with the plane basis of F3 built from the stable residual
 * {@code r = b - c a} but without the two re-orthogonalization passes against {@code a_hat}. Because normalized
 * doubles are not exactly unit, {@code a_hat . e2 ~ (|b|^2 - |a|^2) / (2 sin theta)}, which reaches 0.1 near
 * {@code b = +-a} and wrecks orthogonality and mapping (erratum O-E6, last sentence). Caught by ORTHO-P18.
 */
public class NoReorthogonalizationGeneral extends ReferenceOrthogonalMaps {
    @Override
    public double[][] general(double[] a, double[] b, Kind kind) {
        double[] ah = UnitVectorTransforms.normalize(a);
        double[] bh = UnitVectorTransforms.normalize(b);
        Angle t = UnitVectorTransforms.angle(a, b);
        int d = ah.length;
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = t.cos() >= 0 ? -(ah[i] - bh[i]) + t.oneMinusCos() * ah[i] : (ah[i] + bh[i]) - t.onePlusCos() * ah[i];
        }
        double nr = AccurateSums.norm2(r);
        double[] e2 = nr == 0 ? UnitVectorTransforms.fallbackOrthogonal(a) : r;
        if (nr != 0) {
            for (int i = 0; i < d; i++) {
                e2[i] /= nr;
            }
        }
        double m00 = -t.oneMinusCos();
        double m01 = kind == Kind.ROTATION ? -t.sin() : t.sin();
        double m10 = t.sin();
        double m11 = kind == Kind.ROTATION ? -t.oneMinusCos() : -t.onePlusCos();
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            double alpha = ah[i] * m00 + e2[i] * m10;
            double beta = ah[i] * m01 + e2[i] * m11;
            for (int j = 0; j < d; j++) {
                out[i][j] = (i == j ? 1.0 : 0.0) + alpha * ah[j] + beta * e2[j];
            }
        }
        return out;
    }
}
