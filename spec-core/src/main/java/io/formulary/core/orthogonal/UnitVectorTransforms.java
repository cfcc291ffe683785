package io.formulary.core.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.Locale;

/**
 * Orthogonal matrices {@code T} that carry the direction of one vector {@code a} to the direction of another
 * vector {@code b} (chapter ORTHO): the article's plane construction ({@link #basis}, {@link #general}), its three
 * closed forms ({@link #rotation}, {@link #householder}, {@link #symmetric}), the deterministic fallback at the
 * singular inputs {@code b = +-a} ({@link #fallbackOrthogonal}), and matrix-free {@code O(d)} application
 * ({@link #apply} and the {@code apply*} family).
 *
 * <p>Input policy (ORTHO-F1): every entry point accepts finite, nonzero vectors of equal length {@code d >= 2} and
 * normalizes them, so the result maps the direction of {@code a} to the direction of {@code b}. The strict
 * {@code ...Unit} variants additionally reject inputs whose norm differs from 1 by more than
 * {@value #UNIT_LIMIT}.
 *
 * <p>Evaluation (ORTHO-F13, F15): the closed forms are built from exact reflectors {@code H(n) = I - 2 n n^T}
 * whose unit normals {@code u ~ a - b} and {@code w ~ a + b} are computed from the componentwise sum and difference
 * of the normalized inputs, with the shorter of the two projected off the longer one. No denominator {@code 1 -+ a.b}
 * is ever formed by subtraction. For every input, singular or not, the orthogonality error
 * {@code max |(T^T T - I)_ij|} and the mapping error {@code ||T a_hat - b_hat||} stay within a small multiple of the
 * unit roundoff (TOL {@code = 16 max(d, 4) u}); near the singular inputs the matrix itself is ill-conditioned as a
 * function of the inputs (perturbing them by {@code eta} moves {@code T} by about {@code eta / rho}), which no
 * evaluation can avoid.
 *
 * <p>Matrices are {@code double[d][d]}, row-major ({@code t[i][j] = T_ij}); inputs are never modified and every
 * result is a fresh array.
 */
public final class UnitVectorTransforms {

    /** The tolerance on {@code | ||x|| - 1 |} of the strict {@code ...Unit} variants. */
    public static final double UNIT_LIMIT = 1e-10;

    private static final String UNIT_PROMISE =
            "orthogonality max|(T^T T - I)_ij| and mapping ||T a_hat - b_hat|| <= 16 max(d,4) u for every input";

    /** The {@code 2 x 2} plane map of the general construction (ORTHO-F5). */
    public enum Kind {
        /** {@code R_rot}, determinant +1: gives the rotation form. */
        ROTATION,
        /** {@code R_ref}, determinant -1: gives the Householder form. */
        REFLECTION
    }

    /** Which closed form a matrix-free application or a spectral summary refers to (ORTHO-F16, F17). */
    public enum Form {
        /** {@code T_rot}, ORTHO-F9. */
        ROTATION,
        /** {@code T_rot^T}, the inverse rotation (it maps {@code b} to {@code a}). */
        ROTATION_TRANSPOSE,
        /** {@code T_H}, ORTHO-F10. */
        HOUSEHOLDER,
        /** {@code T_sym}, ORTHO-F12. */
        SYMMETRIC
    }

    /**
     * The angle quantities of ORTHO-F2, all computed from {@code s = a_hat + b_hat} and {@code v = a_hat - b_hat}.
     *
     * @param cos          {@code c = cos theta = (||s||^2 - ||v||^2) / 4}
     * @param sin          {@code sin theta = ||v|| ||s|| / 2}
     * @param theta        {@code 2 atan2(||v||, ||s||)} in {@code [0, pi]}
     * @param oneMinusCos  {@code 1 - c = ||v||^2 / 2} (no cancellation)
     * @param onePlusCos   {@code 1 + c = ||s||^2 / 2} (no cancellation)
     * @param normDiff     {@code ||a_hat - b_hat||}
     * @param normSum      {@code ||a_hat + b_hat||}
     */
    public record Angle(double cos, double sin, double theta, double oneMinusCos, double onePlusCos, double normDiff,
                        double normSum) {
    }

    /**
     * The unit reflector normals of ORTHO-F15 and the normalized inputs they come from.
     *
     * @param aHat                 normalized {@code a}
     * @param bHat                 normalized {@code b}
     * @param u                    unit normal of the Householder mirror ({@code ~ a - b}); {@code e(a_hat)} when
     *                             {@code householderSingular}
     * @param w                    unit bisector ({@code ~ a + b}); {@code e(a_hat)} when {@code bisectorSingular}
     * @param householderSingular  {@code true} iff {@code a_hat - b_hat} is exactly zero ({@code b = a})
     * @param bisectorSingular     {@code true} iff {@code a_hat + b_hat} is exactly zero ({@code b = -a})
     */
    public record ReflectorNormals(double[] aHat, double[] bHat, double[] u, double[] w, boolean householderSingular,
                                   boolean bisectorSingular) {

        /** Defensive copies: a record of arrays is still a value. */
        public ReflectorNormals {
            aHat = aHat.clone();
            bHat = bHat.clone();
            u = u.clone();
            w = w.clone();
        }

        @Override
        public double[] aHat() {
            return aHat.clone();
        }

        @Override
        public double[] bHat() {
            return bHat.clone();
        }

        @Override
        public double[] u() {
            return u.clone();
        }

        @Override
        public double[] w() {
            return w.clone();
        }
    }

    /**
     * Spectral and metric data of one form (ORTHO-F17), from the closed expressions of the chapter (not from a
     * decomposition of the matrix).
     *
     * @param determinant          {@code det T}: +1, -1 or {@code (-1)^(d-1)}
     * @param trace                {@code tr T}
     * @param eigenvaluesReal      real parts of the eigenvalues, with multiplicity, in a fixed order
     * @param eigenvaluesImaginary imaginary parts, matching {@code eigenvaluesReal}
     * @param symmetric            whether {@code T = T^T}
     * @param involution           whether {@code T^2 = I}
     * @param distanceFrobenius    {@code ||T - I||_F}
     * @param distanceSpectral     {@code ||T - I||_2}
     */
    public record SpectralData(double determinant, double trace, double[] eigenvaluesReal, double[] eigenvaluesImaginary,
                               boolean symmetric, boolean involution, double distanceFrobenius,
                               double distanceSpectral) {

        /** Defensive copies. */
        public SpectralData {
            eigenvaluesReal = eigenvaluesReal.clone();
            eigenvaluesImaginary = eigenvaluesImaginary.clone();
        }

        @Override
        public double[] eigenvaluesReal() {
            return eigenvaluesReal.clone();
        }

        @Override
        public double[] eigenvaluesImaginary() {
            return eigenvaluesImaginary.clone();
        }
    }

