package io.formulary.properties.gauss;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.gauss.Divergences;
import io.formulary.core.gauss.Gaussian;
import io.formulary.core.gauss.Wasserstein;
import io.formulary.core.numeric.SixtyDigitSpd;
import io.formulary.properties.AccuracyLog;

/**
 * Accuracy of the GAUSS reference against the independent 60-digit oracle {@link BigGauss}: general pairs with
 * condition numbers 1 .. 1e8, nearly equal pairs (true KL / BD / W2^2 down to 1e-18), small-subspace pairs, and
 * the one-dimensional closed forms. Each case is recorded with {@link AccuracyLog} before its bound is asserted.
 */
class GaussAccuracyTest {

    private static final double[] KAPPAS = {1, 1e2, 1e4, 1e6, 1e8};
    private static final int N = 5;

    private static void check(String id, String testCase, double error, double bound) {
        AccuracyLog.record(id, testCase, "relative", error, bound, BigGauss.ORACLE);
        assertThat(error).as("%s %s: relative error %s > bound %s", id, testCase, error, bound).isLessThanOrEqualTo(bound);
        assertThat(error).isNotNaN();
    }

    private static double[] mean(SplittableRandom r, double s) {
        double[] m = new double[N];
        for (int i = 0; i < N; i++) {
            m[i] = s * GaussGens.normal(r);
        }
        return m;
    }

    @Test
    void generalPairsAreWithinTolKappa() {
        SplittableRandom r = new SplittableRandom(11);
        for (double kappa : KAPPAS) {
            for (int c = 0; c < 3; c++) {
                double[][] sp = GaussGens.spd(N, kappa, 1, r);
                double[][] sq = GaussGens.spd(N, kappa, Math.pow(10, r.nextDouble() - 0.5), r);
                double[] mp = mean(r, 1);
                double[] mq = mean(r, 1);
                String cs = "general n=5 kappa=" + kappa + " #" + c;
                double bound = GaussSupport.tol(kappa, N);
                check("GAUSS-F11", cs, BigGauss.relErr(Divergences.klDivergence(mp, sp, mq, sq), BigGauss.kl(mp, sp, mq, sq)),
                        bound);
                check("GAUSS-F15", cs, BigGauss.relErr(Divergences.bhattacharyyaDistance(mp, sp, mq, sq),
                        BigGauss.bd(mp, sp, mq, sq)), 16 * bound);
                Wasserstein.W2 w = Wasserstein.w2(mp, sp, mq, sq);
                BigDecimal nExact = BigGauss.traceSqrtProduct(sp, sq);
                check("GAUSS-F21", cs, BigGauss.relErr(w.w2Squared(), BigGauss.w2Squared(mp, sp, mq, sq, nExact)),
                        Math.min(bound, 1e-7));
                check("GAUSS-F21", cs + " traceSqrtProduct", BigGauss.relErr(w.traceSqrtProduct(), nExact), bound);
            }
        }
    }

    @Test
    void nearEqualPairsKeepRelativeAccuracy() {
        SplittableRandom r = new SplittableRandom(12);
        for (double kappa : new double[] {1, 1e4, 1e8}) {
            for (double eps : new double[] {1e-9, 1e-7, 1e-5, 1e-3}) {
                double[][] sp = GaussGens.spd(N, kappa, 1, r);
                double[][] sq = GaussGens.nearby(sp, eps, r);
                double[] mu = mean(r, 1);
                String cs = "near-equal n=5 kappa=" + kappa + " eps=" + eps;
                // The promise for tiny divergences (true values 1e-18 .. 1e-6): 1e-8 relative, never negative, for
                // condition numbers up to 1e8 (measured: 8e-10 at kappa = 1e8, 3e-13 at kappa <= 1e4).
                double bound = 1e-8;
                double kl = Divergences.klDivergence(mu, sp, mu, sq);
                assertThat(kl).isGreaterThan(0);
                check("GAUSS-F11", cs, BigGauss.relErr(kl, BigGauss.kl(mu, sp, mu, sq)), bound);
                check("GAUSS-F15", cs, BigGauss.relErr(Divergences.bhattacharyyaDistance(mu, sp, mu, sq),
                        BigGauss.bd(mu, sp, mu, sq)), bound);
                check("GAUSS-F21", cs, BigGauss.relErr(Wasserstein.w2(mu, sp, mu, sq).w2Squared(),
                        BigGauss.w2Squared(mu, sp, mu, sq)), 1e-7);
            }
        }
    }

