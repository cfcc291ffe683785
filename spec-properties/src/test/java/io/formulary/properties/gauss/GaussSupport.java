package io.formulary.properties.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.core.numeric.Tolerance;

/** Test-side helpers of the GAUSS properties: the chapter's tolerance notation and small matrix utilities. */
final class GaussSupport {

    private GaussSupport() {
    }

    /** {@code tol(kappa) = 1e-12 + 4 n eps kappa} (relative), the chapter's default. */
    static double tol(double kappa, int n) {
        return 1e-12 + 4 * n * Tolerance.EPSILON * Math.max(1, kappa);
    }

    /** Relative tolerance {@code tol(kappa)} as a Tolerance. */
    static Tolerance relTol(double kappa, int n) {
        return Tolerance.relative(tol(kappa, n));
    }

    /** Absolute floor {@code 64 n eps (Tr Sigma_p + Tr Sigma_q)} for W2^2 comparisons between trace-type forms. */
    static double w2Floor(double[][] sp, double[][] sq) {
        return 64 * sp.length * Tolerance.EPSILON * (trace(sp) + trace(sq));
    }

    /** Extra absolute allowance {@code 2n sqrt(n eps ||Sp||_2 ||Sq||_2)} of any eigenvalue-based route (Errata 16). */
    static double eigenRouteSlack(double[][] sp, double[][] sq) {
        int n = sp.length;
        return 2 * n * Math.sqrt(n * Tolerance.EPSILON * norm2(sp) * norm2(sq));
    }

    static double trace(double[][] a) {
        return SymmetricMatrixFunctions.trace(a);
    }

    /** Spectral norm of a symmetric matrix. */
    static double norm2(double[][] s) {
        double[] ev = SymmetricMatrixFunctions.eigenvalues(SymmetricMatrixFunctions.symmetrize(s), "s");
        return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
    }

    static double frob(double[][] a) {
        return AccurateSums.normFrobenius(a);
    }

    static double[][] mul(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(a, b);
    }

    static double[] mul(double[][] a, double[] x) {
        return DenseLinearAlgebra.multiply(a, x);
    }

    /**
     * One draw {@code x = mu + L z} from {@code N(mu, L L^T)}: {@code n} standard normals from {@code r}, in order
     * (the Monte-Carlo oracles of the properties all sample this way).
     */
    static double[] sample(double[][] l, double[] mu, java.util.SplittableRandom r) {
        return sample(l, mu, 1, r);
    }

    /** {@code x = mu + L (c z)}: as {@link #sample(double[][], double[], java.util.SplittableRandom)} with the normals scaled by {@code c}. */
    static double[] sample(double[][] l, double[] mu, double c, java.util.SplittableRandom r) {
        int n = mu.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = c * GaussGens.normal(r);
        }
        double[] x = mul(l, z);
        for (int i = 0; i < n; i++) {
            x[i] += mu[i];
        }
        return x;
    }

    /**
     * {@code int f(x) dx} over the plane by the trapezoid rule on the whitened grid {@code x = c + L y},
     * {@code y in [-12, 12]^2} with {@code 401^2} points ({@code L} lower triangular 2 x 2; the Jacobian is
     * {@code l_00 l_11}): the quadrature oracle of GAUSS-P1 and GAUSS-P10.
     */
    static double whitenedGridIntegral(double[] c, double[][] l, java.util.function.ToDoubleFunction<double[]> f) {
        int k = 400;
        double h = 24.0 / k;
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                double y0 = -12 + i * h;
                double y1 = -12 + j * h;
                double[] x = {c[0] + l[0][0] * y0, c[1] + l[1][0] * y0 + l[1][1] * y1};
                double w = ((i == 0 || i == k) ? 0.5 : 1) * ((j == 0 || j == k) ? 0.5 : 1);
                sum += w * f.applyAsDouble(x);
            }
        }
        return sum * h * h * l[0][0] * l[1][1];
    }

    static double[][] tr(double[][] a) {
        return DenseLinearAlgebra.transpose(a);
    }

    static double[][] sub(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }

    static double[] sub(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] * s;
            }
        }
        return c;
    }

    static double[] scale(double[] a, double s) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] * s;
        }
        return c;
    }

    /** {@code A S A^T}, lower triangle copied to the upper. */
    static double[][] congruence(double[][] a, double[][] s) {
        double[][] c = mul(a, mul(s, tr(a)));
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < i; j++) {
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** Explicit inverse of an SPD matrix (test side only: for checking algebraic identities). */
    static double[][] inverse(double[][] s) {
        DenseLinearAlgebra.Cholesky c = DenseLinearAlgebra.cholesky(SymmetricMatrixFunctions.symmetrize(s), "s");
        return c.solve(DenseLinearAlgebra.identity(s.length));
    }

    /** {@code v^T S^{-1} v} by a Cholesky solve. */
    static double invQuad(double[][] s, double[] v) {
        double[] z = DenseLinearAlgebra.cholesky(s, "s").solveLower(v);
        double r = AccurateSums.norm2(z);
        return r * r;
    }

    static double sqNorm(double[] v) {
        double r = AccurateSums.norm2(v);
        return r * r;
    }

    static double[][] lower(double[][] s) {
        return DenseLinearAlgebra.cholesky(s, "s").lower();
    }

    static double[][] blockDiag(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        double[][] c = new double[n + m][n + m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, c[i], 0, n);
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(b[i], 0, c[n + i], n, m);
        }
        return c;
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double[][] identity(int n) {
        return DenseLinearAlgebra.identity(n);
    }

    static String fail(String id, String what, double expected, double actual, double bound) {
        return id + ": " + what + ": expected " + expected + ", actual " + actual + ", error "
                + Math.abs(expected - actual) + ", bound " + bound;
    }
}