    private UnitVectorTransforms() {
    }

    // ------------------------------------------------------------------------------------------ F1, F2: inputs

    /**
     * The unit vector in the direction of {@code x} (ORTHO-F1).
     *
     * <p>$$\hat x=\frac{x}{\|x\|_2},\qquad \|x\|_2=m\sqrt{\textstyle\sum_i(x_i/m)^2},\ m=\max_i|x_i|.$$
     *
     * <p>Domain: finite, nonzero {@code x} of any length {@code >= 1}; entries near {@code Double.MAX_VALUE} and
     * subnormal entries are fine (the scaling by {@code m} is what makes them fine). Accuracy: each entry within a
     * few ulps of the exact quotient, {@code | ||x_hat|| - 1 |} within a few {@code u}. Source: ORTHO-F1.
     *
     * @param x the vector, finite and nonzero
     * @return {@code x / ||x||}
     * @throws IllegalArgumentException if {@code x} is null, has a NaN or infinite entry, or is zero
     */
    @Formula(value = "ORTHO-F1", title = "Input normalization (scaled two-norm)",
            args = @Formula.Arg(name = "x", shape = "vector[d]", domain = "finite, nonzero"),
            output = "vector[d]: x / ||x||_2", accuracy = "each entry within a few ulps; | ||x_hat|| - 1 | <= 2 u")
    public static double[] normalize(double[] x) {
        Checks.finite(x, "x");
        return unit(x, "x");
    }

    /**
     * The angle quantities between the directions of {@code a} and {@code b} in stable form (ORTHO-F2).
     *
     * <p>$$1-c=\tfrac12\|\hat a-\hat b\|^2,\quad 1+c=\tfrac12\|\hat a+\hat b\|^2,\quad c=\tfrac14(\|s\|^2-\|v\|^2),\quad
     * \sin\theta=\tfrac12\|v\|\,\|s\|,\quad \theta=2\,\mathrm{atan2}(\|v\|,\|s\|).$$
     *
     * <p>Domain: F1. {@code 1 - c} and {@code 1 + c} are never formed by subtraction (that loses every digit near
     * {@code b = +-a}). Accuracy: each quantity within a few ulps relative to itself. Source: ORTHO-F2.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return the angle quantities
     * @throws IllegalArgumentException on bad input (see the class comment)
     */
    @Formula(value = "ORTHO-F2", title = "Angle quantities in stable form",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "record: cos, sin, theta, 1-cos, 1+cos, ||a_hat-b_hat||, ||a_hat+b_hat||",
            accuracy = "each quantity within a few ulps of itself (no subtraction of nearly equal numbers)")
    public static Angle angle(double[] a, double[] b) {
        return prepare(a, b).angle();
    }

    // -------------------------------------------------------------------------------- F3 - F8: the construction

