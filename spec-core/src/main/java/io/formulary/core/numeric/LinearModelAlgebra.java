package io.formulary.core.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Dense products and decompositions that the linear-model chapter (LOGIT) needs beyond
 * {@link DenseLinearAlgebra}: Gram matrices {@code A^T B} without forming a transpose, weighted Gram matrices for
 * Newton's Hessian, and the right singular vectors of a tall matrix without its left ones. EJML types stay in this
 * package; inputs are copied, outputs are fresh arrays.
 */
public final class LinearModelAlgebra {

    private LinearModelAlgebra() {
    }

    /** The right singular vectors and singular values of a tall matrix, singular values descending. */
    public record RightSingular(double[] singularValues, double[][] v) {
    }

    /** {@code A^T B} for {@code A} of shape {@code N x p} and {@code B} of shape {@code N x q} (EJML blocked product). */
    public static double[][] transposeTimes(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw Checks.fail("b", "has " + b.length + " rows, expected " + a.length);
        }
        DMatrixRMaj c = new DMatrixRMaj(a[0].length, b[0].length);
        CommonOps_DDRM.multTransA(new DMatrixRMaj(a), new DMatrixRMaj(b), c);
        return DenseLinearAlgebra.fromEjml(c);
    }

    /** The Gram matrix {@code A^T A}, exactly symmetric (the upper triangle is mirrored). */
    public static double[][] gram(double[][] a) {
        DMatrixRMaj m = new DMatrixRMaj(a);
        DMatrixRMaj c = new DMatrixRMaj(m.numCols, m.numCols);
        CommonOps_DDRM.multTransA(m, m, c);
        return symmetricFrom(c);
    }

    /** The weighted Gram matrix {@code A^T diag(w) A}, exactly symmetric; {@code w} may have any sign. */
    public static double[][] weightedGram(double[][] a, double[] w) {
        int rows = a.length;
        int cols = a[0].length;
        if (w.length != rows) {
            throw Checks.fail("w", "length " + w.length + ", expected " + rows);
        }
        DMatrixRMaj m = new DMatrixRMaj(a);
        DMatrixRMaj scaled = new DMatrixRMaj(rows, cols);
        double[] src = m.data;
        double[] dst = scaled.data;
        for (int i = 0; i < rows; i++) {
            double wi = w[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                dst[base + j] = wi * src[base + j];
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(m, scaled, c);
        return symmetricFrom(c);
    }

    /**
     * Thin SVD of a tall matrix {@code A} ({@code N >= p}), returning only {@code V} and the singular values
     * (descending). Used for whitening without squaring the condition number.
     */
    public static RightSingular rightSingular(double[][] a, String name) {
        Checks.finite(a, name);
        int m = a.length;
        int n = a[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, true, true);
        if (!svd.decompose(new DMatrixRMaj(a))) {
            throw Checks.fail(name, "SVD did not converge");
        }
        double[] raw = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        int k = Math.min(m, n);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] s = new double[k];
        double[][] vv = new double[n][k];
        for (int c = 0; c < k; c++) {
            s[c] = raw[order[c]];
            for (int i = 0; i < n; i++) {
                vv[i][c] = v.get(i, order[c]);
            }
        }
        return new RightSingular(s, vv);
    }

    private static double[][] symmetricFrom(DMatrixRMaj c) {
        int n = c.numRows;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = c.get(i, j);
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }
}