    @Test
    void smallSubspacePairsKeepW2Accurate() {
        SplittableRandom r = new SplittableRandom(13);
        for (double kappa : new double[] {1e4, 1e6, 1e8}) {
            for (double change : new double[] {0.7, 1.3, 1 + 1e-6}) {
                double[][] q = GaussGens.orthogonal(N, r);
                double[] a = GaussGens.spectrum(N, kappa, 1, r);
                double[] b = a.clone();
                int k = 0;
                for (int i = 1; i < N; i++) {
                    if (a[i] < a[k]) {
                        k = i;
                    }
                }
                b[k] *= change;
                double[][] sp = GaussGens.compose(q, a);
                double[][] sq = GaussGens.compose(q, b);
                double[] mu = new double[N];
                String cs = "small-subspace n=5 kappa=" + kappa + " factor=" + change;
                check("GAUSS-F21", cs, BigGauss.relErr(Wasserstein.w2(mu, sp, mu, sq).w2Squared(),
                        BigGauss.w2Squared(mu, sp, mu, sq)), 1e-7);
            }
        }
    }

    @Test
    void oneDimensionalFormsAreWithin1e14() {
        SplittableRandom r = new SplittableRandom(14);
        for (int c = 0; c < 40; c++) {
            double sdP = Math.pow(10, 20 * r.nextDouble() - 10);
            double sdQ = sdP * (c % 4 == 0 ? 1 + 1e-9 * r.nextDouble() : Math.pow(10, 4 * r.nextDouble() - 2));
            double mp = GaussGens.normal(r) * sdP;
            double mq = GaussGens.normal(r) * sdQ;
            BigDecimal bp = new BigDecimal(sdP);
            BigDecimal bq = new BigDecimal(sdQ);
            BigDecimal d = new BigDecimal(mp).subtract(new BigDecimal(mq));
            BigDecimal vp = bp.multiply(bp);
            BigDecimal vq = bq.multiply(bq);
            // KL = (d^2 + vp - vq)/(2 vq) - log(sdP/sdQ)
            BigDecimal kl = d.multiply(d).add(vp).subtract(vq).divide(vq.multiply(BigDecimal.valueOf(2)), BigGauss.MC)
                    .subtract(BigDecimalMath.log(bp.divide(bq, BigGauss.MC), BigGauss.MC), BigGauss.MC);
            String cs = "1-D sdP=" + sdP + " sdQ=" + sdQ;
            check("GAUSS-F14", cs, BigGauss.relErr(Divergences.klDivergence1d(mp, sdP, mq, sdQ), kl), 1e-14);
            // BD = 1/2 log((vp + vq)/(2 sdP sdQ)) + d^2 / (4 (vp + vq))
            BigDecimal bd = BigDecimalMath.log(vp.add(vq).divide(bp.multiply(bq).multiply(BigDecimal.valueOf(2)),
                    BigGauss.MC), BigGauss.MC).multiply(new BigDecimal("0.5"))
                    .add(d.multiply(d).divide(vp.add(vq).multiply(BigDecimal.valueOf(4)), BigGauss.MC));
            check("GAUSS-F17", cs, BigGauss.relErr(Divergences.bhattacharyyaDistance1d(mp, sdP, mq, sdQ), bd), 1e-14);
            BigDecimal w2 = d.multiply(d).add(bp.subtract(bq).pow(2));
            check("GAUSS-F24", cs, BigGauss.relErr(Wasserstein.wasserstein1d(mp, sdP, mq, sdQ, 2), w2), 1e-14);
            if (c % 4 != 0) {
                check("GAUSS-F24", cs + " W1", BigGauss.relErr(Wasserstein.wasserstein1d(mp, sdP, mq, sdQ, 1),
                        w1(d.abs(), bp.subtract(bq).abs())), 1e-13);
            }
        }
    }

