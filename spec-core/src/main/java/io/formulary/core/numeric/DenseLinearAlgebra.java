package io.formulary.core.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

/**
 * Dense linear algebra on {@code double[][]} (row-major, {@code a[i][j] = A_ij}), implemented with EJML.
 *
 * <p>This class is the EJML adapter of formulary: EJML types never leave the {@code numeric} package, every
 * input is copied before EJML sees it (EJML decompositions may overwrite their input) and every output is a fresh
 * array or an immutable record. Decompositions are created per call; nothing is cached or shared.
 */
public final class DenseLinearAlgebra {

    private DenseLinearAlgebra() {
    }

    /**
     * A Cholesky factorization {@code A = L L^T}.
     *
     * @param lower       the lower-triangular factor {@code L} with positive diagonal
     * @param logDet      {@code log det A = 2 sum_i log L_ii}, accurate without overflow or underflow
     */
    public record Cholesky(double[][] lower, double logDet) {

        /** Solves {@code A x = b} by forward and back substitution with {@code L}. */
        public double[] solve(double[] b) {
            return backSubstituteTransposed(lower, forwardSubstitute(lower, b));
        }

        /** Solves {@code A X = B} column by column. */
        public double[][] solve(double[][] b) {
            int n = lower.length;
            int m = b[0].length;
            double[][] x = new double[n][m];
            double[] col = new double[n];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    col[i] = b[i][j];
                }
                double[] s = solve(col);
                for (int i = 0; i < n; i++) {
                    x[i][j] = s[i];
                }
            }
            return x;
        }

        /** Solves {@code L y = b} (whitening with the Cholesky factor). */
        public double[] solveLower(double[] b) {
            return forwardSubstitute(lower, b);
        }
    }

    /** A symmetric eigendecomposition {@code A = V diag(values) V^T}, eigenvalues ascending, {@code vectors[:, k]}. */
    public record SymmetricEigen(double[] values, double[][] vectors) {
    }

    /** A thin QR factorization {@code A = Q R}: {@code Q} is {@code m x n} with orthonormal columns. */
    public record QR(double[][] q, double[][] r) {
    }

    /** A singular value decomposition {@code A = U diag(s) V^T}, singular values descending. */
    public record SVD(double[][] u, double[] singularValues, double[][] v) {
    }

    /**
     * Cholesky factorization of a symmetric positive definite matrix.
     *
     * @param a    symmetric positive definite {@code n x n} matrix (only the lower triangle is read)
     * @param name parameter name used in error messages
     * @throws IllegalArgumentException {@code "<name>: not positive definite (Cholesky failed at pivot k)"} when
     *                                  a pivot is not strictly positive, or on NaN/infinite entries
     */
    public static Cholesky cholesky(double[][] a, String name) {
        int n = Checks.square(a, -1, name);
        // EJML's decomposition reports failure only as a boolean; locate the pivot ourselves for the message,
        // with the same (left-looking) recurrence, before handing the matrix to EJML.
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj m = toEjml(a);
        if (!chol.decompose(m)) {
            throw Checks.fail(name, "not positive definite (Cholesky failed at pivot " + failingPivot(a) + ")");
        }
        double[][] l = fromEjml(chol.getT(null));
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            if (!(l[i][i] > 0) || Double.isInfinite(l[i][i])) {
                throw Checks.fail(name, "not positive definite (Cholesky failed at pivot " + i + ")");
            }
            for (int j = i + 1; j < n; j++) {
                l[i][j] = 0;
            }
            logDet += StrictMath.log(l[i][i]);
        }
        return new Cholesky(l, 2 * logDet);
    }

    private static int failingPivot(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                return j;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return n - 1;
    }

    /** Solves {@code L y = b} for lower-triangular {@code L}. */
    public static double[] forwardSubstitute(double[][] lower, double[] b) {
        int n = lower.length;
        Checks.length(b, n, "b");
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i][k] * y[k];
            }
            y[i] = s / lower[i][i];
        }
        return y;
    }

    /** Solves {@code L^T x = y} for lower-triangular {@code L}. */
    public static double[] backSubstituteTransposed(double[][] lower, double[] y) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * x[k];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }

    /** Symmetric eigendecomposition (EJML symmetric QR algorithm); eigenvalues ascending. */
    public static SymmetricEigen symmetricEigen(double[][] a, String name) {
        int n = Checks.symmetric(a, 1e-12, name);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(toEjml(a))) {
            throw Checks.fail(name, "symmetric eigendecomposition did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).getReal();
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v.get(i, 0);
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Determinant by LU decomposition. */
    public static double determinant(double[][] a, String name) {
        Checks.square(a, -1, name);
        return CommonOps_DDRM.det(toEjml(a));
    }

    /** Thin QR factorization by Householder reflections ({@code m >= n}). */
    public static QR qr(double[][] a, String name) {
        Checks.finite(a, name);
        int m = a.length;
        int n = a[0].length;
        if (m < n) {
            throw Checks.fail(name, "shape " + m + "x" + n + " has fewer rows than columns");
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        if (!qr.decompose(toEjml(a))) {
            throw Checks.fail(name, "QR decomposition failed");
        }
        return new QR(fromEjml(qr.getQ(null, true)), fromEjml(qr.getR(null, true)));
    }

    /** Singular value decomposition, singular values descending. */
    public static SVD svd(double[][] a, String name) {
        Checks.finite(a, name);
        int m = a.length;
        int n = a[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(toEjml(a))) {
            throw Checks.fail(name, "SVD did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        int k = Math.min(m, n);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(w.get(y, y), w.get(x, x)));
        double[] s = new double[k];
        double[][] uu = new double[m][k];
        double[][] vv = new double[n][k];
        for (int c = 0; c < k; c++) {
            int src = order[c];
            s[c] = w.get(src, src);
            for (int i = 0; i < m; i++) {
                uu[i][c] = u.get(i, src);
            }
            for (int i = 0; i < n; i++) {
                vv[i][c] = v.get(i, src);
            }
        }
        return new SVD(uu, s, vv);
    }

    /** Solves a general square system {@code A x = b} by LU with partial pivoting. */
    public static double[] solve(double[][] a, double[] b, String name) {
        int n = Checks.square(a, -1, name);
        Checks.length(b, n, "b");
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, b);
        if (!CommonOps_DDRM.solve(toEjml(a), rhs, x)) {
            throw Checks.fail(name, "singular matrix");
        }
        return x.getData().clone();
    }

    /** Matrix product {@code A B}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        DMatrixRMaj c = new DMatrixRMaj(a.length, b[0].length);
        CommonOps_DDRM.mult(toEjml(a), toEjml(b), c);
        return fromEjml(c);
    }

    /** Matrix-vector product {@code A x}, each row an fma-compensated dot product. */
    public static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = AccurateSums.dot(a[i], x);
        }
        return y;
    }

    /** Transpose. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** The {@code n x n} identity. */
    public static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    static DMatrixRMaj toEjml(double[][] a) {
        return new DMatrixRMaj(a);
    }

    static double[][] fromEjml(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }
}
