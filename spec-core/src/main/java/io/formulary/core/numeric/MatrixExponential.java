package io.formulary.core.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The exponential of a general dense real matrix, {@code exp(A) = sum_k A^k / k!}, by scaling and squaring with a
 * diagonal [13/13] Padé approximant, after Higham, "The scaling and squaring method for the matrix exponential
 * revisited" (SIAM J. Matrix Anal. Appl. 26(4), 2005; SIAM Review 51(4), 2009).
 *
 * <p>Algorithm (ROPE-F22):
 * <ol>
 *   <li>{@code s = max(0, ceil(log2(||A||_1 / theta13)))} with {@code theta13 = 5.371920351148152}; the scaling
 *       {@code A / 2^s} is by a power of two, hence exact (barring underflow of tiny entries).</li>
 *   <li>With {@code A2 = A^2, A4 = A2^2, A6 = A4 A2}:
 *       {@code U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]},
 *       {@code V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I}.</li>
 *   <li>Solve {@code (V - U) X = V + U} by LU with partial pivoting (no explicit inverse), then square {@code X}
 *       {@code s} times.</li>
 * </ol>
 * The coefficients {@code b_j} are the Padé coefficients {@code (26-j)! 13! / (26! j! (13-j)!)} multiplied by
 * {@code 64764752532480000}, which makes them integers; the common factor cancels in the quotient.
 *
 * <p>Accuracy: for normal matrices (in particular the skew-symmetric generators of rotations) the error is of
 * order {@code (1 + ||A||_1) u} entrywise relative to {@code ||exp(A)||}, growing linearly with the norm because of
 * the squarings. formulary's cross-check tolerance is {@code 256 (1 + ||A||_1) u} (ROPE-F22). For non-normal
 * matrices the forward error is relative to the condition number of the exponential.
 *
 * <p>Bad input: non-square, empty or non-finite matrices and {@code ||A||_1 > 10^12} (too many squarings for a
 * meaningful result) are rejected with {@link IllegalArgumentException}. The result is finite for every accepted
 * input whose exponential does not overflow; an overflowing result is rejected rather than returned as infinity.
 */
public final class MatrixExponential {

    /** Padé degree 13 threshold of Higham (2005): the largest {@code ||A||_1} needing no scaling. */
    public static final double THETA_13 = 5.371920351148152;

    /** Largest accepted 1-norm; beyond it the squarings would lose every digit. */
    public static final double MAX_NORM = 1e12;

    /** Padé [13/13] coefficients times 64764752532480000 (exact integers; b0 and b1 exceed 2^53 and are rounded). */
    private static final double[] B = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0, 129060195264000.0,
        10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    };

    private MatrixExponential() {
    }

    /** The Padé [13/13] coefficients, scaled to integers, {@code b_0 .. b_13} (a fresh copy). */
    public static double[] padeCoefficients() {
        return B.clone();
    }

    /**
     * The matrix exponential of {@code a}.
     *
     * @param a square {@code n x n} matrix, finite, {@code ||a||_1 <= 1e12}
     * @return {@code exp(a)}, a fresh {@code n x n} array
     * @throws IllegalArgumentException if {@code a} is null, empty, not square, has non-finite entries, has
     *                                  1-norm above {@code 1e12}, or its exponential overflows
     */
    public static double[][] expm(double[][] a) {
        return expm(a, "a");
    }

    /**
     * The matrix exponential, with the parameter name used in error messages.
     *
     * @param a    square finite matrix
     * @param name the caller's parameter name
     * @return {@code exp(a)}
     */
    public static double[][] expm(double[][] a, String name) {
        int n = Checks.square(a, -1, name);
        double norm = norm1(a);
        if (!(norm <= MAX_NORM)) {
            throw Checks.fail(name, "norm too large for scaling and squaring (||A||_1 = " + norm + " > " + MAX_NORM + ")");
        }
        int s = squarings(norm);
        DMatrixRMaj x = new DMatrixRMaj(a);
        // Power-of-two scaling is exact, so the only rounding before the Padé step is in the products below.
        CommonOps_DDRM.scale(StrictMath.scalb(1.0, -s), x);
        DMatrixRMaj result = pade13(x, n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int k = 0; k < s; k++) {
            CommonOps_DDRM.mult(result, result, tmp);
            DMatrixRMaj swap = result;
            result = tmp;
            tmp = swap;
        }
        double[][] out = DenseLinearAlgebra.fromEjml(result);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(out[i][j])) {
                    throw Checks.fail(name, "exponential overflows double precision (entry [" + i + "][" + j + "])");
                }
            }
        }
        return out;
    }

    /**
     * The number of squarings used for a matrix of 1-norm {@code norm}:
     * {@code s = max(0, ceil(log2(norm / theta13)))}, computed exactly by comparing with powers of two.
     *
     * @param norm the 1-norm, finite and {@code >= 0}
     * @return {@code s >= 0}
     */
    public static int squarings(double norm) {
        Checks.nonNegative(norm, "norm");
        int s = 0;
        // norm / 2^s <= theta13, tested with an exact scaling by 2^-s.
        while (StrictMath.scalb(norm, -s) > THETA_13) {
            s++;
        }
        return s;
    }

    /** The matrix 1-norm (largest absolute column sum). */
    public static double norm1(double[][] a) {
        Checks.finite(a, "a");
        double best = 0;
        for (int j = 0; j < a[0].length; j++) {
            double[] col = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                col[i] = Math.abs(a[i][j]);
            }
            best = Math.max(best, AccurateSums.sum(col));
        }
        return best;
    }

    private static DMatrixRMaj pade13(DMatrixRMaj a, int n) {
        DMatrixRMaj a2 = new DMatrixRMaj(n, n);
        DMatrixRMaj a4 = new DMatrixRMaj(n, n);
        DMatrixRMaj a6 = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, a, a2);
        CommonOps_DDRM.mult(a2, a2, a4);
        CommonOps_DDRM.mult(a4, a2, a6);

        // Inner polynomials in A6, A4, A2 (Higham's evaluation scheme: 6 products in all).
        DMatrixRMaj innerU = combine(n, B[13], a6, B[11], a4, B[9], a2, 0);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a6, innerU, tmp);
        DMatrixRMaj sumU = combine(n, B[7], a6, B[5], a4, B[3], a2, B[1]);
        CommonOps_DDRM.addEquals(sumU, tmp);
        DMatrixRMaj u = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a, sumU, u);

        DMatrixRMaj innerV = combine(n, B[12], a6, B[10], a4, B[8], a2, 0);
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(a6, innerV, v);
        CommonOps_DDRM.addEquals(v, combine(n, B[6], a6, B[4], a4, B[2], a2, B[0]));

        DMatrixRMaj p = new DMatrixRMaj(n, n);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(v, u, p);
        CommonOps_DDRM.subtract(v, u, q);
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        // Solve (V - U) X = V + U by LU rather than forming an inverse.
        if (!CommonOps_DDRM.solve(q, p, x)) {
            throw Checks.fail("a", "Pade denominator is singular (cannot happen for ||A||_1 <= theta13)");
        }
        return x;
    }

    /** {@code c6 M6 + c4 M4 + c2 M2 + c0 I}. */
    private static DMatrixRMaj combine(int n, double c6, DMatrixRMaj m6, double c4, DMatrixRMaj m4,
                                       double c2, DMatrixRMaj m2, double c0) {
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            out.data[i] = c6 * m6.data[i] + c4 * m4.data[i] + c2 * m2.data[i];
        }
        for (int i = 0; i < n; i++) {
            out.add(i, i, c0);
        }
        return out;
    }
}