    /** W1 = s sqrt(2/pi) exp(-z^2/2) + |d| erf(z/sqrt 2), z = |d|/s, erf by its Taylor series at 60 digits (at most 21 digits cancel for x <= 7). */
    private static BigDecimal w1(BigDecimal d, BigDecimal s) {
        BigDecimal z = d.divide(s, BigGauss.MC);
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal pi = BigDecimalMath.pi(BigGauss.MC);
        BigDecimal gauss = s.multiply(two.divide(pi, BigGauss.MC).sqrt(BigGauss.MC))
                .multiply(BigDecimalMath.exp(z.multiply(z).negate().divide(two), BigGauss.MC), BigGauss.MC);
        BigDecimal x = z.divide(two.sqrt(BigGauss.MC), BigGauss.MC);
        BigDecimal erf;
        if (x.compareTo(BigDecimal.valueOf(7)) > 0) {
            erf = BigDecimal.ONE;
        } else {
            BigDecimal term = x;
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal x2 = x.multiply(x).negate();
            for (int n = 0; n < 400; n++) {
                BigDecimal add = term.divide(BigDecimal.valueOf(2L * n + 1), BigGauss.MC);
                sum = sum.add(add, BigGauss.MC);
                term = term.multiply(x2, BigGauss.MC).divide(BigDecimal.valueOf(n + 1), BigGauss.MC);
                if (add.abs().compareTo(new BigDecimal("1e-75")) < 0) {
                    break;
                }
            }
            erf = sum.multiply(two).divide(pi.sqrt(BigGauss.MC), BigGauss.MC);
        }
        return gauss.add(d.multiply(erf), BigGauss.MC);
    }

    @Test
    void logDensityAndEntropyAreWithinTheirAbsoluteBounds() {
        SplittableRandom r = new SplittableRandom(15);
        for (double kappa : KAPPAS) {
            double[][] s = GaussGens.spd(N, kappa, Math.pow(10, 2 * r.nextDouble() - 1), r);
            double[] mu = mean(r, 1);
            double[] x = mean(r, 2);
            BigDecimal[][] l = SixtyDigitSpd.cholesky(SixtyDigitSpd.symmetricPart(s));
            BigDecimal ld = SixtyDigitSpd.logDet(l);
            BigDecimal z2 = SixtyDigitSpd.sumSquares(SixtyDigitSpd.solveLower(l, BigGauss.diff(x, mu)));
            BigDecimal log2pi = BigDecimalMath.log(BigDecimalMath.pi(BigGauss.MC).multiply(BigDecimal.valueOf(2)), BigGauss.MC);
            BigDecimal nlog = log2pi.multiply(BigDecimal.valueOf(N));
            BigDecimal logp = nlog.add(ld).add(z2).multiply(new BigDecimal("-0.5"), BigGauss.MC);
            double t = GaussSupport.tol(kappa, N);
            double boundF2 = t * (N + Math.abs(ld.doubleValue()) + z2.doubleValue());
            double errF2 = Math.abs(new BigDecimal(Gaussian.logPdf(x, mu, s)).subtract(logp).doubleValue());
            AccuracyLog.record("GAUSS-F2", "n=5 kappa=" + kappa, "absolute", errF2, boundF2, BigGauss.ORACLE);
            assertThat(errF2).isLessThanOrEqualTo(boundF2);
            BigDecimal h = nlog.add(BigDecimal.valueOf(N)).add(ld).multiply(new BigDecimal("0.5"));
            double boundF5 = t * (N + Math.abs(ld.doubleValue()));
            double errF5 = Math.abs(new BigDecimal(Gaussian.entropy(s)).subtract(h).doubleValue());
            AccuracyLog.record("GAUSS-F5", "n=5 kappa=" + kappa, "absolute", errF5, boundF5, BigGauss.ORACLE);
            assertThat(errF5).isLessThanOrEqualTo(boundF5);
        }
    }
}
