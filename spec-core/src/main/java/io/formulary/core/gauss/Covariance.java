package io.formulary.core.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.core.numeric.Tolerance;

/**
 * A validated covariance matrix with its Cholesky factor: the one place where the chapter's bad-input rules for
 * covariances are applied (structure, finiteness, symmetry, positive definiteness).
 */
final class Covariance {

    /** Relative asymmetry accepted (and then removed by symmetrising), as the chapter's bad-input table says. */
    static final double SYMMETRY_TOLERANCE = 1e-12;

    final int n;
    /** The symmetric part of the input (a copy). */
    final double[][] sigma;
    /** Lower Cholesky factor, positive diagonal. */
    final double[][] lower;

    private Covariance(double[][] sigma, double[][] lower) {
        this.n = sigma.length;
        this.sigma = sigma;
        this.lower = lower;
    }

    /**
     * Validates {@code sigma} and factors it.
     *
     * @throws IllegalArgumentException naming {@code name}: null, empty, ragged or non-square; NaN or infinite
     *                                  entry; asymmetric beyond {@code 1e-12 max|S|}; not positive definite
     *                                  (Cholesky failure, a pivot {@code L_kk^2 <= n eps max S_ii}, or smallest
     *                                  eigenvalue {@code <= n eps lambda_max})
     */
    static Covariance of(double[][] sigma, String name) {
        Checks.square(sigma, -1, name);
        Checks.symmetric(sigma, SYMMETRY_TOLERANCE, name);
        double[][] s = SymmetricMatrixFunctions.symmetrize(sigma);
        int n = s.length;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, s[i][i]);
        }
        double[][] l = DenseLinearAlgebra.cholesky(s, name).lower();
        double floor = n * Tolerance.EPSILON * maxDiag;
        for (int k = 0; k < n; k++) {
            double pivot = l[k][k] * l[k][k];
            if (!(pivot > floor)) {
                throw Checks.fail(name, "not positive definite (Cholesky pivot " + k + " squared is " + pivot
                        + " <= n*eps*max diag = " + floor + ")");
            }
        }
        if (n == 1) {
            // A 1 x 1 matrix is its own eigenvalue: the pivot test above was the whole test.
            return new Covariance(s, l);
        }
        // The pivot test alone lets some numerically singular matrices through; the eigenvalue test does not.
        double[] ev = SymmetricMatrixFunctions.eigenvalues(s, name);
        double lmax = ev[n - 1];
        if (!(ev[0] > n * Tolerance.EPSILON * lmax)) {
            throw Checks.fail(name, "not positive definite (numerically singular: smallest eigenvalue " + ev[0]
                    + " <= n*eps*largest = " + n * Tolerance.EPSILON * lmax + ")");
        }
        return new Covariance(s, l);
    }

    /** The identity covariance of dimension n (the standard normal). */
    static Covariance identity(int n) {
        return new Covariance(DenseLinearAlgebra.identity(n), DenseLinearAlgebra.identity(n));
    }

    /** Requires {@code other} to have the same dimension. */
    void requireSameDimension(Covariance other, String name, String otherName) {
        if (other.n != n) {
            throw Checks.fail(otherName, "shape " + other.n + " x " + other.n + " does not match " + name + " (" + n
                    + " x " + n + ")");
        }
    }

    /** Requires a finite vector of length n: {@code "muQ: length 3 does not match sigmaQ (2 x 2)"}. */
    static double[] vector(double[] v, Covariance c, String name, String covName) {
        Checks.finite(v, name);
        if (v.length != c.n) {
            throw Checks.fail(name, "length " + v.length + " does not match " + covName + " (" + c.n + " x " + c.n
                    + ")");
        }
        return v.clone();
    }

    /** {@code log det Sigma = 2 sum log L_kk}. */
    double logDet() {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 2 * StrictMath.log(lower[k][k]);
        }
        return AccurateSums.sum(t);
    }

    /** {@code sum_k log L_kk = log det(Sigma)/2}. */
    double halfLogDet() {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = StrictMath.log(lower[k][k]);
        }
        return AccurateSums.sum(t);
    }

    /** {@code L^{-1} v} by forward substitution. */
    double[] whiten(double[] v) {
        return DenseLinearAlgebra.forwardSubstitute(lower, v);
    }

    /** Trace of sigma. */
    double trace() {
        return SymmetricMatrixFunctions.trace(sigma);
    }

    /** {@code ||v||^2} by the scaled norm (no spurious overflow/underflow of the squares). */
    static double squaredNorm(double[] v) {
        double r = AccurateSums.norm2(v);
        return r * r;
    }

    /** Entrywise difference of two vectors, rejecting an overflowing difference. */
    static double[] difference(double[] a, double[] b, String name) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
            if (!Double.isFinite(d[i])) {
                throw Checks.fail(name, "difference overflows double at index " + i);
            }
        }
        return d;
    }

    /** Rejects a result that is not a finite double: {@code "kl: result Infinity overflows double"}. */
    static double result(double value, String what) {
        if (!Double.isFinite(value)) {
            throw Checks.fail(what, "result " + value + " overflows double");
        }
        return value;
    }
}
