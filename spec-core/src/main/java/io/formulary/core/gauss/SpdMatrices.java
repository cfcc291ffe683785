package io.formulary.core.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.SymmetricMatrixFunctions;

/**
 * The linear algebra the chapter needs: Frobenius inner product and trace identities (GAUSS-F8), the principal
 * square root of an SPD matrix (GAUSS-F9) and the two layouts of the trace-derivative rules (GAUSS-F10).
 */
public final class SpdMatrices {

    private SpdMatrices() {
    }

    /** The Frobenius inner product and the four trace forms that equal it (GAUSS-F8). */
    public record TraceIdentities(double frobenius, double trAtB, double trBAt, double trABt, double trBtA) {
    }

    /** {@code d Tr(AXB)/dX} in numerator layout ({@code BA}) and gradient layout ({@code A^T B^T}) (GAUSS-F10). */
    public record TraceDerivative(double[][] numerator, double[][] gradient) {
    }

    /**
     * Frobenius inner product and its trace forms.
     *
     * <p>$$\langle A,B\rangle_F=\sum_{ij}a_{ij}b_{ij}=\mathrm{Tr}(A^\top B)=\mathrm{Tr}(BA^\top)=\mathrm{Tr}(AB^\top)
     * =\mathrm{Tr}(B^\top A)$$
     *
     * <p>The sum is fma-compensated; each trace is the trace of the explicitly formed product (so the identities
     * are checked, not assumed). Accuracy: {@code (mn+2) eps sum|a_ij b_ij|}. Source: GAUSS-F8.
     *
     * @param A m x n, finite
     * @param B m x n, finite
     * @return the five values
     * @throws IllegalArgumentException when a matrix is malformed or the shapes differ
     */
    @Formula(value = "GAUSS-F8", title = "Frobenius inner product and trace identities",
            args = {@Formula.Arg(name = "A", shape = "matrix[m][n]"), @Formula.Arg(name = "B", shape = "matrix[m][n]")},
            output = "{frobenius, trAtB, trBAt, trABt, trBtA}", accuracy = "(mn+2) eps sum|a_ij b_ij|")
    public static TraceIdentities traceIdentities(double[][] A, double[][] B) {
        Checks.finite(A, "A");
        Checks.shape(B, A.length, A[0].length, "B");
        int m = A.length;
        int n = A[0].length;
        double[] fa = new double[m * n];
        double[] fb = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(A[i], 0, fa, i * n, n);
            System.arraycopy(B[i], 0, fb, i * n, n);
        }
        double f = AccurateSums.dot(fa, fb);
        return new TraceIdentities(f,
                SymmetricMatrixFunctions.trace(SymmetricMatrixFunctions.transposeMultiply(A, B)),
                SymmetricMatrixFunctions.trace(SymmetricMatrixFunctions.multiplyTransposed(B, A)),
                SymmetricMatrixFunctions.trace(SymmetricMatrixFunctions.multiplyTransposed(A, B)),
                SymmetricMatrixFunctions.trace(SymmetricMatrixFunctions.transposeMultiply(B, A)));
    }

    /**
     * Principal (SPD) square root {@code Sigma^{1/2} = U Lambda^{1/2} U^T}.
     *
     * <p>$$\Sigma^{1/2}=U\,\mathrm{diag}(\sqrt{\lambda_i})\,U^\top,\qquad(\Sigma^{1/2})^2=\Sigma$$
     *
     * <p>Symmetric eigen-decomposition, {@code sqrt(max(lambda, 0))}, re-symmetrised. Accuracy: entrywise
     * {@code tol(kappa) ||Sigma||_2^{1/2}}. Source: GAUSS-F9.
     *
     * @param sigma n x n SPD
     * @return the symmetric positive definite square root
     * @throws IllegalArgumentException when {@code sigma} is not SPD (see the chapter's bad-input rules)
     */
    @Formula(value = "GAUSS-F9", title = "Principal square root of an SPD matrix",
            args = {@Formula.Arg(name = "sigma", shape = "matrix[n][n]", domain = "SPD")},
            output = "matrix[n][n] SPD", accuracy = "entrywise tol(kappa) ||Sigma||_2^(1/2)")
    public static double[][] sqrt(double[][] sigma) {
        Covariance c = Covariance.of(sigma, "sigma");
        return SymmetricMatrixFunctions.sqrt(c.sigma, "sigma");
    }

    /**
     * The derivative of {@code Tr(AXB)} with respect to {@code X} in both layouts.
     *
     * <p>$$\frac{\partial\,\mathrm{Tr}(AXB)}{\partial X}=BA\ \text{(numerator layout)},\qquad
     * \nabla_X\mathrm{Tr}(AXB)=A^\top B^\top\ \text{(gradient layout)}$$
     *
     * <p>The two are transposes of each other (Errata 7). Accuracy: {@code (n+2) eps} of the absolute products.
     * Source: GAUSS-F10.
     *
     * @param A p x m
     * @param B n x p
     * @param X m x n (only its shape matters)
     * @return {@code {numerator: BA (n x m), gradient: A^T B^T (m x n)}}
     * @throws IllegalArgumentException on malformed matrices or incompatible shapes
     */
    @Formula(value = "GAUSS-F10", title = "Trace-derivative rules in numerator and gradient layout",
            args = {@Formula.Arg(name = "A", shape = "matrix[p][m]"), @Formula.Arg(name = "B", shape = "matrix[n][p]"),
                    @Formula.Arg(name = "X", shape = "matrix[m][n]")},
            output = "{numerator: matrix[n][m], gradient: matrix[m][n]}", accuracy = "(n+2) eps of |A||B|")
    public static TraceDerivative traceDerivative(double[][] A, double[][] B, double[][] X) {
        Checks.finite(A, "A");
        Checks.finite(X, "X");
        int p = A.length;
        int m = A[0].length;
        int n = X[0].length;
        Checks.shape(X, m, n, "X");
        Checks.shape(B, n, p, "B");
        double[][] ba = DenseLinearAlgebra.multiply(B, A);
        return new TraceDerivative(ba, DenseLinearAlgebra.transpose(ba));
    }
}
