package io.formulary.properties.linear;

import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.linear.CovariancePolicy;
import io.formulary.core.linear.GaussianRegression;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.SoftmaxModel;
import io.formulary.core.linear.SyntheticClasses;
import io.formulary.core.linear.Whitener;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.linear.LogitAssert.EPS;
import static io.formulary.properties.linear.LogitAssert.close;
import static io.formulary.properties.linear.LogitAssert.kappa;
import static io.formulary.properties.linear.LogitAssert.kappa2;
import static io.formulary.properties.linear.LogitAssert.maxAbs;
import static io.formulary.properties.linear.LogitAssert.maxAbsDiff;
import static io.formulary.properties.linear.LogitAssert.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;

/** The properties LOGIT-P1 to P20 of the chapter, against {@link LogisticContract}. */
public class LogisticProperties {

    private static final double TAU = 1e-12;
    private static final double DELTA = 1e-8;

    private final LogisticContract subject;

    /** Hands a subject to the (single, as JUnit requires) constructor; see {@link #withSubject}. */
    private static final ThreadLocal<LogisticContract> HANDOFF = new ThreadLocal<>();

    public LogisticProperties() {
        LogisticContract given = HANDOFF.get();
        this.subject = given != null ? given : Subjects.of(LogisticContract.class, ReferenceLogistic::new);
    }

