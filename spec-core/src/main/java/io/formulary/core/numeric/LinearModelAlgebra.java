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
        return weightedGram(a, null);
    }

    /**
     * The weighted Gram matrix {@code A^T diag(w) A} ({@code w = null} for unit weights), exactly symmetric;
     * {@code w} may have any sign. Accumulated row by row into the upper triangle (a rank-one update per row, which
     * reads {@code A} in storage order and is several times faster than a transposed product for tall matrices).
     */
    public static double[][] weightedGram(double[][] a, double[] w) {
        int rows = a.length;
        int cols = a[0].length;
        if (w != null && w.length != rows) {
            throw Checks.fail("w", "length " + w.length + ", expected " + rows);
        }
        double[][] h = new double[cols][cols];
        for (int i = 0; i < rows; i++) {
            double[] r = a[i];
            if (r.length != cols) {
                throw Checks.fail("a", "row " + i + " has length " + r.length + ", expected " + cols);
            }
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            for (int p = 0; p < cols; p++) {
                double s = wi * r[p];
                if (s == 0) {
                    continue;
                }
                double[] hp = h[p];
                for (int q = p; q < cols; q++) {
                    hp[q] += s * r[q];
                }
            }
        }
        for (int p = 0; p < cols; p++) {
            for (int q = p + 1; q < cols; q++) {
                h[q][p] = h[p][q];
            }
        }
        return h;
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
}
