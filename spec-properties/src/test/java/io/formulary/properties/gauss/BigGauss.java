package io.formulary.properties.gauss;

import java.math.BigDecimal;
import java.math.MathContext;

import ch.obermuhlner.math.big.BigDecimalMath;

/**
 * The 60-digit oracle of the GAUSS accuracy tests, independent of the double paths: the exact double inputs as
 * BigDecimal, a BigDecimal Cholesky factorisation, the textbook trace/log-determinant forms (harmless at 60 digits,
 * where the near-equal cancellation of at most 20 digits leaves 40), and cyclic Jacobi eigenvalues for the trace term of
 * {@code W_2} ({@code Tr (Sigma_p Sigma_q)^{1/2} = sum sqrt(eig(L_p^T Sigma_q L_p))}).
 */
final class BigGauss {

    static final MathContext MC = new MathContext(60);
    static final String ORACLE = "big-math BigDecimal, 60 digits (Cholesky, Jacobi)";

    private BigGauss() {
    }

    static BigDecimal[][] big(double[][] a) {
        int n = a.length;
        BigDecimal[][] b = new BigDecimal[n][a[0].length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < a[0].length; j++) {
                b[i][j] = new BigDecimal(a[i][j]);
            }
        }
        return b;
    }

    static BigDecimal[] big(double[] a) {
        BigDecimal[] b = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = new BigDecimal(a[i]);
        }
        return b;
    }

    /** Symmetric part of a (double) matrix, exactly, in BigDecimal. */
    static BigDecimal[][] sym(double[][] a) {
        int n = a.length;
        BigDecimal[][] b = new BigDecimal[n][n];
        BigDecimal half = new BigDecimal("0.5");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = new BigDecimal(a[i][j]).add(new BigDecimal(a[j][i])).multiply(half);
            }
        }
        return b;
    }

    static BigDecimal[][] cholesky(BigDecimal[][] a) {
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

    /** {@code L^{-1} B}. */
    static BigDecimal[][] solveLower(BigDecimal[][] l, BigDecimal[][] b) {
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

    static BigDecimal[] solveLower(BigDecimal[][] l, BigDecimal[] b) {
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

    static BigDecimal sumSquares(BigDecimal[][] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal[] row : a) {
            for (BigDecimal v : row) {
                s = s.add(v.multiply(v, MC), MC);
            }
        }
        return s;
    }

    static BigDecimal sumSquares(BigDecimal[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : a) {
            s = s.add(v.multiply(v, MC), MC);
        }
        return s;
    }

    static BigDecimal logDet(BigDecimal[][] l) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = 0; k < l.length; k++) {
            s = s.add(BigDecimalMath.log(l[k][k], MC), MC);
        }
        return s.multiply(BigDecimal.valueOf(2), MC);
    }

    static BigDecimal[] diff(double[] a, double[] b) {
        BigDecimal[] d = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = new BigDecimal(a[i]).subtract(new BigDecimal(b[i]), MC);
        }
        return d;
    }

    /** KL(p||q) = 1/2 [ ||Lq^{-1} delta||^2 + ||Lq^{-1} Lp||_F^2 - n - log det Sp + log det Sq ]. */
    static BigDecimal kl(double[] muP, double[][] sp, double[] muQ, double[][] sq) {
        BigDecimal[][] lp = cholesky(sym(sp));
        BigDecimal[][] lq = cholesky(sym(sq));
        BigDecimal m = sumSquares(solveLower(lq, diff(muP, muQ)));
        BigDecimal tr = sumSquares(solveLower(lq, lp));
        BigDecimal v = m.add(tr, MC).subtract(BigDecimal.valueOf(sp.length), MC)
                .subtract(logDet(lp), MC).add(logDet(lq), MC);
        return v.multiply(new BigDecimal("0.5"), MC);
    }

    /** BD = 1/2 (log det Sbar - 1/2 log det Sp - 1/2 log det Sq) + 1/8 ||Lbar^{-1} delta||^2. */
    static BigDecimal bd(double[] muP, double[][] sp, double[] muQ, double[][] sq) {
        int n = sp.length;
        BigDecimal[][] a = sym(sp);
        BigDecimal[][] b = sym(sq);
        BigDecimal[][] bar = new BigDecimal[n][n];
        BigDecimal half = new BigDecimal("0.5");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bar[i][j] = a[i][j].add(b[i][j]).multiply(half);
            }
        }
        BigDecimal[][] lbar = cholesky(bar);
        BigDecimal mean = sumSquares(solveLower(lbar, diff(muP, muQ))).multiply(new BigDecimal("0.125"), MC);
        BigDecimal cov = logDet(lbar).subtract(logDet(cholesky(a)).add(logDet(cholesky(b)), MC).multiply(half), MC)
                .multiply(half, MC);
        return mean.add(cov, MC);
    }

    /** W_2^2 = ||delta||^2 + Tr Sp + Tr Sq - 2 sum sqrt(eig(Lp^T Sq Lp)), eigenvalues by Jacobi. */
    static BigDecimal w2Squared(double[] muP, double[][] sp, double[] muQ, double[][] sq) {
        return sumSquares(diff(muP, muQ)).add(w2Covariance(sp, sq), MC);
    }

    /** As {@link #w2Squared(double[], double[][], double[], double[][])} with a precomputed trace term. */
    static BigDecimal w2Squared(double[] muP, double[][] sp, double[] muQ, double[][] sq, BigDecimal n1) {
        return sumSquares(diff(muP, muQ)).add(w2Covariance(sp, sq, n1), MC);
    }

    static BigDecimal w2Covariance(double[][] sp, double[][] sq) {
        return w2Covariance(sp, sq, traceSqrtProduct(sp, sq));
    }

    static BigDecimal w2Covariance(double[][] sp, double[][] sq, BigDecimal n1) {
        int n = sp.length;
        BigDecimal[][] a = sym(sp);
        BigDecimal[][] b = sym(sq);
        BigDecimal tr = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            tr = tr.add(a[i][i]).add(b[i][i]);
        }
        return tr.subtract(n1.multiply(BigDecimal.valueOf(2)), MC);
    }

    static BigDecimal traceSqrtProduct(double[][] sp, double[][] sq) {
        int n = sp.length;
        BigDecimal[][] lp = cholesky(sym(sp));
        BigDecimal[][] b = sym(sq);
        BigDecimal[][] k = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int x = 0; x < n; x++) {
                    for (int y = 0; y < n; y++) {
                        s = s.add(lp[x][i].multiply(b[x][y], MC).multiply(lp[y][j], MC), MC);
                    }
                }
                k[i][j] = s;
            }
        }
        BigDecimal[] ev = jacobiEigenvalues(k);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal e : ev) {
            sum = sum.add(e.signum() > 0 ? e.sqrt(MC) : BigDecimal.ZERO, MC);
        }
        return sum;
    }

    /** Cyclic Jacobi eigenvalues of a symmetric BigDecimal matrix (converges quadratically). */
    static BigDecimal[] jacobiEigenvalues(BigDecimal[][] a0) {
        int n = a0.length;
        BigDecimal[][] a = new BigDecimal[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        BigDecimal norm = sumSquares(a);
        BigDecimal stop = norm.multiply(new BigDecimal("1e-112"), MC);
        for (int sweep = 0; sweep < 60; sweep++) {
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
                    if (a[p][q].signum() == 0) {
                        continue;
                    }
                    BigDecimal theta = a[q][q].subtract(a[p][p], MC).divide(a[p][q].multiply(BigDecimal.valueOf(2)), MC);
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
        }
        BigDecimal[] ev = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }

    /** Relative error of a double against a BigDecimal (absolute when the exact value is 0). */
    static double relErr(double actual, BigDecimal exact) {
        if (exact.signum() == 0) {
            return Math.abs(actual);
        }
        return new BigDecimal(actual).subtract(exact, MC).abs().divide(exact.abs(), MC).doubleValue();
    }
}
