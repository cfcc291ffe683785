package io.formulary.properties.orthogonal;

import io.formulary.core.orthogonal.UnitVectorTransforms.Angle;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import io.formulary.core.orthogonal.UnitVectorTransforms.ReflectorNormals;
import io.formulary.core.orthogonal.UnitVectorTransforms.SpectralData;
import io.formulary.properties.Evaluates;

/**
 * The ORTHO chapter as a contract: orthogonal maps that carry the direction of {@code a} to the direction of
 * {@code b}. The ORTHO properties are written against this interface, with {@link ReferenceOrthogonalMaps} as the
 * default subject; another implementation is checked by the same properties by supplying it instead (a JVM class
 * through {@code -Dformulary.subject.class}, or a process speaking the {@code eval} protocol).
 *
 * <p>Parameter names equal the {@code @Formula} argument names of the reference, so an {@code eval} request built
 * from a call is the request the reference understands. Every method follows the chapter's input policy
 * (ORTHO-F1): finite nonzero vectors of equal length {@code d >= 2}, normalized before use, and
 * {@code IllegalArgumentException} for anything else.
 */
public interface OrthogonalMapsContract {

    /** ORTHO-F1: {@code x / ||x||}. */
    @Evaluates("ORTHO-F1")
    double[] normalize(double[] x);

    /** ORTHO-F2: cosine, sine, angle, {@code 1 -+ c} and {@code ||a_hat -+ b_hat||}. */
    @Evaluates("ORTHO-F2")
    Angle angle(double[] a, double[] b);

    /** ORTHO-F3: the plane basis {@code Q = [a_hat, e2]}, {@code d x 2}. */
    @Evaluates("ORTHO-F3")
    double[][] basis(double[] a, double[] b);

    /** ORTHO-F4: {@code (cos theta, sin theta)}, the coordinates of {@code b_hat} in {@code Q}. */
    @Evaluates("ORTHO-F4")
    double[] planeCoordinates(double[] a, double[] b);

    /** ORTHO-F5: {@code R_rot} or {@code R_ref}, {@code 2 x 2}. */
    @Evaluates("ORTHO-F5")
    double[][] planeMatrix(double[] a, double[] b, Kind kind);

    /** ORTHO-F7: {@code [Q, E] diag(R, I) [Q, E]^T} for a given completion {@code e} ({@code d x (d-2)}). */
    @Evaluates("ORTHO-F7")
    double[][] completed(double[] a, double[] b, Kind kind, double[][] e);

    /** ORTHO-F8: {@code Q R Q^T + I - Q Q^T}. */
    @Evaluates("ORTHO-F8")
    double[][] general(double[] a, double[] b, Kind kind);

    /** ORTHO-F9: the rotation form. */
    @Evaluates("ORTHO-F9")
    double[][] rotation(double[] a, double[] b);

    /** ORTHO-F10: the Householder form. */
    @Evaluates("ORTHO-F10")
    double[][] householder(double[] a, double[] b);

    /** ORTHO-F12: the symmetric form. */
    @Evaluates("ORTHO-F12")
    double[][] symmetric(double[] a, double[] b);

    /** ORTHO-F13: the reflector {@code I - 2 n_hat n_hat^T}. */
    @Evaluates("ORTHO-F13")
    double[][] reflector(double[] n);

    /** ORTHO-F14: the fallback unit vector {@code e(a_hat)} orthogonal to {@code a}. */
    @Evaluates("ORTHO-F14")
    double[] fallbackOrthogonal(double[] a);

    /** ORTHO-F15: the robust reflector normals and the singularity flags. */
    @Evaluates("ORTHO-F15")
    ReflectorNormals directions(double[] a, double[] b);

    /** ORTHO-F16: {@code T x} without forming {@code T}. */
    @Evaluates("ORTHO-F16")
    double[] apply(double[] a, double[] b, double[] x, Form form);

    /**
     * ORTHO-F16 for a {@code d x m} block. The default applies {@link #apply} column by column (what an external
     * subject does); an implementation with a block kernel overrides it.
     */
    @Evaluates("ORTHO-F16")
    default double[][] applyBlock(double[] a, double[] b, double[][] x, Form form) {
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

    /** ORTHO-F17: determinant, trace, eigenvalues and distances to the identity of one form. */
    @Evaluates("ORTHO-F17")
    SpectralData spectralData(double[] a, double[] b, Form form);

    /** ORTHO-F18 (b): the fourth solution {@code -T_rot(a, -b)}. */
    @Evaluates("ORTHO-F18")
    double[][] fourthSolution(double[] a, double[] b);
}
