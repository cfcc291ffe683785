package io.formulary.properties.gauss;

import java.math.BigDecimal;
import java.math.MathContext;

import io.formulary.core.numeric.SixtyDigitSpd;

/**
 * The 60-digit oracle of the GAUSS accuracy tests, independent of the double paths: the exact double inputs as
 * BigDecimal and the textbook trace/log-determinant forms (harmless at 60 digits, where the near-equal cancellation of
 * at most 20 digits leaves 40), on the BigDecimal Cholesky factorisation, series logarithm and cyclic Jacobi
 * eigenvalues of {@link SixtyDigitSpd} (the oracle kit the GAUSS report's precomputed table uses too) for the trace
 * term of {@code W_2} ({@code Tr (Sigma_p Sigma_q)^{1/2} = sum sqrt(eig(L_p^T Sigma_q L_p))}).
 */
final class BigGauss {

    static final MathContext MC = SixtyDigitSpd.MC;
    static final String ORACLE = "BigDecimal, 60 digits (Cholesky, series log, Jacobi)";

    private BigGauss() {
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
        BigDecimal[][] lp = SixtyDigitSpd.cholesky(SixtyDigitSpd.symmetricPart(sp));
        BigDecimal[][] lq = SixtyDigitSpd.cholesky(SixtyDigitSpd.symmetricPart(sq));
        BigDecimal m = SixtyDigitSpd.sumSquares(SixtyDigitSpd.solveLower(lq, diff(muP, muQ)));
        BigDecimal tr = SixtyDigitSpd.sumSquares(SixtyDigitSpd.solveLower(lq, lp));
        BigDecimal v = m.add(tr, MC).subtract(BigDecimal.valueOf(sp.length), MC)
                .subtract(SixtyDigitSpd.logDet(lp), MC).add(SixtyDigitSpd.logDet(lq), MC);
        return v.multiply(new BigDecimal("0.5"), MC);
    }

    /** BD = 1/2 (log det Sbar - 1/2 log det Sp - 1/2 log det Sq) + 1/8 ||Lbar^{-1} delta||^2. */
    static BigDecimal bd(double[] muP, double[][] sp, double[] muQ, double[][] sq) {
        int n = sp.length;
        BigDecimal[][] a = SixtyDigitSpd.symmetricPart(sp);
        BigDecimal[][] b = SixtyDigitSpd.symmetricPart(sq);
        BigDecimal[][] bar = new BigDecimal[n][n];
        BigDecimal half = new BigDecimal("0.5");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bar[i][j] = a[i][j].add(b[i][j]).multiply(half);
            }
        }
        BigDecimal[][] lbar = SixtyDigitSpd.cholesky(bar);
        BigDecimal mean = SixtyDigitSpd.sumSquares(SixtyDigitSpd.solveLower(lbar, diff(muP, muQ)))
                .multiply(new BigDecimal("0.125"), MC);
        BigDecimal cov = SixtyDigitSpd.logDet(lbar).subtract(SixtyDigitSpd.logDet(SixtyDigitSpd.cholesky(a))
                .add(SixtyDigitSpd.logDet(SixtyDigitSpd.cholesky(b)), MC).multiply(half), MC).multiply(half, MC);
        return mean.add(cov, MC);
    }

    /** W_2^2 = ||delta||^2 + Tr Sp + Tr Sq - 2 sum sqrt(eig(Lp^T Sq Lp)), eigenvalues by Jacobi. */
    static BigDecimal w2Squared(double[] muP, double[][] sp, double[] muQ, double[][] sq) {
        return w2Squared(muP, sp, muQ, sq, traceSqrtProduct(sp, sq));
    }

    /** As {@link #w2Squared(double[], double[][], double[], double[][])} with a precomputed trace term. */
    static BigDecimal w2Squared(double[] muP, double[][] sp, double[] muQ, double[][] sq, BigDecimal n1) {
        return SixtyDigitSpd.sumSquares(diff(muP, muQ)).add(w2Covariance(sp, sq, n1), MC);
    }

    static BigDecimal w2Covariance(double[][] sp, double[][] sq, BigDecimal n1) {
        int n = sp.length;
        BigDecimal[][] a = SixtyDigitSpd.symmetricPart(sp);
        BigDecimal[][] b = SixtyDigitSpd.symmetricPart(sq);
        BigDecimal tr = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            tr = tr.add(a[i][i]).add(b[i][i]);
        }
        return tr.subtract(n1.multiply(BigDecimal.valueOf(2)), MC);
    }

    /** {@code Tr (Sp Sq)^{1/2}} of the symmetric parts. */
    static BigDecimal traceSqrtProduct(double[][] sp, double[][] sq) {
        return SixtyDigitSpd.traceSqrtProduct(SixtyDigitSpd.symmetricPart(sp), SixtyDigitSpd.symmetricPart(sq));
    }

    /** Relative error of a double against a BigDecimal (absolute when the exact value is 0). */
    static double relErr(double actual, BigDecimal exact) {
        if (exact.signum() == 0) {
            return Math.abs(actual);
        }
        return new BigDecimal(actual).subtract(exact, MC).abs().divide(exact.abs(), MC).doubleValue();
    }
}
