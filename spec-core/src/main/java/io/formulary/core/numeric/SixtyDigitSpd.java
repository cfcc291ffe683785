package io.formulary.core.numeric;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A 60-digit BigDecimal kit for symmetric positive definite matrices, for oracles only (the GAUSS report's
 * precomputed table and the GAUSS accuracy tests): exact conversion of double inputs, Cholesky factorisation,
 * triangular solves, log-determinants through a series logarithm, cyclic Jacobi eigenvalues and the trace term
 * {@code Tr (S_p S_q)^{1/2} = sum_i sqrt(eig_i(L_p^T S_q L_p))} of {@code W_2}.
 *
 * <p>It shares no code with the double paths it is used to check (no EJML, no {@link DenseLinearAlgebra}). The
 * textbook trace and log-determinant forms are harmless at 60 digits: the cancellation of nearly equal covariances
 * costs at most about 25 digits and leaves 35. Inputs are not validated (a non-SPD matrix fails with an
 * {@link ArithmeticException} in {@link #cholesky}).
 */
public final class SixtyDigitSpd {

    /** The working precision, 60 significant digits. */
    public static final MathContext MC = new MathContext(60);

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Jacobi stops once the squared off-diagonal norm is below this fraction of the squared Frobenius norm. */
    private static final BigDecimal JACOBI_STOP = new BigDecimal("1e-116");
    private static final int JACOBI_MAX_SWEEPS = 60;

    private SixtyDigitSpd() {
    }

    /** The exact values of a double matrix. */
    public static BigDecimal[][] exact(double[][] a) {
        BigDecimal[][] b = new BigDecimal[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = exact(a[i]);
        }
        return b;
    }

    /** The exact values of a double vector. */
    public static BigDecimal[] exact(double[] a) {
        BigDecimal[] b = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigDecimal(a[i]);
        }
        return b;
    }

    /** The symmetric part {@code (A + A^T) / 2} of a square double matrix, exactly. */
    public static BigDecimal[][] symmetricPart(double[][] a) {
        int n = a.length;
        BigDecimal[][] b = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = new BigDecimal(a[i][j]).add(new BigDecimal(a[j][i])).multiply(HALF);
            }
        }
        return b;
    }

    /**
     * The lower Cholesky factor {@code L} of {@code A = L L^T}, from the lower triangle of {@code A}.
     *
     * @throws ArithmeticException if a pivot is not positive
     */
    public static BigDecimal[][] cholesky(BigDecimal[][] a) {
        int n = a.length;
        BigDecimal[][] l = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i][j] = BigDecimal.ZERO;
            }
        }
        for (int j = 0; j < n; j++) {
            BigDecimal d = a[j][j];
            for (int k = 0; k < j; k++) {
                d = d.subtract(l[j][k].multiply(l[j][k], MC), MC);
            }
            if (d.signum() <= 0) {
                throw new ArithmeticException("not positive definite at " + j);
            }
            l[j][j] = d.sqrt(MC);
            for (int i = j + 1; i < n; i++) {
                BigDecimal s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s = s.subtract(l[i][k].multiply(l[j][k], MC), MC);
                }
                l[i][j] = s.divide(l[j][j], MC);
            }
        }
        return l;
    }

    /** {@code L^{-1} B} by forward substitution, column by column. */
    public static BigDecimal[][] solveLower(BigDecimal[][] l, BigDecimal[][] b) {
        int n = l.length;
        int m = b[0].length;
        BigDecimal[][] x = new BigDecimal[n][m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                BigDecimal s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s = s.subtract(l[i][k].multiply(x[k][c], MC), MC);
                }
                x[i][c] = s.divide(l[i][i], MC);
            }
        }
        return x;
    }

    /** {@code L^{-1} b} by forward substitution. */
    public static BigDecimal[] solveLower(BigDecimal[][] l, BigDecimal[] b) {
        BigDecimal[][] col = new BigDecimal[b.length][1];
        for (int i = 0; i < b.length; i++) {
            col[i][0] = b[i];
        }
        BigDecimal[][] x = solveLower(l, col);
        BigDecimal[] out = new BigDecimal[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = x[i][0];
        }
        return out;
    }

    /** The squared Frobenius norm {@code sum_ij a_ij^2}. */
    public static BigDecimal sumSquares(BigDecimal[][] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal[] row : a) {
            s = s.add(sumSquares(row), MC);
        }
        return s;
    }

    /** The squared Euclidean norm {@code sum_i a_i^2}. */
    public static BigDecimal sumSquares(BigDecimal[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : a) {
            s = s.add(v.multiply(v, MC), MC);
        }
        return s;
    }

    /** {@code log det A = 2 sum_k log l_kk} from the Cholesky factor {@code L} of {@code A}. */
    public static BigDecimal logDet(BigDecimal[][] l) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = 0; k < l.length; k++) {
            s = s.add(log(l[k][k]), MC);
        }
        return s.multiply(TWO);
    }

    /**
     * Natural logarithm of a positive number: scale into {@code [1, 2)} by powers of 2, then
     * {@code log m = 2 atanh((m - 1)/(m + 1))} by its series (ratio at most 1/3, so it converges fast).
     */
    public static BigDecimal log(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("log of a non-positive number: " + x);
        }
        int e = 0;
        while (x.compareTo(TWO) >= 0) {
            x = x.divide(TWO, MC);
            e++;
        }
        while (x.compareTo(BigDecimal.ONE) < 0) {
            x = x.multiply(TWO, MC);
            e--;
        }
        return twoAtanhRatio(x).add(twoAtanhRatio(TWO).multiply(BigDecimal.valueOf(e)), MC);
    }

    /** {@code 2 atanh((m - 1)/(m + 1)) = log m} for {@code m} in {@code [1, 2]}. */
    private static BigDecimal twoAtanhRatio(BigDecimal m) {
        BigDecimal t = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal term = t;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal negligible = new BigDecimal("1e-65");
        for (int k = 0; k < 200; k++) {
            BigDecimal add = term.divide(BigDecimal.valueOf(2L * k + 1), MC);
            sum = sum.add(add, MC);
            if (add.abs().compareTo(negligible) < 0) {
                break;
            }
            term = term.multiply(t2, MC);
        }
        return sum.multiply(TWO);
    }

    /**
     * The trace term of {@code W_2}, {@code Tr (S_p S_q)^{1/2} = sum_i sqrt(max(eig_i(L_p^T S_q L_p), 0))}, with
     * {@code L_p} the Cholesky factor of {@code S_p} and the eigenvalues by {@link #jacobiEigenvalues}.
     */
    public static BigDecimal traceSqrtProduct(BigDecimal[][] sp, BigDecimal[][] sq) {
        int n = sp.length;
        BigDecimal[][] lp = cholesky(sp);
        BigDecimal[][] k = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int x = 0; x < n; x++) {
                    for (int y = 0; y < n; y++) {
                        s = s.add(lp[x][i].multiply(sq[x][y], MC).multiply(lp[y][j], MC), MC);
                    }
                }
                k[i][j] = s;
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal e : jacobiEigenvalues(k)) {
            sum = sum.add(e.signum() > 0 ? e.sqrt(MC) : BigDecimal.ZERO, MC);
        }
        return sum;
    }

    /**
     * The eigenvalues of a symmetric matrix by cyclic Jacobi rotations (quadratic convergence), unsorted; stops when
     * the squared off-diagonal norm is below {@code 1e-116} times the squared Frobenius norm. The argument is not
     * modified.
     */
    public static BigDecimal[] jacobiEigenvalues(BigDecimal[][] a0) {
        int n = a0.length;
        BigDecimal[][] a = new BigDecimal[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        BigDecimal stop = sumSquares(a).multiply(JACOBI_STOP, MC);
        for (int sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
            BigDecimal off = BigDecimal.ZERO;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off = off.add(a[p][q].multiply(a[p][q], MC), MC);
                }
            }
            if (off.compareTo(stop) <= 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q].signum() != 0) {
                        rotate(a, p, q);
                    }
                }
            }
        }
        BigDecimal[] ev = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }

    /** One Jacobi rotation that zeroes {@code a[p][q]} (the smaller angle, for stability). */
    private static void rotate(BigDecimal[][] a, int p, int q) {
        int n = a.length;
        BigDecimal theta = a[q][q].subtract(a[p][p], MC).divide(a[p][q].multiply(TWO), MC);
        BigDecimal t = BigDecimal.ONE.divide(theta.abs().add(theta.multiply(theta, MC).add(BigDecimal.ONE)
                .sqrt(MC), MC), MC);
        if (theta.signum() < 0) {
            t = t.negate();
        }
        BigDecimal c = BigDecimal.ONE.divide(t.multiply(t, MC).add(BigDecimal.ONE).sqrt(MC), MC);
        BigDecimal s = t.multiply(c, MC);
        for (int k = 0; k < n; k++) {
            BigDecimal akp = a[k][p];
            BigDecimal akq = a[k][q];
            a[k][p] = c.multiply(akp, MC).subtract(s.multiply(akq, MC), MC);
            a[k][q] = s.multiply(akp, MC).add(c.multiply(akq, MC), MC);
        }
        for (int k = 0; k < n; k++) {
            BigDecimal apk = a[p][k];
            BigDecimal aqk = a[q][k];
            a[p][k] = c.multiply(apk, MC).subtract(s.multiply(aqk, MC), MC);
            a[q][k] = s.multiply(apk, MC).add(c.multiply(aqk, MC), MC);
        }
    }
}