    /** The properties against another subject (the mutant tests use this). */
    public static LogisticProperties withSubject(LogisticContract subject) {
        HANDOFF.set(subject);
        try {
            return new LogisticProperties();
        } finally {
            HANDOFF.remove();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    @Property
    @Tag("LOGIT-P1")
    @DisplayName("LOGIT-P1: F4 (W, b) equals Householder-QR least squares on [X, 1]")
    void closedFormEqualsQrLeastSquares() {
        qt(PropertyPolicy.examples(0.25)).forAll(LogitGens.regression()).checkAssert(d -> {
            GaussianRegression.Fit f = subject.regressionFit(d.X(), d.Y());
            double[][] theta = qrLeastSquares(d.X(), d.Y());
            int n = d.X()[0].length;
            int m = d.Y()[0].length;
            double bound = 10 * (n + m) * regressionConditioning(d.X()) * EPS * regressionScale(f, d.X());
            double[][] w = f.weights();
            double[] b = f.bias();
            double err = 0;
            for (int c = 0; c < m; c++) {
                for (int a = 0; a < n; a++) {
                    err = Math.max(err, Math.abs(w[a][c] - theta[a][c]));
                }
                err = Math.max(err, Math.abs(b[c] - theta[n][c]));
            }
            within("LOGIT-P1", "max |(W,b) - QR| on " + d, err, bound);
        });
    }

    @Property
    @Tag("LOGIT-P2")
    @DisplayName("LOGIT-P2: Schur complement F3 equals R^T R / N; it is symmetric PSD; each output column is the single-output fit")
    void schurComplementIsResidualCovariance() {
        qt(PropertyPolicy.examples(0.25)).forAll(LogitGens.regression()).checkAssert(d -> {
            double[][] x = d.X();
            double[][] yy = d.Y();
            int bigN = x.length;
            int n = x[0].length;
            int m = yy[0].length;
            GaussianRegression.Conditional cond = subject.conditional(x, yy, x[0]);
            GaussianRegression.Fit f = subject.regressionFit(x, yy);
            GaussianRegression.Moments mo = GaussianRegression.moments(x, yy);
            double[][] w = f.weights();
            double[] mux = mo.muX();
            double[] muy = mo.muY();
            double[][] r = new double[bigN][m];
            for (int j = 0; j < bigN; j++) {
                double[] xc = new double[n];
                for (int a = 0; a < n; a++) {
                    xc[a] = x[j][a] - mux[a];
                }
                double[] pred = LogitAssert.times(xc, w);
                for (int c = 0; c < m; c++) {
                    r[j][c] = (yy[j][c] - muy[c]) - pred[c];
                }
            }
            double[][] cov = cond.covariance();
            double kxx = kappa(mo.sigmaXX());
            double bound = 10 * (n + Math.sqrt(bigN)) * kxx * EPS * AccurateSums.normFrobenius(mo.sigmaYY());
            double err = 0;
            for (int c = 0; c < m; c++) {
                for (int e = 0; e < m; e++) {
                    double[] rc = new double[bigN];
                    double[] re = new double[bigN];
                    for (int j = 0; j < bigN; j++) {
                        rc[j] = r[j][c];
                        re[j] = r[j][e];
                    }
                    err = Math.max(err, Math.abs(cov[c][e] - AccurateSums.dot(rc, re) / bigN));
                    assertThat(cov[c][e]).as("LOGIT-P2 symmetry of Sigma_y|x").isEqualTo(cov[e][c]);
                }
            }
            within("LOGIT-P2", "Schur complement vs R^T R/N on " + d, err, bound);
            double minEig = DenseLinearAlgebra.symmetricEigen(cov, "cov").values()[0];
            within("LOGIT-P2", "negative eigenvalue of Sigma_y|x", -minEig, bound);
            double colBound = 10 * (n + m) * regressionConditioning(x) * EPS * regressionScale(f, x);
            for (int c = 0; c < m; c++) {
                GaussianRegression.Fit single = subject.regressionFit(x, LogitAssert.column(yy, c));
                double e = Math.abs(single.bias()[0] - f.bias()[c]);
                for (int a = 0; a < n; a++) {
                    e = Math.max(e, Math.abs(single.weights()[a][0] - w[a][c]));
                }
                within("LOGIT-P2", "column " + c + " vs single-output fit", e, colBound);
            }
        });
    }

    @Property
    @Tag("LOGIT-P3")
    @DisplayName("LOGIT-P3: log-odds identity F6: softplus(t) - softplus(-t) = t = x w^T + b")
    void logOddsIsTheLogit() {
        qt().forAll(LogitGens.logits()).checkAssert(t -> close("LOGIT-P3", "log-odds at t=" + t, t,
                subject.logOdds(t), 4 * EPS * Math.max(1, Math.abs(t))));
    }

    @Property
    @Tag("LOGIT-P4")
    @DisplayName("LOGIT-P4: the F10 logit equals ln N(x; mu1, Sigma) - ln N(x; mu0, Sigma) + ln(p1/p0) by F8 (quadratic terms cancel)")
    void quadraticTermsCancel() {
        qt().forAll(LogitGens.parameters(new int[]{2})).checkAssert(p -> {
            double[][] mu = p.means();
            double p0 = p.priors()[0];
            double p1 = p.priors()[1];
            BinaryModel model = subject.binaryFromParameters(mu[0], mu[1], p.sigma(), p0, p1);
            double l1 = subject.logDensity(p.x(), mu[1], p.sigma());
            double l0 = subject.logDensity(p.x(), mu[0], p.sigma());
            double expected = (l1 - l0) + (Math.log(p1) - Math.log(p0));
            double k = kappa(p.sigma());
            double xw = AccurateSums.dot(p.x(), model.w());
            double bound = 100 * k * EPS * (Math.abs(l1) + Math.abs(l0) + Math.abs(xw) + Math.abs(model.b()) + 1);
            close("LOGIT-P4", "F10 logit vs F8 difference, " + p, expected, model.logit(p.x()), bound);
            close("LOGIT-P4", "F9 log-ratio vs F8 difference, " + p, expected,
                    subject.sharedCovarianceLogRatio(p.x(), mu[0], mu[1], p.sigma(), p0, p1), bound);
        });
    }

    @Property
    @Tag("LOGIT-P5")
    @DisplayName("LOGIT-P5: the article's bias of F10 (difference of quadratic forms) equals -w(mu0+mu1)^T/2 + ln(p1/p0)")
    void articleBiasEqualsStableBias() {
        qt().forAll(LogitGens.parameters(new int[]{2})).checkAssert(p -> {
            double[][] mu = p.means();
            double p0 = p.priors()[0];
            double p1 = p.priors()[1];
            BinaryModel model = subject.binaryFromParameters(mu[0], mu[1], p.sigma(), p0, p1);
            DenseLinearAlgebra.Cholesky c = DenseLinearAlgebra.cholesky(p.sigma(), "sigma");
            double q0 = AccurateSums.sumOfSquares(c.solveLower(mu[0]));
            double q1 = AccurateSums.sumOfSquares(c.solveLower(mu[1]));
            double article = 0.5 * (q0 - q1) + (Math.log(p1) - Math.log(p0));
            double bound = 100 * kappa(p.sigma()) * EPS * (q0 + q1 + 1);
            close("LOGIT-P5", "article bias vs stable bias, " + p, article, model.b(), bound);
        });
    }

    @Property
    @Tag("LOGIT-P6")
    @DisplayName("LOGIT-P6: pairwise identity F11 ln p(j|x) - ln p(i|x) = z_j - z_i for all i, j; probabilities sum to 1")
    void softmaxPairwiseIdentity() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int k = 2 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(5);
            double scale = Math.pow(10, 3 * rnd.nextDouble());
            if (scale > 300) {
                PropertyHarness.regime("logits>1e3");
            }
            double[][] w = new double[k][n];
            double[] b = new double[k];
            double[] x = new double[n];
            for (int i = 0; i < k; i++) {
                for (int a = 0; a < n; a++) {
                    w[i][a] = scale * LogitGens.gaussian(rnd);
                }
                b[i] = scale * LogitGens.gaussian(rnd);
            }
            for (int a = 0; a < n; a++) {
                x[a] = 3 * LogitGens.gaussian(rnd);
            }
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = AccurateSums.dot(x, w[i]) + b[i];
            }
            double[] p = subject.softmaxProbabilities(x, w, b);
            double[] lp = subject.logProbabilities(x, w, b);
            close("LOGIT-P6", "sum of probabilities (k=" + k + ", z=" + Arrays.toString(z) + ")", 1, AccurateSums.sum(p),
                    8 * k * EPS);
            double lse = maxAbs(z) + Math.log(k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    close("LOGIT-P6", "ln p(" + j + ") - ln p(" + i + ")", z[j] - z[i], lp[j] - lp[i],
                            8 * EPS * (Math.abs(z[i]) + Math.abs(z[j]) + 2 * lse));
                }
            }
        });
    }

    @Property
    @Tag("LOGIT-P7")
    @DisplayName("LOGIT-P7: k = 2: softmax F12 gives w1 - w0 = w, b1 - b0 = b of F10 and p(1|x) = sigma(x w^T + b)")
    void twoClassSoftmaxIsBinary() {
        qt(PropertyPolicy.examples(0.5)).forAll(LogitGens.binary()).checkAssert(d -> {
            BinaryModel bin = subject.fitBinary(d.X(), d.y());
            SoftmaxModel soft = subject.fitSoftmax(d.X(), d.y(), 2);
            double k = kappa(ClassStatistics.of(d.X(), d.y(), 2).pooledCovariance());
            double[][] w = soft.weights();
            double[] b = soft.bias();
            double[] dw = new double[d.n()];
            for (int a = 0; a < d.n(); a++) {
                dw[a] = w[1][a] - w[0][a];
            }
            within("LOGIT-P7", "w1 - w0 vs w on " + d, maxAbsDiff(dw, bin.w()),
                    100 * k * EPS * (maxAbs(w[0]) + maxAbs(w[1]) + maxAbs(bin.w())));
            close("LOGIT-P7", "b1 - b0 vs b on " + d, bin.b(), b[1] - b[0],
                    100 * k * EPS * (Math.abs(b[0]) + Math.abs(b[1]) + Math.abs(bin.b()) + 1));
            for (int j = 0; j < Math.min(5, d.size()); j++) {
                double[] x = d.X()[j];
                double t = bin.logit(x);
                double xw = AccurateSums.dot(x, bin.w());
                close("LOGIT-P7", "p(1|x) row " + j + " on " + d, 1 / (1 + Math.exp(-t)), soft.probabilities(x)[1],
                        100 * k * EPS * (1 + Math.abs(t) + Math.abs(xw) + Math.abs(bin.b())));
            }
        });
    }

    @Property
    @Tag("LOGIT-P8")
    @DisplayName("LOGIT-P8: adding the same (v, c) to every (w_i, b_i) leaves the probabilities unchanged")
    void commonShiftLeavesProbabilities() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int k = 2 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(6);
            double[][] w = new double[k][n];
            double[] b = new double[k];
            double[] x = new double[n];
            double[] v = new double[n];
            for (int a = 0; a < n; a++) {
                x[a] = 2 * LogitGens.gaussian(rnd);
                v[a] = Math.pow(10, 3 * rnd.nextDouble()) * LogitGens.gaussian(rnd) / Math.sqrt(n);
            }
            for (int i = 0; i < k; i++) {
                for (int a = 0; a < n; a++) {
                    w[i][a] = 3 * LogitGens.gaussian(rnd);
                }
                b[i] = 3 * LogitGens.gaussian(rnd);
            }
            // c includes the class-common -ln N that erratum E16 says may be dropped from every b_i.
            double c = rnd.nextBoolean() ? -Math.log(1 + rnd.nextInt(100000)) : 1e3 * LogitGens.gaussian(rnd);
            double[][] ws = new double[k][n];
            double[] bs = new double[k];
            for (int i = 0; i < k; i++) {
                for (int a = 0; a < n; a++) {
                    ws[i][a] = w[i][a] + v[a];
                }
                bs[i] = b[i] + c;
            }
            double[] lp = subject.logProbabilities(x, w, b);
            double[] lps = subject.logProbabilities(x, ws, bs);
            double zmax = 0;
            for (int i = 0; i < k; i++) {
                zmax = Math.max(zmax, Math.abs(AccurateSums.dot(x, w[i]) + b[i]));
            }
            double bound = 16 * EPS * (zmax + Math.abs(AccurateSums.dot(x, v)) + Math.abs(c) + 1);
            within("LOGIT-P8", "max |ln p - ln p_shifted| (k=" + k + ", c=" + c + ")", maxAbsDiff(lp, lps), bound);
        });
    }

    @Property
    @Tag("LOGIT-P9")
    @DisplayName("LOGIT-P9: F13 covariance identity: article form (1/N) = S_W/N = sum p_i S_i; with 1/(N-1) the difference is S_T/(N(N-1)); mu~ = sum p_i mu_i")
    void covarianceIdentity() {
        qt(PropertyPolicy.examples(0.5)).forAll(LogitGens.labelledWithoutOffset()).checkAssert(d -> {
            ClassStatistics s = subject.classStatistics(d.X(), d.y(), d.k());
            int n = d.n();
            int bigN = d.size();
            double[][] pooled = s.pooledCovariance();
            double[][] total = s.totalCovariance();
            double[] mu = s.totalMean();
            double[][] means = s.means();
            double[] p = s.priors();
            double meanScale = AccurateSums.sumOfSquares(mu);
            for (int i = 0; i < d.k(); i++) {
                meanScale = Math.max(meanScale, AccurateSums.sumOfSquares(means[i]));
            }
            // The cancelling terms are the second moments of the class means, which can exceed ||mu~||^2.
            double tol = 50 * n * EPS * (meanScale + AccurateSums.normFrobenius(total));
            double[][] article = articleForm(total, mu, means, p);
            within("LOGIT-P9", "article form vs S_W/N on " + d, maxAbsDiff(article, pooled), tol);
            within("LOGIT-P9", "sum p_i S_i vs S_W/N on " + d, maxAbsDiff(perClassPooled(d), pooled), tol);
            double[][] unbiasedTotal = new double[n][n];
            double[][] expectedOffset = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    unbiasedTotal[a][b] = total[a][b] * bigN / (bigN - 1);
                    expectedOffset[a][b] = total[a][b] / (bigN - 1);
                }
            }
            double[][] art1 = articleForm(unbiasedTotal, mu, means, p);
            double[][] diff = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    diff[a][b] = art1[a][b] - pooled[a][b];
                }
            }
            within("LOGIT-P9", "1/(N-1) offset vs S_T/(N(N-1))", maxAbsDiff(diff, expectedOffset), tol);
            double[] mix = new double[n];
            for (int i = 0; i < d.k(); i++) {
                for (int a = 0; a < n; a++) {
                    mix[a] += p[i] * means[i][a];
                }
            }
            within("LOGIT-P9", "mu~ vs sum p_i mu_i", maxAbsDiff(mix, mu), tol / Math.max(1, Math.sqrt(meanScale)) + 10 * EPS * Math.sqrt(meanScale));
        });
        // Erratum E4: at a feature offset of 1e8 the article's uncentered form loses every digit, the class-centered
        // scatter does not.
        double[][] x = {{0, 0}, {1, 0.5}, {-1, 0.2}, {2, 1}, {0.5, -1}, {1.5, 2}, {-0.5, 0.3}, {2.5, 1.2}};
        int[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        double[][] shifted = new double[x.length][2];
        for (int j = 0; j < x.length; j++) {
            shifted[j][0] = x[j][0] + 1e8;
            shifted[j][1] = x[j][1] + 1e8;
        }
        ClassStatistics s0 = subject.classStatistics(x, y, 2);
        ClassStatistics s8 = subject.classStatistics(shifted, y, 2);
        within("LOGIT-P9", "E4: centered scatter is offset-invariant", maxAbsDiff(s8.pooledCovariance(), s0.pooledCovariance()), 1e-7);
        double artErr = maxAbsDiff(articleForm(s8.totalCovariance(), s8.totalMean(), s8.means(), s8.priors()),
                s0.pooledCovariance());
        assertThat(artErr).as("LOGIT-P9 E4: the article's uncentered form at offset 1e8 cancels (error %s)", artErr)
                .isGreaterThan(1e-3);
    }

    @Property
    @Tag("LOGIT-P10")
    @DisplayName("LOGIT-P10: whitening F14: whitened data have mean 0 and 1/N covariance I; T^T Sigma~ T = I; I - sum p_i mu^_i^T mu^_i = S^_W/N; sum p_i mu^_i = 0")
    void whiteningWhitens() {
        qt(PropertyPolicy.examples(0.5)).forAll(LogitGens.labelled()).checkAssert(d -> {
            Whitener wh = subject.whiten(d.X(), CovariancePolicy.REJECT, DELTA, TAU);
            double[][] xh = wh.apply(d.X());
            int n = d.n();
            int bigN = d.size();
            double[] ev = wh.eigenvalues();
            double kap = Math.max(1, ev[0] / ev[ev.length - 1]);
            double[][] t = wh.transform();
            double tNorm1 = 0;
            for (int c = 0; c < t[0].length; c++) {
                double s = 0;
                for (double[] row : t) {
                    s += Math.abs(row[c]);
                }
                tNorm1 = Math.max(tNorm1, s);
            }
            double meanBound = 10 * bigN * EPS * (maxAbs(xh) + maxAbs(d.X()) * tNorm1);
            double[] colMean = new double[n];
            double[][] cols = new double[n][bigN];
            for (int a = 0; a < n; a++) {
                for (int j = 0; j < bigN; j++) {
                    cols[a][j] = xh[j][a];
                }
                colMean[a] = AccurateSums.sum(cols[a]) / bigN;
            }
            within("LOGIT-P10", "column means of X^ on " + d, maxAbs(colMean), meanBound);
            double err = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double[] ca = new double[bigN];
                    double[] cb = new double[bigN];
                    for (int j = 0; j < bigN; j++) {
                        ca[j] = cols[a][j] - colMean[a];
                        cb[j] = cols[b][j] - colMean[b];
                    }
                    err = Math.max(err, Math.abs(AccurateSums.dot(ca, cb) / bigN - (a == b ? 1 : 0)));
                }
            }
            within("LOGIT-P10", "1/N covariance of X^ vs I on " + d, err, 10 * n * Math.sqrt(kap) * EPS);
            ClassStatistics raw = ClassStatistics.of(d.X(), d.y(), d.k());
            double[][] sig = raw.totalCovariance();
            double[][] tst = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(t), DenseLinearAlgebra.multiply(sig, t));
            within("LOGIT-P10", "T^T Sigma~ T vs I", maxAbsDiff(tst, DenseLinearAlgebra.identity(n)), 10 * n * kap * EPS);
            ClassStatistics s = subject.classStatistics(xh, d.y(), d.k());
            double[][] mh = s.means();
            double[] p = s.priors();
            double[][] form = DenseLinearAlgebra.identity(n);
            double[] mix = new double[n];
            for (int i = 0; i < d.k(); i++) {
                for (int a = 0; a < n; a++) {
                    mix[a] += p[i] * mh[i][a];
                    for (int b = 0; b < n; b++) {
                        form[a][b] -= p[i] * mh[i][a] * mh[i][b];
                    }
                }
            }
            within("LOGIT-P10", "I - sum p mu^T mu vs S^_W/N", maxAbsDiff(form, s.pooledCovariance()), 100 * n * Math.sqrt(kap) * EPS);
            within("LOGIT-P10", "sum p_i mu^_i", maxAbs(mix), meanBound + 10 * n * EPS);
        });
    }

    @Property
    @Tag("LOGIT-P11")
    @DisplayName("LOGIT-P11: whitening / affine invariance F15: probabilities from PCA, ZCA, Cholesky whitening or any affine map equal the direct ones; binary mapped-back (w, b) equal; softmax mapped-back parameters differ by the common shift")
    void whiteningInvariance() {
        qt(PropertyPolicy.examples(0.2)).forAll(LogitGens.labelled()).checkAssert(d -> {
            double[][] x = d.X();
            int[] y = d.y();
            int n = d.n();
            int k = d.k();
            ClassStatistics raw = ClassStatistics.of(x, y, k);
            // The spec's bound names kappa(Sigma~) only; the solves with the pooled Sigma (direct) and with
            // Sigma^ = T^T Sigma T (whitened) contribute kappa(Sigma) as well, so the larger of the two is used.
            double kapT = Math.max(kappa(raw.totalCovariance()), kappa(raw.pooledCovariance()));
            SoftmaxModel direct = subject.fitSoftmax(x, y, k);
            SoftmaxModel pca = subject.fitSoftmaxWhitened(x, y, k, CovariancePolicy.REJECT, DELTA, TAU);
            double zScale = 1 + maxAbs(direct.bias());
            for (int j = 0; j < Math.min(4, x.length); j++) {
                zScale = Math.max(zScale, 1 + maxAbs(direct.logits(x[j])) + maxAbs(direct.bias()));
            }
            double bound = 1e3 * kapT * EPS * zScale;
            compareLogProbabilities("PCA", direct, pca, x, x, bound, d);
            // mapped-back softmax parameters: w_i^raw - w_i = -c Sigma^-1, b_i^raw - b_i = c Sigma^-1 c^T / 2
            DenseLinearAlgebra.Cholesky chol = DenseLinearAlgebra.cholesky(raw.pooledCovariance(), "S");
            double[] c = raw.totalMean();
            double[] shiftW = chol.solve(c);
            double shiftB = 0.5 * AccurateSums.sumOfSquares(chol.solveLower(c));
            double[][] wd = direct.weights();
            double[][] wp = pca.weights();
            double wScale = 1 + maxAbs(wd) + maxAbs(shiftW);
            for (int i = 0; i < k; i++) {
                double[] diff = new double[n];
                for (int a = 0; a < n; a++) {
                    diff[a] = wp[i][a] - wd[i][a] + shiftW[a];
                }
                within("LOGIT-P11", "softmax mapped-back weight shift, class " + i + " on " + d, maxAbs(diff),
                        1e3 * kapT * EPS * wScale);
                close("LOGIT-P11", "softmax mapped-back bias shift, class " + i + " on " + d,
                        direct.bias()[i] + shiftB, pca.bias()[i], 1e3 * kapT * EPS * (zScale + shiftB));
            }
            // ZCA and Cholesky whitening, then an arbitrary affine map with kappa(A) <= 1e3, ||c|| <= 1e3
            Whitener wh = subject.whiten(x, CovariancePolicy.REJECT, DELTA, TAU);
            double[][] u = wh.transform();
            double[] ev = wh.eigenvalues();
            double[][] zca = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int q = 0; q < n; q++) {
                        s += u[a][q] * Math.sqrt(ev[q]) * u[b][q] * Math.sqrt(ev[q]) / Math.sqrt(ev[q]);
                    }
                    zca[a][b] = s;
                }
            }
            checkAffine("ZCA", d, direct, zca, raw.totalMean(), 1, bound);
            double[][] lower = DenseLinearAlgebra.cholesky(raw.totalCovariance(), "S~").lower();
            double[][] cholT = DenseLinearAlgebra.transpose(LogitAssert.solve(lower, DenseLinearAlgebra.identity(n)));
            checkAffine("Cholesky", d, direct, cholT, raw.totalMean(), 1, bound);
            SplittableRandom rnd = new SplittableRandom(x.length * 31L + n);
            double kapA = Math.pow(10, 3 * rnd.nextDouble());
            double kapS = kappa(raw.pooledCovariance());
            kapA = Math.max(1, Math.min(kapA, Math.sqrt(1e10 / kapS)));
            double[][] a1 = LogitGens.orthogonal(n, rnd);
            double[][] a2 = LogitGens.orthogonal(n, rnd);
            double[][] amat = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int q = 0; q < n; q++) {
                        s += a1[a][q] * Math.pow(kapA, -(n == 1 ? 0 : (double) q / (n - 1))) * a2[b][q];
                    }
                    amat[a][b] = s;
                }
            }
            double[] shift = new double[n];
            for (int a = 0; a < n; a++) {
                shift[a] = 1e3 * LogitGens.gaussian(rnd) / Math.sqrt(n);
            }
            checkAffine("affine", d, direct, amat, shift, kapA, bound * kapA);
            if (k == 2) {
                BinaryModel b0 = subject.fitBinary(x, y);
                BinaryModel b1 = subject.fitBinaryWhitened(x, y, CovariancePolicy.REJECT, DELTA, TAU);
                within("LOGIT-P11", "binary mapped-back w on " + d, maxAbsDiff(b0.w(), b1.w()), 1e3 * kapT * EPS * (1 + maxAbs(b0.w())));
                close("LOGIT-P11", "binary mapped-back b on " + d, b0.b(), b1.b(), bound);
            }
        });
    }

    @Property
    @Tag("LOGIT-P12")
    @DisplayName("LOGIT-P12: Bayes optimality: with true parameters the F12 posterior equals the Bayes posterior; the true-parameter rule attains the F18 accuracy on data from the model")
    void analyticSolutionIsBayesOptimal() {
        qt().forAll(LogitGens.parameters(LogitGens.CLASSES)).checkAssert(p -> {
            SoftmaxModel m = subject.softmaxFromParameters(p.means(), p.sigma(), p.priors());
            int k = p.means().length;
            double[] z = new double[k];
            double maxLog = 0;
            for (int i = 0; i < k; i++) {
                double ln = subject.logDensity(p.x(), p.means()[i], p.sigma());
                maxLog = Math.max(maxLog, Math.abs(ln));
                z[i] = ln + Math.log(p.priors()[i]);
            }
            double zmax = Arrays.stream(z).max().orElseThrow();
            double s = 0;
            for (double v : z) {
                s += Math.exp(v - zmax);
            }
            double lse = zmax + Math.log(s);
            double[] lp = m.logProbabilities(p.x());
            double bound = 100 * kappa(p.sigma()) * EPS * (1 + maxLog);
            for (int i = 0; i < k; i++) {
                close("LOGIT-P12", "ln p(" + i + "|x) vs Bayes posterior, " + p, z[i] - lse, lp[i], bound);
            }
        });
        // Monte Carlo (config C1): M = 2e5 draws from the model, bound 5 standard errors of a proportion.
        double[][] sigma = SyntheticClasses.ar1(4, 0.5);
        double[] mu0 = {0, 0, 0, 0};
        double[] mu1 = {1, -0.5, 0.5, 1};
        double p1 = 0.4;
        SyntheticClasses.Design c1 = new SyntheticClasses.Design(new double[][]{mu0, mu1}, new double[][][]{sigma, sigma},
                new double[]{0.6, 0.4}, true);
        int bigM = 200_000;
        SyntheticClasses.Dataset data = c1.sample(bigM, SyntheticClasses.random(PropertyHarness.seed()));
        BinaryModel rule = subject.binaryFromParameters(mu0, mu1, sigma, 0.6, p1);
        double acc = (double) rule.correct(data.X(), data.y()) / bigM;
        double a = subject.bayesAccuracy(mu0, mu1, sigma, p1);
        close("LOGIT-P12", "Monte-Carlo accuracy of the true rule vs F18 (C1, M=2e5, 5 SE)", a, acc,
                5 * Math.sqrt(a * (1 - a) / bigM));
    }

    @Property
    @Tag("LOGIT-P13")
    @DisplayName("LOGIT-P13: consistency (C1): d H d^T <= chi2_{n+1}(1-1e-6) = 35.888 for d = theta_A - theta_MLE, N in {1e3, 1e4, 1e5}")
    void analyticAndMleAreConsistent() {
        double[][] sigma = SyntheticClasses.ar1(4, 0.5);
        SyntheticClasses.Design c1 = new SyntheticClasses.Design(
                new double[][]{{0, 0, 0, 0}, {1, -0.5, 0.5, 1}}, new double[][][]{sigma, sigma}, new double[]{0.6, 0.4}, true);
        qt(3).forAll(longs().all()).checkAssert(seed -> {
            for (int bigN : new int[]{1000, 10000}) {
                checkConsistency(c1, bigN, seed);
            }
        });
        checkConsistency(c1, 100_000, PropertyHarness.seed());
    }

    @Property
    @Tag("LOGIT-P14")
    @DisplayName("LOGIT-P14: the QDA log-ratio has second difference -v(Sigma1^-1 - Sigma0^-1)v^T, zero for all v iff Sigma1 = Sigma0")
    void equalCovarianceIsNecessaryForLinearLogOdds() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = LogitGens.DIMENSIONS[rnd.nextInt(LogitGens.DIMENSIONS.length)];
            double[][] s0 = LogitGens.spd(n, Math.pow(10, 6 * rnd.nextDouble()), rnd);
            boolean equal = rnd.nextInt(3) == 0;
            PropertyHarness.regime(equal ? "equal-covariances" : "unequal-covariances");
            double[][] s1 = s0;
            if (!equal) {
                // a random SPD matrix times a factor away from 1 (for n = 1 the factor is the only difference)
                double factor = Math.pow(10, 0.2 + 0.8 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : 0.01);
                s1 = LogitGens.spd(n, Math.pow(10, 6 * rnd.nextDouble()), rnd);
                for (double[] row : s1) {
                    for (int a = 0; a < n; a++) {
                        row[a] *= factor;
                    }
                }
            }
            double[] mu0 = new double[n];
            double[] mu1 = new double[n];
            double[] x = new double[n];
            double[] v = new double[n];
            for (int a = 0; a < n; a++) {
                mu0[a] = LogitGens.gaussian(rnd);
                mu1[a] = LogitGens.gaussian(rnd);
                x[a] = 2 * LogitGens.gaussian(rnd);
                v[a] = LogitGens.gaussian(rnd);
            }
            double p1 = 0.05 + 0.9 * rnd.nextDouble();
            double p0 = 1 - p1;
            double kap = Math.max(kappa(s0), kappa(s1));
            double[][] dInv = new double[n][n];
            double[][] i0 = LogitAssert.solve(s0, DenseLinearAlgebra.identity(n));
            double[][] i1 = LogitAssert.solve(s1, DenseLinearAlgebra.identity(n));
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    dInv[a][b] = 0.5 * (i1[a][b] + i1[b][a]) - 0.5 * (i0[a][b] + i0[b][a]);
                }
            }
            checkSecondDifference(x, v, mu0, s0, mu1, s1, p0, p1, dInv, kap, equal);
            if (!equal) {
                // iff: the direction of the largest |eigenvalue| of Sigma1^-1 - Sigma0^-1 shows a nonzero curvature
                DenseLinearAlgebra.SymmetricEigen eig = DenseLinearAlgebra.symmetricEigen(dInv, "D");
                double[] vals = eig.values();
                int arg = Math.abs(vals[0]) > Math.abs(vals[n - 1]) ? 0 : n - 1;
                double[] dir = new double[n];
                double scale = 1 / Math.sqrt(Math.abs(vals[arg]));
                for (int a = 0; a < n; a++) {
                    dir[a] = eig.vectors()[a][arg] * scale;
                }
                double r2 = secondDifference(x, dir, mu0, s0, mu1, s1, p0, p1);
                assertThat(Math.abs(r2)).as("LOGIT-P14: curvature along the eigen-direction of Sigma1^-1 - Sigma0^-1")
                        .isGreaterThan(0.5);
            }
        });
    }

    @Property
    @Tag("LOGIT-P15")
    @DisplayName("LOGIT-P15: permuting samples changes nothing beyond rounding; relabeling classes permutes (w_i, b_i) and probability columns")
    void metamorphicPermutations() {
        qt(PropertyPolicy.examples(0.5)).forAll(LogitGens.labelled()).checkAssert(d -> {
            double[][] x = d.X();
            int[] y = d.y();
            int bigN = d.size();
            int k = d.k();
            SplittableRandom rnd = new SplittableRandom(bigN * 7919L + k);
            int[] perm = shuffle(bigN, rnd);
            double[][] xp = new double[bigN][];
            int[] yp = new int[bigN];
            for (int j = 0; j < bigN; j++) {
                xp[j] = x[perm[j]];
                yp[j] = y[perm[j]];
            }
            SoftmaxModel m = subject.fitSoftmax(x, y, k);
            SoftmaxModel mp = subject.fitSoftmax(xp, yp, k);
            double kap = kappa(ClassStatistics.of(x, y, k).pooledCovariance());
            double wTol = 10 * bigN * kap * EPS * Math.max(1, maxAbs(m.weights()));
            within("LOGIT-P15", "weights after row permutation on " + d, maxAbsDiff(m.weights(), mp.weights()), wTol);
            within("LOGIT-P15", "biases after row permutation on " + d, maxAbsDiff(m.bias(), mp.bias()),
                    10 * bigN * kap * EPS * Math.max(1, maxAbs(m.bias())));
            int[] relabel = shuffle(k, rnd);
            int[] yr = new int[bigN];
            for (int j = 0; j < bigN; j++) {
                yr[j] = relabel[y[j]];
            }
            SoftmaxModel mr = subject.fitSoftmax(x, yr, k);
            for (int i = 0; i < k; i++) {
                within("LOGIT-P15", "relabeled weights of class " + i, maxAbsDiff(m.weights()[i], mr.weights()[relabel[i]]), wTol);
            }
            for (int j = 0; j < Math.min(4, bigN); j++) {
                double[] z = m.logits(x[j]);
                double[] zr = mr.logits(x[j]);
                double[] zp = mp.logits(x[j]);
                double tol = 10 * bigN * kap * EPS * Math.max(1, maxAbs(z));
                within("LOGIT-P15", "logits after row permutation, row " + j, maxAbsDiff(z, zp), tol);
                double[] pz = m.probabilities(x[j]);
                double[] pr = mr.probabilities(x[j]);
                for (int i = 0; i < k; i++) {
                    close("LOGIT-P15", "relabeled logit column " + i + ", row " + j, z[i], zr[relabel[i]], tol);
                    close("LOGIT-P15", "relabeled probability column " + i + ", row " + j, pz[i], pr[relabel[i]], tol);
                }
            }
        });
    }

    @Property
    @Tag("LOGIT-P16")
    @DisplayName("LOGIT-P16: conditioning F16: rank-deficient Sigma makes REJECT throw; RIDGE gives finite probabilities moving by O(delta kappa); DROP with a constant feature equals the fit without it")
    void conditioningPolicy() {
        qt(PropertyPolicy.examples(0.2)).forAll(LogitGens.labelled()).checkAssert(d -> {
            double[][] x = d.X();
            int[] y = d.y();
            int n = d.n();
            int k = d.k();
            int bigN = d.size();
            double[][] dup = new double[bigN][n + 1];
            double[][] determined = new double[bigN][n + 1];
            double[][] constant = new double[bigN][n + 1];
            for (int j = 0; j < bigN; j++) {
                System.arraycopy(x[j], 0, dup[j], 0, n);
                System.arraycopy(x[j], 0, determined[j], 0, n);
                System.arraycopy(x[j], 0, constant[j], 0, n);
                dup[j][n] = x[j][0];
                determined[j][n] = 3.0 * y[j] + 1;
                constant[j][n] = 7.25;
            }
            for (double[][] bad : new double[][][]{dup, determined}) {
                assertThatThrownBy(() -> subject.fitSoftmax(bad, y, k))
                        .as("LOGIT-P16: REJECT on a rank-deficient pooled covariance")
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sigma");
                SoftmaxModel ridged = subject.fitSoftmax(bad, y, k, CovariancePolicy.RIDGE, 1e-6, TAU);
                for (double v : ridged.probabilities(bad[0])) {
                    assertThat(Double.isFinite(v)).as("LOGIT-P16: RIDGE probabilities are finite").isTrue();
                }
            }
            // N - k < n: keep one row per class plus rows up to N' = n + k - 1 (pooled rank <= N' - k < n+1 features)
            int[] keep = fewRows(y, k, dup[0].length + k - 1);
            if (keep != null) {
                double[][] xs = new double[keep.length][];
                int[] ys = new int[keep.length];
                for (int j = 0; j < keep.length; j++) {
                    xs[j] = dup[keep[j]];
                    ys[j] = y[keep[j]];
                }
                assertThatThrownBy(() -> subject.fitSoftmax(xs, ys, k)).as("LOGIT-P16: REJECT when N - k < n")
                        .isInstanceOf(IllegalArgumentException.class);
            }
            // RIDGE on well-conditioned data: |p_delta - p| <= C delta kappa, and -> 0 with slope ~ 1
            SoftmaxModel plain = subject.fitSoftmax(x, y, k);
            double kap = kappa(ClassStatistics.of(x, y, k).pooledCovariance());
            double zs = 1;
            for (int j = 0; j < Math.min(4, bigN); j++) {
                zs = Math.max(zs, 1 + maxAbs(plain.logits(x[j])));
            }
            double[] diffs = new double[3];
            double[] deltas = {1e-4, 1e-6, 1e-8};
            for (int q = 0; q < 3; q++) {
                SoftmaxModel r = subject.fitSoftmax(x, y, k, CovariancePolicy.RIDGE, deltas[q], TAU);
                for (int j = 0; j < Math.min(4, bigN); j++) {
                    diffs[q] = Math.max(diffs[q], maxAbsDiff(r.probabilities(x[j]), plain.probabilities(x[j])));
                }
                within("LOGIT-P16", "|p_delta - p| at delta=" + deltas[q] + " on " + d, diffs[q],
                        10 * deltas[q] * kap * zs + 1e3 * kap * EPS * zs);
            }
            if (diffs[0] > 1e-9 && diffs[1] > 1e4 * kap * EPS * zs) {
                double slope = Math.log10(diffs[0] / diffs[1]) / 2;
                assertThat(slope).as("LOGIT-P16: log-log slope of |p_delta - p| (diffs %s)", Arrays.toString(diffs))
                        .isBetween(0.7, 1.3);
            }
            // DROP with a constant feature equals the fit without that feature
            SoftmaxModel dropped = subject.fitSoftmaxWhitened(constant, y, k, CovariancePolicy.DROP, DELTA, TAU);
            double kapT = Math.max(kap, kappa(ClassStatistics.of(x, y, k).totalCovariance()));
            for (int j = 0; j < Math.min(4, bigN); j++) {
                double[] lpA = dropped.logProbabilities(constant[j]);
                double[] lpB = plain.logProbabilities(x[j]);
                within("LOGIT-P16", "DROP with a constant feature vs fit without it, row " + j + " on " + d,
                        maxAbsDiff(lpA, lpB), 1e3 * kapT * EPS * (zs + maxAbs(plain.bias())));
            }
        });
    }

    @Property
    @Tag("LOGIT-P17")
    @DisplayName("LOGIT-P17: a class with zero samples throws; one-sample classes are accepted and contribute zero scatter")
    void emptyClassesThrowAndSingletonsAddNoScatter() {
        qt(PropertyPolicy.examples(0.5)).forAll(LogitGens.labelled()).checkAssert(d -> {
            int k = d.k();
            assertThatThrownBy(() -> subject.fitSoftmax(d.X(), d.y(), k + 1)).as("LOGIT-P17: empty class")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class " + k + " has no samples");
            assertThatThrownBy(() -> subject.classStatistics(d.X(), d.y(), k + 1)).as("LOGIT-P17: empty class (F13)")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no samples");
            int bigN = d.size();
            double[][] x1 = Arrays.copyOf(d.X(), bigN + 1);
            int[] y1 = Arrays.copyOf(d.y(), bigN + 1);
            x1[bigN] = d.X()[0].clone();
            for (int a = 0; a < d.n(); a++) {
                x1[bigN][a] += 1.5;
            }
            y1[bigN] = k;
            ClassStatistics s = subject.classStatistics(d.X(), d.y(), k);
            ClassStatistics s1 = subject.classStatistics(x1, y1, k + 1);
            assertThat(s1.counts()[k]).as("LOGIT-P17 singleton count").isEqualTo(1);
            double[][] a = s.pooledCovariance();
            double[][] b = s1.pooledCovariance();
            double err = 0;
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < a.length; c++) {
                    err = Math.max(err, Math.abs(b[r][c] * (bigN + 1) - a[r][c] * bigN));
                }
            }
            within("LOGIT-P17", "S_W with a singleton class vs without it on " + d, err,
                    10 * bigN * EPS * maxAbs(a) * bigN);
        });
    }

    @Property
    @Tag("LOGIT-P18")
    @DisplayName("LOGIT-P18: MLE comparator: ||g||_inf <= 1e-10 max(1,N) at return; Newton equals a literal IRLS loop; softmax k = 2 with lambda equals binary with lambda/2")
    void mleComparatorIsOptimal() {
        qt(PropertyPolicy.examples(0.25)).forAll(LogitGens.mleData()).checkAssert(d -> {
            double lambda = 1e-4;
            double[][] x = d.X();
            int[] y = d.y();
            int bigN = d.size();
            if (d.k() == 2) {
                LogisticMle.BinaryFit f = subject.mleBinary(x, y, lambda);
                double[] g = independentGradient(x, y, f.w(), f.b(), lambda);
                within("LOGIT-P18", "||g||_inf at return on " + d, maxAbs(g), 2e-10 * Math.max(1, bigN));
                double[] irls = literalIrls(x, y, lambda);
                double[] theta = Arrays.copyOf(f.w(), d.n() + 1);
                theta[d.n()] = f.b();
                within("LOGIT-P18", "Newton vs literal IRLS on " + d, maxAbsDiff(theta, irls), 1e-8 * Math.max(1, maxAbs(theta)));
                LogisticMle.SoftmaxFit s = subject.mleSoftmax(x, y, 2, 2 * lambda);
                double[][] w = s.weights();
                double[] dw = new double[d.n()];
                for (int a = 0; a < d.n(); a++) {
                    dw[a] = w[1][a] - w[0][a];
                }
                within("LOGIT-P18", "softmax(k=2, 2 lambda) w1 - w0 vs binary(lambda) w", maxAbsDiff(dw, f.w()),
                        1e-8 * Math.max(1, maxAbs(f.w())));
                close("LOGIT-P18", "softmax(k=2) b1 - b0 vs binary b", f.b(), s.bias()[1] - s.bias()[0],
                        1e-8 * Math.max(1, Math.abs(f.b())));
            } else {
                LogisticMle.SoftmaxFit s = subject.mleSoftmax(x, y, d.k(), lambda);
                assertThat(s.gradientNorm()).as("LOGIT-P18 softmax gradient at return").isLessThanOrEqualTo(1e-10 * bigN);
                double[] g = independentSoftmaxGradient(x, y, d.k(), s.weights(), s.bias(), lambda);
                within("LOGIT-P18", "softmax ||g||_inf (free parameters) on " + d, maxAbs(g), 2e-10 * Math.max(1, bigN));
            }
        });
        // Erratum E13: for a confident sample the textbook weight pi(1-pi) is 0 in double and the working response
        // (y - pi)/(pi(1-pi)) is not finite, while sigma(t) sigma(-t) stays positive.
        double piConfident = 1 / (1 + Math.exp(-40.0));
        assertThat(piConfident * (1 - piConfident)).as("LOGIT-P18 E13: pi(1-pi) underflows").isEqualTo(0.0);
        assertThat(Double.isFinite((0 - piConfident) / (piConfident * (1 - piConfident)))).isFalse();
        assertThat(1 / (1 + Math.exp(40.0)) * piConfident).as("LOGIT-P18 E13: sigma(t) sigma(-t)").isPositive();
        // Erratum E12: on separable data the unpenalized MLE does not exist; lambda > 0 converges with 100% accuracy.
        double[][] sep = {{-2}, {-1.5}, {-1}, {-0.5}, {0.5}, {1}, {1.5}, {2}};
        int[] ys = {0, 0, 0, 0, 1, 1, 1, 1};
        assertThatThrownBy(() -> subject.mleBinary(sep, ys, 0)).as("LOGIT-P18 E12: lambda = 0 on separable data")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separable");
        LogisticMle.BinaryFit f = subject.mleBinary(sep, ys, 1e-4);
        assertThat(f.model().correct(sep, ys)).as("LOGIT-P18 E12: penalized fit separates").isEqualTo(8);
    }

    @Property
    @Tag("LOGIT-P19")
    @DisplayName("LOGIT-P19: regression metamorphic: (X A + c, Y) gives W' = A^-1 W, b' = b - c A^-1 W and identical fitted values")
    void regressionIsAffineEquivariant() {
        qt(PropertyPolicy.examples(0.25)).forAll(LogitGens.regression()).checkAssert(d -> {
            double[][] x = d.X();
            int n = x[0].length;
            SplittableRandom rnd = new SplittableRandom(x.length * 131L + n);
            double kapA = Math.pow(10, 3 * rnd.nextDouble());
            double[][] q1 = LogitGens.orthogonal(n, rnd);
            double[][] q2 = LogitGens.orthogonal(n, rnd);
            double[][] a = new double[n][n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double s = 0;
                    for (int q = 0; q < n; q++) {
                        s += q1[r][q] * Math.pow(kapA, -(n == 1 ? 0 : (double) q / (n - 1))) * q2[c][q];
                    }
                    a[r][c] = s;
                }
            }
            double[] shift = new double[n];
            for (int c = 0; c < n; c++) {
                shift[c] = 1e3 * LogitGens.gaussian(rnd) / Math.sqrt(n);
            }
            double[][] xa = new double[x.length][];
            for (int j = 0; j < x.length; j++) {
                xa[j] = LogitAssert.times(x[j], a);
                for (int c = 0; c < n; c++) {
                    xa[j][c] += shift[c];
                }
            }
            GaussianRegression.Fit f = subject.regressionFit(x, d.Y());
            GaussianRegression.Fit g = subject.regressionFit(xa, d.Y());
            double[][] wExp = LogitAssert.solve(a, f.weights());
            double[] bExp = f.bias();
            double[] cw = LogitAssert.times(shift, wExp);
            for (int c = 0; c < bExp.length; c++) {
                bExp[c] -= cw[c];
            }
            double kk = Math.max(regressionConditioning(x), regressionConditioning(xa));
            double scale = Math.max(regressionScale(f, x), regressionScale(g, xa));
            double bound = 1e3 * kapA * kk * EPS * scale;
            within("LOGIT-P19", "W' vs A^-1 W on " + d, maxAbsDiff(g.weights(), wExp), bound);
            within("LOGIT-P19", "b' vs b - c A^-1 W on " + d, maxAbsDiff(g.bias(), bExp), bound);
            for (int j = 0; j < Math.min(5, x.length); j++) {
                within("LOGIT-P19", "fitted values, row " + j, maxAbsDiff(f.predict(x[j]), g.predict(xa[j])), bound);
            }
        });
    }

    @Property
    @Tag("LOGIT-P20")
    @DisplayName("LOGIT-P20: the F22 generator matches its design: class frequencies, means and covariances within 6 SE on 1e5 samples; binary Mahalanobis distance = Delta")
    void generatorMatchesDesign() {
        qt(4).forAll(longs().all()).checkAssert(seed -> {
            boolean unequal = (seed & 1) == 0;
            int k = (seed & 2) == 0 ? 2 : 3;
            int n = 3;
            double[] priors = k == 2 ? new double[]{0.7, 0.3} : new double[]{0.5, 0.3, 0.2};
            SyntheticClasses.Kind kind = unequal ? SyntheticClasses.Kind.UNEQUAL : SyntheticClasses.Kind.SHARED;
            PropertyHarness.regime(kind + "/k=" + k);
            int bigN = 100_000;
            SyntheticClasses.Dataset data = subject.generate(kind, n, k, 0.5, 0.8, priors, 2.5, bigN, seed);
            SyntheticClasses.Design design = SyntheticClasses.design(kind, n, k, 0.5, 0.8, priors, 2.5,
                    SyntheticClasses.random(seed));
            if (k == 2) {
                DenseLinearAlgebra.Cholesky c = DenseLinearAlgebra.cholesky(SyntheticClasses.ar1(n, 0.5), "S");
                double[] diff = new double[n];
                for (int a = 0; a < n; a++) {
                    diff[a] = design.means()[1][a] - design.means()[0][a];
                }
                close("LOGIT-P20", "Mahalanobis distance of the binary design", 2.5,
                        AccurateSums.norm2(c.solveLower(diff)), 1e-12);
            }
            double[][] x = data.X();
            int[] y = data.y();
            for (int i = 0; i < k; i++) {
                int ni = 0;
                double[] sum = new double[n];
                for (int j = 0; j < bigN; j++) {
                    if (y[j] == i) {
                        ni++;
                        for (int a = 0; a < n; a++) {
                            sum[a] += x[j][a];
                        }
                    }
                }
                double pi = priors[i];
                close("LOGIT-P20", "frequency of class " + i, pi, (double) ni / bigN, 6 * Math.sqrt(pi * (1 - pi) / bigN));
                double[][] cov = design.covariances()[i];
                double[] mean = new double[n];
                for (int a = 0; a < n; a++) {
                    mean[a] = sum[a] / ni;
                    close("LOGIT-P20", "mean[" + a + "] of class " + i, design.means()[i][a], mean[a],
                            6 * Math.sqrt(cov[a][a] / ni));
                }
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        double s = 0;
                        for (int j = 0; j < bigN; j++) {
                            if (y[j] == i) {
                                s += (x[j][a] - mean[a]) * (x[j][b] - mean[b]);
                            }
                        }
                        close("LOGIT-P20", "cov[" + a + "][" + b + "] of class " + i, cov[a][b], s / ni,
                                6 * Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] * cov[a][b]) / ni));
                    }
                }
            }
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void checkConsistency(SyntheticClasses.Design c1, int bigN, long seed) {
        SyntheticClasses.Dataset data = c1.sample(bigN, SyntheticClasses.random(seed));
        BinaryModel a = subject.fitBinary(data.X(), data.y());
        LogisticMle.BinaryFit m = subject.mleBinary(data.X(), data.y(), 0);
        double[][] h = LogisticMle.binaryHessian(data.X(), m.w(), m.b(), 0);
        double[] d = new double[5];
        for (int q = 0; q < 4; q++) {
            d[q] = a.w()[q] - m.w()[q];
        }
        d[4] = a.b() - m.b();
        double stat = AccurateSums.dot(d, DenseLinearAlgebra.multiply(h, d));
        assertThat(stat).as("LOGIT-P13: d H d^T at N=%d (seed %d)", bigN, seed).isLessThanOrEqualTo(35.888);
    }

    private double secondDifference(double[] x, double[] v, double[] mu0, double[][] s0, double[] mu1, double[][] s1,
                                    double p0, double p1) {
        int n = x.length;
        double[] xp = new double[n];
        double[] xm = new double[n];
        for (int a = 0; a < n; a++) {
            xp[a] = x[a] + v[a];
            xm[a] = x[a] - v[a];
        }
        return subject.quadraticLogRatio(xp, mu0, s0, mu1, s1, p0, p1) + subject.quadraticLogRatio(xm, mu0, s0, mu1, s1, p0, p1)
                - 2 * subject.quadraticLogRatio(x, mu0, s0, mu1, s1, p0, p1);
    }

    private void checkSecondDifference(double[] x, double[] v, double[] mu0, double[][] s0, double[] mu1, double[][] s1,
                                       double p0, double p1, double[][] dInv, double kap, boolean equal) {
        int n = x.length;
        double r2 = secondDifference(x, v, mu0, s0, mu1, s1, p0, p1);
        double expected = equal ? 0 : -AccurateSums.dot(v, DenseLinearAlgebra.multiply(dInv, v));
        double[] xp = new double[n];
        double[] xm = new double[n];
        for (int a = 0; a < n; a++) {
            xp[a] = x[a] + v[a];
            xm[a] = x[a] - v[a];
        }
        double s = 0;
        double[][] pts = {xp, xm, x};
        double[] wts = {1, 1, 2};
        for (int q = 0; q < 3; q++) {
            s += wts[q] * (Math.abs(subject.logDensity(pts[q], mu1, s1)) + Math.abs(subject.logDensity(pts[q], mu0, s0)));
        }
        close("LOGIT-P14", "second difference of the QDA log-ratio (n=" + n + ", equal=" + equal + ")", expected, r2,
                100 * kap * EPS * (s + 1));
    }

    private void compareLogProbabilities(String what, SoftmaxModel a, SoftmaxModel b, double[][] xa, double[][] xb,
                                         double bound, LogitGens.LabelledData d) {
        for (int j = 0; j < Math.min(4, xa.length); j++) {
            within("LOGIT-P11", what + ": log-probabilities, row " + j + " on " + d,
                    maxAbsDiff(a.logProbabilities(xa[j]), b.logProbabilities(xb[j])), bound);
        }
    }

    private void checkAffine(String what, LogitGens.LabelledData d, SoftmaxModel direct, double[][] t, double[] c,
                             double kapA, double bound) {
        double[][] x = d.X();
        double[][] xt = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            double[] shifted = new double[d.n()];
            for (int a = 0; a < d.n(); a++) {
                shifted[a] = x[j][a] - c[a];
            }
            xt[j] = LogitAssert.times(shifted, t);
        }
        if (kappa(ClassStatistics.of(xt, d.y(), d.k()).pooledCovariance()) > 1e11) {
            // the map made the pooled covariance too ill-conditioned for REJECT; nothing to compare
            PropertyHarness.regime(what + " map beyond 1e11 conditioning");
            return;
        }
        SoftmaxModel m = subject.fitSoftmax(xt, d.y(), d.k());
        compareLogProbabilities(what + " (kappa(A)=" + kapA + ")", direct, m, x, xt, bound, d);
    }

    private static double[][] articleForm(double[][] total, double[] mu, double[][] means, double[] p) {
        int n = mu.length;
        double[][] out = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = total[a][b] + mu[a] * mu[b];
                for (int i = 0; i < means.length; i++) {
                    v -= p[i] * means[i][a] * means[i][b];
                }
                out[a][b] = v;
            }
        }
        return out;
    }

    private static double[][] perClassPooled(LogitGens.LabelledData d) {
        int n = d.n();
        double[][] out = new double[n][n];
        for (int i = 0; i < d.k(); i++) {
            int ni = 0;
            double[] mean = new double[n];
            for (int j = 0; j < d.size(); j++) {
                if (d.y()[j] == i) {
                    ni++;
                    for (int a = 0; a < n; a++) {
                        mean[a] += d.X()[j][a];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                mean[a] /= ni;
            }
            double pi = (double) ni / d.size();
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int j = 0; j < d.size(); j++) {
                        if (d.y()[j] == i) {
                            s += (d.X()[j][a] - mean[a]) * (d.X()[j][b] - mean[b]);
                        }
                    }
                    out[a][b] += pi * s / ni;
                }
            }
        }
        return out;
    }

    private static int[] fewRows(int[] y, int k, int count) {
        if (count >= y.length) {
            return null;
        }
        int[] keep = new int[count];
        boolean[] seen = new boolean[k];
        boolean[] used = new boolean[y.length];
        int m = 0;
        for (int j = 0; j < y.length && m < k; j++) {
            if (!seen[y[j]]) {
                seen[y[j]] = true;
                used[j] = true;
                keep[m++] = j;
            }
        }
        for (int j = 0; j < y.length && m < count; j++) {
            if (!used[j]) {
                keep[m++] = j;
            }
        }
        return keep;
    }

    private static int[] shuffle(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static double[][] qrLeastSquares(double[][] x, double[][] yy) {
        int bigN = x.length;
        int n = x[0].length;
        int m = yy[0].length;
        double[][] aug = new double[bigN][n + 1];
        for (int j = 0; j < bigN; j++) {
            System.arraycopy(x[j], 0, aug[j], 0, n);
            aug[j][n] = 1;
        }
        DenseLinearAlgebra.QR qr = DenseLinearAlgebra.qr(aug, "[X,1]");
        double[][] q = qr.q();
        double[][] r = qr.r();
        double[][] theta = new double[n + 1][m];
        for (int c = 0; c < m; c++) {
            double[] rhs = new double[n + 1];
            double[] qc = new double[bigN];
            double[] yc = new double[bigN];
            for (int j = 0; j < bigN; j++) {
                yc[j] = yy[j][c];
            }
            for (int a = 0; a <= n; a++) {
                for (int j = 0; j < bigN; j++) {
                    qc[j] = q[j][a];
                }
                rhs[a] = AccurateSums.dot(qc, yc);
            }
            for (int a = n; a >= 0; a--) {
                double s = rhs[a];
                for (int b = a + 1; b <= n; b++) {
                    s -= r[a][b] * theta[b][c];
                }
                theta[a][c] = s / r[a][a];
            }
        }
        return theta;
    }

    static double regressionConditioning(double[][] x) {
        int bigN = x.length;
        int n = x[0].length;
        double[][] aug = new double[bigN][n + 1];
        for (int j = 0; j < bigN; j++) {
            System.arraycopy(x[j], 0, aug[j], 0, n);
            aug[j][n] = 1;
        }
        double[][] dummy = new double[bigN][1];
        return Math.max(kappa(GaussianRegression.moments(x, dummy).sigmaXX()), kappa2(aug));
    }

    static double regressionScale(GaussianRegression.Fit f, double[][] x) {
        double[][] w = f.weights();
        double[] mu = GaussianRegression.moments(x, new double[x.length][1]).muX();
        double s = Math.max(1, Math.max(maxAbs(w), maxAbs(f.bias())));
        for (int c = 0; c < w[0].length; c++) {
            double t = 0;
            for (int a = 0; a < w.length; a++) {
                t += Math.abs(mu[a]) * Math.abs(w[a][c]);
            }
            s = Math.max(s, t);
        }
        return s;
    }

    static double[] independentGradient(double[][] x, int[] y, double[] w, double b, double lambda) {
        int n = w.length;
        double[] g = new double[n + 1];
        for (int j = 0; j < x.length; j++) {
            double t = AccurateSums.dot(x[j], w) + b;
            double pi = t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
            double r = pi - y[j];
            for (int a = 0; a < n; a++) {
                g[a] += r * x[j][a];
            }
            g[n] += r;
        }
        for (int a = 0; a < n; a++) {
            g[a] += lambda * w[a];
        }
        return g;
    }

    static double[] independentSoftmaxGradient(double[][] x, int[] y, int k, double[][] w, double[] b, double lambda) {
        int n = x[0].length;
        double[] g = new double[k * (n + 1) - 1];
        for (int j = 0; j < x.length; j++) {
            double[] z = new double[k];
            double zmax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                z[i] = AccurateSums.dot(x[j], w[i]) + b[i];
                zmax = Math.max(zmax, z[i]);
            }
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += Math.exp(z[i] - zmax);
            }
            for (int i = 0; i < k; i++) {
                double r = Math.exp(z[i] - zmax) / s - (y[j] == i ? 1 : 0);
                for (int a = 0; a < n; a++) {
                    g[i * (n + 1) + a] += r * x[j][a];
                }
                if (i < k - 1) {
                    g[i * (n + 1) + n] += r;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < n; a++) {
                g[i * (n + 1) + a] += lambda * w[i][a];
            }
        }
        return g;
    }

    /** The textbook IRLS iteration with the working response (fine on these well-posed data). */
    static double[] literalIrls(double[][] x, int[] y, double lambda) {
        int n = x[0].length;
        int p = n + 1;
        double[] theta = new double[p];
        for (int it = 0; it < 100; it++) {
            double[][] h = new double[p][p];
            double[] rhs = new double[p];
            for (int j = 0; j < x.length; j++) {
                double[] xt = Arrays.copyOf(x[j], p);
                xt[n] = 1;
                double t = AccurateSums.dot(xt, theta);
                double pi = 1 / (1 + Math.exp(-t));
                double dj = pi * (1 - pi);
                // d_j z_j with z_j = t + (y - pi)/d_j, multiplied out so that a confident sample (d_j = 0 in
                // double, erratum E13) contributes (y - pi) instead of 0 * infinity.
                double djzj = dj * t + (y[j] - pi);
                for (int a = 0; a < p; a++) {
                    rhs[a] += djzj * xt[a];
                    for (int b = 0; b < p; b++) {
                        h[a][b] += dj * xt[a] * xt[b];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                h[a][a] += lambda;
            }
            double[] next = DenseLinearAlgebra.solve(h, rhs, "H");
            double change = maxAbsDiff(next, theta);
            theta = next;
            if (change <= 1e-14 * (1 + maxAbs(theta))) {
                break;
            }
        }
        return theta;
    }

    static RandomGenerator rng(long seed) {
        return SyntheticClasses.random(seed);
    }
}