    /**
     * The orthonormal basis {@code Q = [a_hat, e2]} of the plane spanned by {@code a} and {@code b} (ORTHO-F3).
     *
     * <p>$$Q=\Bigl[\hat a,\ e_2\Bigr],\qquad e_2=\frac{\hat b-c\,\hat a}{\|\hat b-c\,\hat a\|}.$$
     *
     * <p>Evaluation: {@code r = b_hat - c a_hat} is formed as {@code -v + |v|^2/2 a_hat} ({@code c >= 0}) or
     * {@code s - |s|^2/2 a_hat} ({@code c < 0}), which does not cancel near {@code b = +-a}; it is then projected off
     * {@code a_hat} twice (one pass leaves {@code a_hat . e2} up to {@code 3e-13} when {@code r} is tiny). Special
     * case: if {@code r = 0} exactly ({@code b = +-a}), {@code e2 = e(a_hat)} (ORTHO-F14). Accuracy:
     * {@code ||Q^T Q - I||} within a few {@code u}. Source: ORTHO-F3.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code d x 2} matrix with columns {@code a_hat} and {@code e2}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F3", title = "Plane basis Q = [a_hat, e2]",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "matrix[d][2]: orthonormal columns a_hat, e2 (e2 = e(a_hat) at b = +-a)",
            accuracy = "||Q^T Q - I||_max <= 16 max(d,4) u")
    public static double[][] basis(double[] a, double[] b) {
        Prepared p = prepare(a, b);
        double[] e2 = p.e2();
        int d = p.d();
        double[][] q = new double[d][2];
        for (int i = 0; i < d; i++) {
            q[i][0] = p.a[i];
            q[i][1] = e2[i];
        }
        return q;
    }

    /**
     * The coordinates of {@code b_hat} in the plane basis {@code Q} (ORTHO-F4): {@code a_hat = Q (1,0)^T} and
     * {@code b_hat = Q (cos theta, sin theta)^T}.
     *
     * <p>$$\hat a=Q\,(1,0)^\top,\qquad \hat b=Q\,(\cos\theta,\sin\theta)^\top.$$
     *
     * <p>Domain: F1. The values come from F2 (no trigonometric calls). Accuracy: within a few ulps of the exact
     * cosine and sine. Source: ORTHO-F4.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code (cos theta, sin theta)}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F4", title = "Coordinates of b_hat in the plane basis",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "vector[2]: (cos theta, sin theta), with b_hat = Q (cos, sin)^T", accuracy = "a few ulps")
    public static double[] planeCoordinates(double[] a, double[] b) {
        Angle t = prepare(a, b).angle();
        return new double[] {t.cos(), t.sin()};
    }

    /**
     * The {@code 2 x 2} rotation or reflection that sends {@code (1,0)} to {@code (cos theta, sin theta)}
     * (ORTHO-F5).
     *
     * <p>$$R_{\mathrm{rot}}=\begin{pmatrix}\cos\theta&-\sin\theta\\ \sin\theta&\cos\theta\end{pmatrix},\qquad
     * R_{\mathrm{ref}}=\begin{pmatrix}\cos\theta&\sin\theta\\ \sin\theta&-\cos\theta\end{pmatrix}.$$
     *
     * <p>Domain: F1; {@code kind} not null. Cosine and sine from F2. Accuracy: a few ulps per entry. Source:
     * ORTHO-F5.
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param kind {@link Kind#ROTATION} or {@link Kind#REFLECTION}
     * @return the {@code 2 x 2} matrix
     * @throws IllegalArgumentException on bad input or a null kind
     */
    @Formula(value = "ORTHO-F5", title = "The 2x2 rotation or reflection in the plane",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero"),
                    @Formula.Arg(name = "kind", shape = "enum(ROTATION|REFLECTION)")},
            output = "matrix[2][2]: R_rot (det +1) or R_ref (det -1)", accuracy = "a few ulps per entry")
    public static double[][] planeMatrix(double[] a, double[] b, Kind kind) {
        Prepared p = prepare(a, b);
        requireKind(kind);
        Angle t = p.angle();
        return kind == Kind.ROTATION
                ? new double[][] {{t.cos(), -t.sin()}, {t.sin(), t.cos()}}
                : new double[][] {{t.cos(), t.sin()}, {t.sin(), -t.cos()}};
    }

    /**
     * The block construction with an explicit orthonormal completion {@code E} (ORTHO-F7), used to show that
     * {@code E} cancels.
     *
     * <p>$$\tilde Q=[Q,E],\qquad T=\tilde Q\begin{pmatrix}R&0\\0&I_{d-2}\end{pmatrix}\tilde Q^\top.$$
     *
     * <p>Domain: F1; {@code e} is {@code d x (d-2)} with {@code [Q, E]} orthogonal to within {@code 1e-8}
     * entrywise (for {@code d = 2}, {@code e} has 2 rows of length 0). Evaluated as {@code Q R Q^T + E E^T} with
     * compensated dot products. Accuracy: orthogonal to within the orthogonality of {@code [Q, E]}. Source:
     * ORTHO-F7.
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param kind the plane map
     * @param e    the completion, {@code d x (d-2)}
     * @return {@code d x d} orthogonal matrix with {@code T a_hat = b_hat}
     * @throws IllegalArgumentException on bad input, a wrong shape of {@code e}, or {@code [Q, E]} not orthogonal
     */
    @Formula(value = "ORTHO-F7", title = "Block construction with an explicit completion E",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero"),
                    @Formula.Arg(name = "kind", shape = "enum(ROTATION|REFLECTION)"),
                    @Formula.Arg(name = "e", shape = "matrix[d][d-2]", domain = "[Q, E] orthogonal")},
            output = "matrix[d][d]: [Q,E] diag(R, I) [Q,E]^T", accuracy = "equals general within 16 d u (1 + 1/rho)")
    public static double[][] completed(double[] a, double[] b, Kind kind, double[][] e) {
        Prepared p = prepare(a, b);
        requireKind(kind);
        int d = p.d();
        Checks.notNull(e, "e");
        if (e.length != d) {
            throw Checks.fail("e", "has " + e.length + " rows, expected " + d);
        }
        double[][] full = new double[d][d];
        double[] e2 = p.e2();
        for (int i = 0; i < d; i++) {
            if (e[i] == null) {
                throw new IllegalArgumentException("e[" + i + "] must not be null");
            }
            if (e[i].length != d - 2) {
                throw Checks.fail("e", "row " + i + " has length " + e[i].length + ", expected " + (d - 2));
            }
            Checks.finite(e[i], "e[" + i + "]");
            full[i][0] = p.a[i];
            full[i][1] = e2[i];
            System.arraycopy(e[i], 0, full[i], 2, d - 2);
        }
        // [Q, E] must be orthogonal: check its columns pairwise.
        double[][] cols = transpose(full);
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                double g = AccurateSums.dot(cols[k], cols[l]) - (k == l ? 1 : 0);
                if (!(Math.abs(g) <= 1e-8)) {
                    throw Checks.fail("e", "[Q, E] is not orthogonal (columns " + k + ", " + l + ": " + g + ")");
                }
            }
        }
        double[][] r = planeMatrix2(p.angle(), kind);
        double[][] t = new double[d][d];
        double[] row = new double[d];
        double[] col = new double[d];
        for (int i = 0; i < d; i++) {
            // (Q~ B)_i: the first two entries are (Q R)_i, the rest are E_i.
            row[0] = full[i][0] * r[0][0] + full[i][1] * r[1][0];
            row[1] = full[i][0] * r[0][1] + full[i][1] * r[1][1];
            System.arraycopy(full[i], 2, row, 2, d - 2);
            for (int j = 0; j < d; j++) {
                System.arraycopy(full[j], 0, col, 0, d);
                t[i][j] = AccurateSums.dot(row, col);
            }
        }
        return t;
    }

    /**
     * The completion-free construction {@code T = Q R Q^T + I - Q Q^T} (ORTHO-F8), the article's general solution.
     *
     * <p>$$T=QRQ^\top+I-QQ^\top,\qquad T_{ij}=\delta_{ij}+\sum_{p,q}Q_{ip}(R-I)_{pq}Q_{jq}.$$
     *
     * <p>Domain: F1. Evaluation: {@code Q} from F3 (with its re-orthogonalization), {@code R - I} formed first from
     * F2 ({@code c - 1 = -|v|^2/2}, {@code -c - 1 = -|s|^2/2}, no cancellation). Special cases (ORTHO-F15): at
     * {@code b = a} the rotation gives {@code I} exactly and the reflection {@code H(e)}; at {@code b = -a} the
     * rotation gives {@code I - 2 a a^T - 2 e e^T} and the reflection {@code H(a_hat)}, with {@code e = e(a_hat)}.
     * Accuracy: {@value #UNIT_PROMISE}. Source: ORTHO-F8 (ORTHO-F6 for {@code d = 2}).
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param kind {@link Kind#ROTATION} (gives F9) or {@link Kind#REFLECTION} (gives F10)
     * @return {@code d x d} orthogonal matrix with {@code T a_hat = b_hat}
     * @throws IllegalArgumentException on bad input; {@code "kind must be ROTATION or REFLECTION"} for a null kind
     */
    @Formula(value = "ORTHO-F8", title = "General construction T = Q R Q^T + I - Q Q^T",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero"),
                    @Formula.Arg(name = "kind", shape = "enum(ROTATION|REFLECTION)")},
            output = "matrix[d][d]: orthogonal T with T a_hat = b_hat", accuracy = UNIT_PROMISE)
    public static double[][] general(double[] a, double[] b, Kind kind) {
        Prepared p = prepare(a, b);
        requireKind(kind);
        return generalMatrix(p, kind);
    }

    /** Strict variant of {@link #general}: also requires {@code | ||a|| - 1 |, | ||b|| - 1 | <= 1e-10}. */
    public static double[][] generalUnit(double[] a, double[] b, Kind kind) {
        Prepared p = prepareUnit(a, b);
        requireKind(kind);
        return generalMatrix(p, kind);
    }

    private static double[][] generalMatrix(Prepared p, Kind kind) {
        int d = p.d();
        double[] e2 = p.e2();
        Angle t = p.angle();
        // R - I without cancellation: c - 1 = -|v|^2/2 and -c - 1 = -|s|^2/2.
        double m00 = -t.oneMinusCos();
        double m01 = kind == Kind.ROTATION ? -t.sin() : t.sin();
        double m10 = t.sin();
        double m11 = kind == Kind.ROTATION ? -t.oneMinusCos() : -t.onePlusCos();
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            double alpha = p.a[i] * m00 + e2[i] * m10;
            double beta = p.a[i] * m01 + e2[i] * m11;
            for (int j = 0; j < d; j++) {
                out[i][j] = (i == j ? 1.0 : 0.0) + (alpha * p.a[j] + beta * e2[j]);
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------- F9, F10, F12: the closed forms

    /**
     * The rotation form (ORTHO-F9): rotates the plane of {@code a} and {@code b} by {@code theta} and fixes its
     * orthogonal complement.
     *
     * <p>$$T_{\mathrm{rot}}=I+2\,\hat b\hat a^\top-\frac{(\hat a+\hat b)(\hat a+\hat b)^\top}{1+\cos\theta}
     * = H(w)\,H(\hat a).$$
     *
     * <p>Domain: F1. Evaluation: the reflector product of ORTHO-F13 with the robust bisector {@code w} of F15, as
     * {@code T_ij = (delta_ij - 2 a_i a_j) - 2 w_i (w_j - 2 a_j (w . a))}. Special cases: {@code a_hat = b_hat}
     * bitwise gives {@code I} exactly; {@code b = -a} gives the half-turn {@code H(e) H(a_hat)} with
     * {@code e = e(a_hat)}. Accuracy: {@value #UNIT_PROMISE}. Source: ORTHO-F9, F13, F15.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code d x d} rotation ({@code det = +1}) with {@code T a_hat = b_hat}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F9", title = "Rotation form I + 2 b a^T - (a+b)(a+b)^T / (1 + cos theta)",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "matrix[d][d]: rotation, det +1, T a_hat = b_hat", accuracy = UNIT_PROMISE)
    public static double[][] rotation(double[] a, double[] b) {
        return rotationMatrix(prepare(a, b));
    }

    /** Strict variant of {@link #rotation}: also requires {@code | ||a|| - 1 |, | ||b|| - 1 | <= 1e-10}. */
    public static double[][] rotationUnit(double[] a, double[] b) {
        return rotationMatrix(prepareUnit(a, b));
    }

    private static double[][] rotationMatrix(Prepared p) {
        int d = p.d();
        if (p.identical()) {
            return identity(d);
        }
        double[] w = p.w();
        double[] ah = p.a;
        double k = AccurateSums.dot(w, ah);
        // Column j of H(a_hat) is eps_j - 2 a_j a_hat; H(w) applied to it needs only w . column = w_j - 2 a_j k.
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            g[j] = w[j] - 2 * ah[j] * k;
        }
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            double ai2 = 2 * ah[i];
            double wi2 = 2 * w[i];
            for (int j = 0; j < d; j++) {
                t[i][j] = ((i == j ? 1.0 : 0.0) - ai2 * ah[j]) - wi2 * g[j];
            }
        }
        return t;
    }

    /**
     * The Householder form (ORTHO-F10): the reflection across the perpendicular bisector hyperplane of {@code a_hat}
     * and {@code b_hat}, whose unit normal is {@code u ~ a_hat - b_hat}.
     *
     * <p>$$T_{\mathrm H}=I-\frac{(\hat a-\hat b)(\hat a-\hat b)^\top}{1-\cos\theta}=I-2uu^\top.$$
     *
     * <p>Domain: F1. Evaluation: {@code I - 2 u u^T} with the robust normal of F15; each product {@code u_i u_j} is
     * computed once, so the result is bitwise symmetric. Special case {@code b = a}: {@code H(e(a_hat))}, a
     * reflection that fixes {@code a_hat}. Accuracy: {@value #UNIT_PROMISE}. Source: ORTHO-F10, F13, F15.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code d x d} symmetric reflection ({@code det = -1}) with {@code T a_hat = b_hat}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F10", title = "Householder form I - (a-b)(a-b)^T / (1 - cos theta)",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "matrix[d][d]: reflection I - 2 u u^T, det -1, symmetric", accuracy = UNIT_PROMISE)
    public static double[][] householder(double[] a, double[] b) {
        return reflectorMatrix(prepare(a, b).u(), false);
    }

    /** Strict variant of {@link #householder}: also requires {@code | ||a|| - 1 |, | ||b|| - 1 | <= 1e-10}. */
    public static double[][] householderUnit(double[] a, double[] b) {
        return reflectorMatrix(prepareUnit(a, b).u(), false);
    }

    /**
     * The symmetric form (ORTHO-F12), the negation trick of F11 applied to the Householder form: it fixes the
     * bisector line of {@code a_hat} and {@code b_hat} and negates everything orthogonal to it.
     *
     * <p>$$T_{\mathrm{sym}}=-T_{\mathrm H}(a,-b)=\frac{(\hat a+\hat b)(\hat a+\hat b)^\top}{1+\hat a^\top\hat b}-I
     * =2ww^\top-I.$$
     *
     * <p>Domain: F1. Evaluation: {@code 2 w w^T - I} with the robust bisector of F15, bitwise symmetric and bitwise
     * equal to {@code -householder(a, -b)}. Special case {@code b = -a}: {@code 2 e e^T - I}. Accuracy:
     * {@value #UNIT_PROMISE}. Source: ORTHO-F11, F12, F13, F15.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code d x d} symmetric involution ({@code det = (-1)^(d-1)}) with {@code T a_hat = b_hat} and
     *         {@code T b_hat = a_hat}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F12", title = "Symmetric form (a+b)(a+b)^T / (1 + a.b) - I",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "matrix[d][d]: 2 w w^T - I, det (-1)^(d-1), symmetric involution", accuracy = UNIT_PROMISE)
    public static double[][] symmetric(double[] a, double[] b) {
        return reflectorMatrix(prepare(a, b).w(), true);
    }

    /** Strict variant of {@link #symmetric}: also requires {@code | ||a|| - 1 |, | ||b|| - 1 | <= 1e-10}. */
    public static double[][] symmetricUnit(double[] a, double[] b) {
        return reflectorMatrix(prepareUnit(a, b).w(), true);
    }

    // ------------------------------------------------------------------------------ F13 - F15: the ingredients

    /**
     * The elementary reflector {@code H(n) = I - 2 n n^T} for the direction of {@code n} (ORTHO-F13).
     *
     * <p>$$H(n)=I-2nn^\top,\qquad T_{\mathrm H}=H(u),\ T_{\mathrm{sym}}=-H(w),\ T_{\mathrm{rot}}=H(w)H(\hat a).$$
     *
     * <p>Domain: finite nonzero {@code n}, {@code d >= 1}; {@code n} is normalized first (F1). Bitwise symmetric.
     * Accuracy: orthogonal to within a few {@code u}. Source: ORTHO-F13.
     *
     * @param n the mirror normal, finite and nonzero
     * @return {@code d x d} reflector
     * @throws IllegalArgumentException if {@code n} is null, non-finite or zero
     */
    @Formula(value = "ORTHO-F13", title = "Elementary reflector H(n) = I - 2 n n^T",
            args = @Formula.Arg(name = "n", shape = "vector[d]", domain = "finite, nonzero"),
            output = "matrix[d][d]: symmetric orthogonal involution, det -1",
            accuracy = "max|(H^T H - I)_ij| <= 16 max(d,4) u")
    public static double[][] reflector(double[] n) {
        Checks.finite(n, "n");
        return reflectorMatrix(unit(n, "n"), false);
    }

    /**
     * The deterministic unit vector orthogonal to {@code a_hat} used at the singular inputs (ORTHO-F14).
     *
     * <p>$$j^*=\min\{\arg\min_j|\hat a_j|\},\qquad e(\hat a)=\frac{\epsilon_{j^*}-\hat a_{j^*}\hat a}
     * {\|\epsilon_{j^*}-\hat a_{j^*}\hat a\|}.$$
     *
     * <p>Domain: finite nonzero {@code a}, {@code d >= 2}. Ties in {@code |a_j|} go to the lowest index. Since
     * {@code a_j*^2 <= 1/d}, the norm is at least {@code 1/sqrt 2}: no cancellation; it is computed from the
     * vector, not assumed. {@code e(-a) = e(a)} bitwise, which keeps the sign symmetries at the singular points.
     * Accuracy: {@code |e . a_hat|} and {@code | ||e|| - 1 |} within a few {@code u}. Source: ORTHO-F14.
     *
     * @param a the vector, {@code d >= 2}
     * @return unit vector orthogonal to {@code a}
     * @throws IllegalArgumentException if {@code a} is null, non-finite, zero or of dimension below 2
     */
    @Formula(value = "ORTHO-F14", title = "Deterministic fallback unit vector orthogonal to a",
            args = @Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
            output = "vector[d]: unit e(a_hat) orthogonal to a_hat", accuracy = "|e . a_hat| <= 4 u")
    public static double[] fallbackOrthogonal(double[] a) {
        Checks.finite(a, "a");
        requireDimension(a, "a");
        return fallback(unit(a, "a"));
    }

    /**
     * The robust reflector normals {@code u ~ a - b} and {@code w ~ a + b} (ORTHO-F15).
     *
     * <p>$$w=\mathrm{unit}(w_0),\ w_0=\begin{cases}s&\|s\|\ge\|v\|\\ s-\frac{s^\top v}{\|v\|^2}v&\|s\|<\|v\|\end{cases};
     * \quad u=\mathrm{unit}(u_0),\ u_0=\begin{cases}v&\|v\|\ge\|s\|\\ v-\frac{v^\top s}{\|s\|^2}s&\|v\|<\|s\|\end{cases}.$$
     *
     * <p>Domain: F1. Normalized doubles are off unit length by {@code delta = |a_hat|^2 - |b_hat|^2 = O(u)}, so
     * {@code s . v = delta}: projecting the shorter vector off the longer (twice) bounds the mapping error by
     * {@code |delta| / max(|s|, |v|) <= |delta| / sqrt 2} for every input. Special cases: {@code u_0 = 0} exactly
     * ({@code b = a}) or {@code w_0 = 0} exactly ({@code b = -a}) give {@code e(a_hat)} and set the matching flag.
     * Accuracy: {@code u}, {@code w} unit within a few {@code u}. Source: ORTHO-F15.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return the normalized inputs, the two normals and the singularity flags
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F15", title = "Robust reflector normals and singular cases",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "record: aHat, bHat, u, w, householderSingular, bisectorSingular",
            accuracy = "mapping error of the forms built on them <= |delta| / sqrt 2")
    public static ReflectorNormals directions(double[] a, double[] b) {
        Prepared p = prepare(a, b);
        return new ReflectorNormals(p.a, p.b, p.u(), p.w(), p.uSingular(), p.wSingular());
    }

    // ------------------------------------------------------------------------------ F16: matrix-free application

    /**
     * Applies one of the forms to a vector without forming the matrix, in {@code O(d)} (ORTHO-F16).
     *
     * <p>$$T_{\mathrm H}x=x-2(u^\top x)\,u,\quad T_{\mathrm{sym}}x=2(w^\top x)\,w-x,\quad
     * T_{\mathrm{rot}}x=y-2(w^\top y)\,w,\ y=x-2(\hat a^\top x)\,\hat a,\quad
     * T_{\mathrm{rot}}^\top x=z-2(\hat a^\top z)\,\hat a,\ z=x-2(w^\top x)\,w.$$
     *
     * <p>Domain: F1 for {@code a, b}; {@code x} finite of length {@code d}. Dot products are compensated (fma Dot2).
     * Same singular handling as the matrices. Accuracy: equals {@code T x} from the matrix within
     * {@code 16 max(d,4) u ||x||}. Source: ORTHO-F16.
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param x    the vector to map, length {@code d}
     * @param form which map
     * @return {@code T x}
     * @throws IllegalArgumentException on bad input ({@code "x: length 3, expected 5"}) or a null form
     */
    @Formula(value = "ORTHO-F16", title = "Matrix-free application T x in O(d)",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero"),
                    @Formula.Arg(name = "x", shape = "vector[d]"),
                    @Formula.Arg(name = "form", shape = "enum(ROTATION|ROTATION_TRANSPOSE|HOUSEHOLDER|SYMMETRIC)")},
            output = "vector[d]: T x", accuracy = "within 16 max(d,4) u ||x|| of the matrix product")
    public static double[] apply(double[] a, double[] b, double[] x, Form form) {
        Prepared p = prepare(a, b);
        requireForm(form);
        Checks.notNull(x, "x");
        Checks.length(x, p.d(), "x");
        return applier(p, form).apply(x);
    }

    /** {@code T_rot x} in {@code O(d)}; see {@link #apply}. */
    public static double[] applyRotation(double[] a, double[] b, double[] x) {
        return apply(a, b, x, Form.ROTATION);
    }

    /** {@code T_rot^T x} in {@code O(d)} (the rotation back from {@code b} to {@code a}); see {@link #apply}. */
    public static double[] applyRotationTranspose(double[] a, double[] b, double[] x) {
        return apply(a, b, x, Form.ROTATION_TRANSPOSE);
    }

    /** {@code T_H x} in {@code O(d)}; see {@link #apply}. */
    public static double[] applyHouseholder(double[] a, double[] b, double[] x) {
        return apply(a, b, x, Form.HOUSEHOLDER);
    }

    /** {@code T_sym x} in {@code O(d)}; see {@link #apply}. */
    public static double[] applySymmetric(double[] a, double[] b, double[] x) {
        return apply(a, b, x, Form.SYMMETRIC);
    }

    /**
     * Applies one of the forms to every column of a {@code d x m} block in {@code O(dm)}, column by column with
     * the same kernel as {@link #apply} (so each column is bitwise equal to {@code apply} on it).
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param x    the block, {@code d x m}, {@code m >= 1}
     * @param form which map
     * @return {@code T X}, {@code d x m}
     * @throws IllegalArgumentException on bad input ({@code "x: shape 3x4, expected 5x*"}) or a null form
     */
    public static double[][] applyBlock(double[] a, double[] b, double[][] x, Form form) {
        Prepared p = prepare(a, b);
        requireForm(form);
        Checks.shape(x, p.d(), -1, "x");
        int d = p.d();
        int m = x[0].length;
        Applier f = applier(p, form);
        double[][] out = new double[d][m];
        double[] col = new double[d];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < d; i++) {
                col[i] = x[i][j];
            }
            double[] y = f.apply(col);
            for (int i = 0; i < d; i++) {
                out[i][j] = y[i];
            }
        }
        return out;
    }

    /** {@code T_rot X} for a {@code d x m} block; see {@link #applyBlock}. */
    public static double[][] applyRotation(double[] a, double[] b, double[][] x) {
        return applyBlock(a, b, x, Form.ROTATION);
    }

    /** {@code T_rot^T X} for a {@code d x m} block; see {@link #applyBlock}. */
    public static double[][] applyRotationTranspose(double[] a, double[] b, double[][] x) {
        return applyBlock(a, b, x, Form.ROTATION_TRANSPOSE);
    }

    /** {@code T_H X} for a {@code d x m} block; see {@link #applyBlock}. */
    public static double[][] applyHouseholder(double[] a, double[] b, double[][] x) {
        return applyBlock(a, b, x, Form.HOUSEHOLDER);
    }

    /** {@code T_sym X} for a {@code d x m} block; see {@link #applyBlock}. */
    public static double[][] applySymmetric(double[] a, double[] b, double[][] x) {
        return applyBlock(a, b, x, Form.SYMMETRIC);
    }

    @FunctionalInterface
    private interface Applier {
        double[] apply(double[] x);
    }

    private static Applier applier(Prepared p, Form form) {
        switch (form) {
            case HOUSEHOLDER: {
                double[] u = p.u();
                return x -> reflect(u, x, false);
            }
            case SYMMETRIC: {
                double[] w = p.w();
                return x -> reflect(w, x, true);
            }
            case ROTATION: {
                if (p.identical()) {
                    return double[]::clone;
                }
                double[] w = p.w();
                double[] ah = p.a;
                return x -> reflect(w, reflect(ah, x, false), false);
            }
            case ROTATION_TRANSPOSE: {
                if (p.identical()) {
                    return double[]::clone;
                }
                double[] w = p.w();
                double[] ah = p.a;
                return x -> reflect(ah, reflect(w, x, false), false);
            }
            default:
                throw new IllegalArgumentException("form must be ROTATION, ROTATION_TRANSPOSE, HOUSEHOLDER or SYMMETRIC");
        }
    }

    /** {@code H(n) x = x - 2 (n.x) n}, or {@code -H(n) x} when {@code negated}; dot product compensated. */
    private static double[] reflect(double[] n, double[] x, boolean negated) {
        double k = 2 * AccurateSums.dot(n, x);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = negated ? k * n[i] - x[i] : x[i] - k * n[i];
        }
        return y;
    }

    // --------------------------------------------------------------------------------- F17, F18: summary, remark

    /**
     * The spectral and metric data of one form (ORTHO-F17), from the chapter's closed expressions.
     *
     * <p>$$\det T_{\mathrm{rot}}=1,\ \det T_{\mathrm H}=-1,\ \det T_{\mathrm{sym}}=(-1)^{d-1};\quad
     * \mathrm{tr}:\ d-2+2c,\ d-2,\ 2-d;\quad \|T_{\mathrm{rot}}-I\|_F=\sqrt2\|\hat a-\hat b\|,\
     * \|T_{\mathrm H}-I\|_F=2,\ \|T_{\mathrm{sym}}-I\|_F=2\sqrt{d-1}.$$
     *
     * <p>Domain: F1. Eigenvalues: rotation {@code e^{+-i theta}} then {@code d-2} ones; Householder {@code -1} then
     * ones; symmetric {@code 1} then {@code d-1} minus ones. The rotation is symmetric and an involution only when
     * {@code sin theta = 0} ({@code theta in {0, pi}}). {@link Form#ROTATION_TRANSPOSE} has the rotation's data with
     * {@code theta -> -theta}. Accuracy: a few ulps. Source: ORTHO-F17.
     *
     * @param a    first vector, {@code d >= 2}
     * @param b    second vector, same length
     * @param form which form
     * @return the data
     * @throws IllegalArgumentException on bad input or a null form
     */
    @Formula(value = "ORTHO-F17", title = "Spectral and metric data of each form",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero"),
                    @Formula.Arg(name = "form", shape = "enum(ROTATION|ROTATION_TRANSPOSE|HOUSEHOLDER|SYMMETRIC)")},
            output = "record: determinant, trace, eigenvalues (re, im), symmetric, involution, ||T-I||_F, ||T-I||_2",
            accuracy = "a few ulps")
    public static SpectralData spectralData(double[] a, double[] b, Form form) {
        Prepared p = prepare(a, b);
        requireForm(form);
        int d = p.d();
        Angle t = p.angle();
        double[] re = new double[d];
        double[] im = new double[d];
        switch (form) {
            case ROTATION:
            case ROTATION_TRANSPOSE: {
                double sign = form == Form.ROTATION ? 1 : -1;
                re[0] = t.cos();
                im[0] = sign * t.sin();
                re[1] = t.cos();
                im[1] = -sign * t.sin();
                for (int i = 2; i < d; i++) {
                    re[i] = 1;
                }
                boolean flat = t.sin() == 0;
                return new SpectralData(1, (d - 2) + 2 * t.cos(), re, im, flat, flat,
                        Math.sqrt(2) * t.normDiff(), t.normDiff());
            }
            case HOUSEHOLDER: {
                re[0] = -1;
                for (int i = 1; i < d; i++) {
                    re[i] = 1;
                }
                return new SpectralData(-1, d - 2, re, im, true, true, 2, 2);
            }
            case SYMMETRIC: {
                re[0] = 1;
                for (int i = 1; i < d; i++) {
                    re[i] = -1;
                }
                double det = (d - 1) % 2 == 0 ? 1 : -1;
                return new SpectralData(det, 2 - d, re, im, true, true, 2 * Math.sqrt(d - 1), 2);
            }
            default:
                throw new IllegalArgumentException("form must be ROTATION, ROTATION_TRANSPOSE, HOUSEHOLDER or SYMMETRIC");
        }
    }

    /**
     * A fourth solution, the negation trick applied to the rotation form (ORTHO-F18 (b)); not in the article.
     *
     * <p>$$T_4=-T_{\mathrm{rot}}(a,-b)=-I+2\hat b\hat a^\top+\frac{(\hat a-\hat b)(\hat a-\hat b)^\top}{1-c}.$$
     *
     * <p>Domain: F1. Orthogonal, {@code T_4 a_hat = b_hat}, {@code det T_4 = (-1)^d}; singular at {@code b = a},
     * where the rotation's fallback applies (a half-turn about {@code span{a, e(a)}}, negated). Accuracy:
     * {@value #UNIT_PROMISE}. Source: ORTHO-F18 (b), erratum O-E9.
     *
     * @param a first vector, {@code d >= 2}
     * @param b second vector, same length
     * @return {@code d x d} orthogonal matrix with {@code T a_hat = b_hat}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "ORTHO-F18", title = "Fourth solution T4 = -T_rot(a, -b) (remark)",
            args = {@Formula.Arg(name = "a", shape = "vector[d]", domain = "finite, nonzero, d >= 2"),
                    @Formula.Arg(name = "b", shape = "vector[d]", domain = "finite, nonzero")},
            output = "matrix[d][d]: orthogonal, det (-1)^d, T a_hat = b_hat", accuracy = UNIT_PROMISE)
    public static double[][] fourthSolution(double[] a, double[] b) {
        Prepared p = prepare(a, b);
        double[][] t = rotationMatrix(new Prepared(p.a, negate(p.b)));
        for (double[] row : t) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -row[j];
            }
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** Validated, normalized inputs with their sum and difference; everything else is derived once, lazily. */
    private static final class Prepared {
        final double[] a;
        final double[] b;
        final double[] s;
        final double[] v;
        final double ns;
        final double nv;
        private double[] u;
        private double[] w;
        private boolean uSingular;
        private boolean wSingular;

        Prepared(double[] aHat, double[] bHat) {
            int d = aHat.length;
            a = aHat;
            b = bHat;
            s = new double[d];
            v = new double[d];
            // Componentwise sum and difference: one rounding each (often exact), unlike 1 -+ a.b.
            for (int i = 0; i < d; i++) {
                s[i] = aHat[i] + bHat[i];
                v[i] = aHat[i] - bHat[i];
            }
            ns = AccurateSums.norm2(s);
            nv = AccurateSums.norm2(v);
        }

        int d() {
            return a.length;
        }

        boolean identical() {
            return nv == 0;
        }

        Angle angle() {
            double ns2 = ns * ns;
            double nv2 = nv * nv;
            double c = 0.25 * (ns2 - nv2);
            double sin = 0.5 * nv * ns;
            double theta = 2 * StrictMath.atan2(nv, ns);
            return new Angle(c, sin, theta, 0.5 * nv2, 0.5 * ns2, nv, ns);
        }

        double[] u() {
            if (u == null) {
                double[] u0 = projectShorterOffLonger(v, nv, s, ns);
                uSingular = isZero(u0);
                u = uSingular ? fallback(a) : unitUnchecked(u0);
            }
            return u;
        }

        double[] w() {
            if (w == null) {
                double[] w0 = projectShorterOffLonger(s, ns, v, nv);
                wSingular = isZero(w0);
                w = wSingular ? fallback(a) : unitUnchecked(w0);
            }
            return w;
        }

        boolean uSingular() {
            u();
            return uSingular;
        }

        boolean wSingular() {
            w();
            return wSingular;
        }

        /** The second basis vector of F3 (stable residual, re-orthogonalized twice, fallback at r = 0). */
        double[] e2() {
            int d = d();
            double[] r = new double[d];
            Angle t = angle();
            // b - c a without cancellation: -v + (1-c) a when c >= 0, s - (1+c) a when c < 0.
            if (t.cos() >= 0) {
                for (int i = 0; i < d; i++) {
                    r[i] = -v[i] + t.oneMinusCos() * a[i];
                }
            } else {
                for (int i = 0; i < d; i++) {
                    r[i] = s[i] - t.onePlusCos() * a[i];
                }
            }
            if (isZero(r)) {
                return fallback(a);
            }
            double aa = AccurateSums.dot(a, a);
            // Twice is enough: one pass leaves a.e2 up to 3e-13 when r is at rounding level.
            for (int pass = 0; pass < 2; pass++) {
                double k = AccurateSums.dot(a, r) / aa;
                for (int i = 0; i < d; i++) {
                    r[i] -= k * a[i];
                }
            }
            if (isZero(r)) {
                return fallback(a);
            }
            return unitUnchecked(r);
        }
    }

    /**
     * Projects {@code p} off {@code q} (twice) when {@code p} is the shorter one, else returns a copy of {@code p}:
     * the shorter vector carries the larger relative non-orthogonality, and removing it from that side bounds the
     * mapping error by {@code |delta| / max(|p|, |q|)}.
     */
    private static double[] projectShorterOffLonger(double[] p, double np, double[] q, double nq) {
        double[] r = p.clone();
        if (np >= nq) {
            return r;
        }
        double qq = nq * nq;
        for (int pass = 0; pass < 2; pass++) {
            double k = AccurateSums.dot(r, q) / qq;
            for (int i = 0; i < r.length; i++) {
                r[i] -= k * q[i];
            }
        }
        return r;
    }

    private static double[] fallback(double[] aHat) {
        int d = aHat.length;
        int jStar = 0;
        for (int j = 1; j < d; j++) {
            // Strict comparison: ties go to the lowest index.
            if (Math.abs(aHat[j]) < Math.abs(aHat[jStar])) {
                jStar = j;
            }
        }
        double[] e = new double[d];
        double aj = aHat[jStar];
        for (int i = 0; i < d; i++) {
            e[i] = (i == jStar ? 1.0 : 0.0) - aj * aHat[i];
        }
        return unitUnchecked(e);
    }

    /** {@code sign * (I - 2 n n^T)}, each product {@code 2 n_i n_j} computed once, so the result is bitwise symmetric. */
    private static double[][] reflectorMatrix(double[] n, boolean negated) {
        int d = n.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            double ni2 = 2 * n[i];
            for (int j = i; j < d; j++) {
                double p = ni2 * n[j];
                double h = i == j ? 1.0 - p : -p;
                t[i][j] = negated ? -h : h;
                t[j][i] = t[i][j];
            }
        }
        return t;
    }

    private static double[][] planeMatrix2(Angle t, Kind kind) {
        return kind == Kind.ROTATION
                ? new double[][] {{t.cos(), -t.sin()}, {t.sin(), t.cos()}}
                : new double[][] {{t.cos(), t.sin()}, {t.sin(), -t.cos()}};
    }

    private static Prepared prepare(double[] a, double[] b) {
        validate(a, b);
        return new Prepared(unit(a, "a"), unit(b, "b"));
    }

    private static Prepared prepareUnit(double[] a, double[] b) {
        validate(a, b);
        requireUnit(a, "a");
        requireUnit(b, "b");
        return new Prepared(unit(a, "a"), unit(b, "b"));
    }

    private static void validate(double[] a, double[] b) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        Checks.sameLength(a, "a", b, "b");
        requireDimension(a, "a");
    }

    private static void requireDimension(double[] a, String name) {
        if (a.length < 2) {
            throw Checks.fail(name, "dimension must be >= 2, got " + a.length);
        }
    }

    private static void requireUnit(double[] x, String name) {
        double diff = Math.abs(AccurateSums.norm2(x) - 1);
        if (!(diff <= UNIT_LIMIT)) {
            throw Checks.fail(name, String.format(Locale.ROOT, "norm differs from 1 by %.1e (limit 1e-10)", diff));
        }
    }

    private static void requireKind(Kind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be ROTATION or REFLECTION");
        }
    }

    private static void requireForm(Form form) {
        if (form == null) {
            throw new IllegalArgumentException("form must be ROTATION, ROTATION_TRANSPOSE, HOUSEHOLDER or SYMMETRIC");
        }
    }

    /** F1 on a validated finite vector: scale by the largest magnitude, then divide by the compensated norm. */
    private static double[] unit(double[] x, String name) {
        double m = AccurateSums.maxAbs(x);
        if (!(m > 0)) {
            throw Checks.fail(name, "zero vector has no direction");
        }
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] / m;
        }
        double n = Math.sqrt(AccurateSums.dot(scaled, scaled));
        for (int i = 0; i < x.length; i++) {
            scaled[i] /= n;
        }
        return scaled;
    }

    private static double[] unitUnchecked(double[] x) {
        return unit(x, "x");
    }

    private static boolean isZero(double[] x) {
        for (double xi : x) {
            if (xi != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] negate(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            n[i] = -x[i];
        }
        return n;
    }

    private static double[][] identity(int d) {
        double[][] id = new double[d][d];
        for (int i = 0; i < d; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
