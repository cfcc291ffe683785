package io.formulary.core.numeric;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Functions of symmetric matrices and the small dense kernels they need: eigenvalues only, singular values only,
 * {@code f(A) = U f(Lambda) U^T} (principal square root in particular), re-symmetrisation, congruences and
 * triangular solves with many right-hand sides.
 *
 * <p>All inputs are copied; all outputs are fresh arrays. Symmetric inputs are validated with
 * {@link Checks#symmetric} (relative asymmetry at most {@code 1e-12}) and then used through their symmetric part
 * {@code (A + A^T)/2}, so a bitwise-symmetric input is used unchanged.
 */
public final class SymmetricMatrixFunctions {

    private SymmetricMatrixFunctions() {
    }

    /** The symmetric part {@code (A + A^T)/2} of a square matrix (bitwise unchanged when already symmetric). */
    public static double[][] symmetrize(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            s[i][i] = a[i][i];
            for (int j = 0; j < i; j++) {
                double v = 0.5 * a[i][j] + 0.5 * a[j][i];
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** Eigenvalues of a symmetric matrix, ascending (no eigenvectors are formed). */
    public static double[] eigenvalues(double[][] a, String name) {
        int n = Checks.symmetric(a, 1e-12, name);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(new DMatrixRMaj(symmetrize(a)))) {
            throw Checks.fail(name, "symmetric eigendecomposition did not converge");
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(k).getReal();
        }
        Arrays.sort(values);
        return values;
    }

    /** Singular values of a rectangular matrix, descending (no singular vectors are formed). */
    public static double[] singularValues(double[][] a, String name) {
        Checks.finite(a, name);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.length, a[0].length, false, false, true);
        if (!svd.decompose(new DMatrixRMaj(a))) {
            throw Checks.fail(name, "SVD did not converge");
        }
        double[] s = svd.getSingularValues().clone();
        int k = Math.min(a.length, a[0].length);
        double[] out = Arrays.copyOf(s, k);
        Arrays.sort(out);
        for (int i = 0; i < k / 2; i++) {
            double t = out[i];
            out[i] = out[k - 1 - i];
            out[k - 1 - i] = t;
        }
        return out;
    }

    /**
     * {@code f(A) = U diag(f(lambda)) U^T} for symmetric {@code A = U diag(lambda) U^T}, re-symmetrised.
     *
     * @param a    symmetric matrix
     * @param f    the scalar function, applied to each eigenvalue
     * @param name parameter name for error messages
     */
    public static double[][] apply(double[][] a, DoubleUnaryOperator f, String name) {
        DenseLinearAlgebra.SymmetricEigen e = DenseLinearAlgebra.symmetricEigen(symmetrize(checked(a, name)), name);
        int n = e.values().length;
        double[] fv = new double[n];
        for (int k = 0; k < n; k++) {
            fv[k] = f.applyAsDouble(e.values()[k]);
        }
        return spectral(e.vectors(), fv);
    }

    /**
     * Principal square root of a symmetric positive semi-definite matrix: {@code U diag(sqrt(max(lambda, 0))) U^T},
     * re-symmetrised (tiny negative eigenvalues from rounding are clamped to 0).
     */
    public static double[][] sqrt(double[][] a, String name) {
        return apply(a, v -> Math.sqrt(Math.max(v, 0.0)), name);
    }

    /** {@code V diag(d) V^T} (symmetric by construction, re-symmetrised against rounding). */
    public static double[][] spectral(double[][] v, double[] d) {
        int n = v.length;
        int m = d.length;
        double[][] vd = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                vd[i][k] = v[i][k] * d[k];
            }
        }
        return symmetrize(multiplyTransposed(vd, v));
    }

    /** {@code A B}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(a, b);
    }

    /** {@code A B^T}. */
    public static double[][] multiplyTransposed(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(a, DenseLinearAlgebra.transpose(b));
    }

    /** {@code A^T B}. */
    public static double[][] transposeMultiply(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(a), b);
    }

    /** The congruence {@code V^T A V}, re-symmetrised. */
    public static double[][] congruenceTransposed(double[][] v, double[][] a) {
        return symmetrize(transposeMultiply(v, multiply(a, v)));
    }

    /** {@code L^{-1} B} for lower-triangular {@code L} with non-zero diagonal (forward substitution per column). */
    public static double[][] solveLower(double[][] lower, double[][] b) {
        int n = lower.length;
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            System.arraycopy(b[i], 0, xi, 0, m);
            double[] li = lower[i];
            for (int k = 0; k < i; k++) {
                double lik = li[k];
                if (lik != 0) {
                    double[] xk = x[k];
                    for (int j = 0; j < m; j++) {
                        xi[j] -= lik * xk[j];
                    }
                }
            }
            double d = li[i];
            for (int j = 0; j < m; j++) {
                xi[j] /= d;
            }
        }
        return x;
    }

    /** {@code L^{-T} B} for lower-triangular {@code L} with non-zero diagonal (back substitution per column). */
    public static double[][] solveLowerTransposed(double[][] lower, double[][] b) {
        int n = lower.length;
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int i = n - 1; i >= 0; i--) {
            double[] xi = x[i];
            System.arraycopy(b[i], 0, xi, 0, m);
            for (int k = i + 1; k < n; k++) {
                double lki = lower[k][i];
                if (lki != 0) {
                    double[] xk = x[k];
                    for (int j = 0; j < m; j++) {
                        xi[j] -= lki * xk[j];
                    }
                }
            }
            double d = lower[i][i];
            for (int j = 0; j < m; j++) {
                xi[j] /= d;
            }
        }
        return x;
    }

    /** The whitened congruence {@code L^{-1} S L^{-T}} of a symmetric {@code S}, re-symmetrised. */
    public static double[][] whiten(double[][] lower, double[][] s) {
        double[][] x = solveLower(lower, s);
        // S symmetric: L^{-1} S L^{-T} = L^{-1} (L^{-1} S)^T.
        return symmetrize(solveLower(lower, DenseLinearAlgebra.transpose(x)));
    }

    /** Trace of a square matrix (compensated sum of the diagonal). */
    public static double trace(double[][] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i][i];
        }
        return AccurateSums.sum(d);
    }

    private static double[][] checked(double[][] a, String name) {
        Checks.symmetric(a, 1e-12, name);
        return a;
    }
}
