package io.formulary.properties.init;

import io.formulary.core.init.AttentionInit;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Sampling;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.util.random.RandomGenerator;

import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;

/** Dot-product moments (P14), T5 equivalence (P15), softmax concentration (P24). */
class AttentionProperties {

    static final double Z = 6;
    private static final double EPS = Tolerance.EPSILON;

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    static AttentionProperties of(InitContract subject) {
        AttentionProperties p = new AttentionProperties();
        p.subject = subject;
        return p;
    }

    @Property
    @Tag("INIT-P14")
    @DisplayName("INIT-P14: E[(q.k)^2] = d by Monte-Carlo within z sqrt((2d^2+6d)/R) (Gaussian) or z sqrt((81d/25 + 3d(d-1) - d^2)/R) (uniform); scaled logits have second moment 1")
    void dotProductSecondMomentIsD() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        for (int d : new int[] {1, 2, 3, 16, 64, 127}) {
            int r = d >= 64 ? 20_000 : 50_000;
            for (boolean uniform : new boolean[] {false, true}) {
                double mu4 = uniform ? 1.8 : 3;
                AttentionInit.DotMoments m = subject.dotProductMoments(d, 1, mu4, 1, mu4);
                close("E (q.k)^2", m.second(), d, Tolerance.ulps(1));
                double[] v = new double[r];
                double[] s = new double[r];
                double[] q = new double[d];
                double[] k = new double[d];
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < d; j++) {
                        q[j] = uniform ? Sampling.uniform(rng, 0, 1) : rng.nextGaussian();
                        k[j] = uniform ? Sampling.uniform(rng, 0, 1) : rng.nextGaussian();
                    }
                    double dot = AccurateSums.dot(q, k);
                    v[i] = dot * dot;
                    double scaled = dot / Math.sqrt(d);
                    s[i] = scaled * scaled;
                }
                PropertyHarness.examples(r);
                double expectedVar = uniform ? 81.0 / 25 * d + 3.0 * d * (d - 1) - (double) d * d : 2.0 * d * d + 6.0 * d;
                close("Var (q.k)^2 formula, d=" + d, m.varianceOfSquare(), expectedVar, Tolerance.relative(1e-15));
                MonteCarlo.Estimate e = MonteCarlo.withAnalyticVariance(v, m.varianceOfSquare());
                holds("d=" + d + (uniform ? " uniform" : " Gaussian") + ": mean (q.k)^2 " + e.mean() + " vs " + d
                        + " SE " + e.standardError(), e.accepts(d, Z, 0));
                MonteCarlo.Estimate es = MonteCarlo.withAnalyticVariance(s, m.varianceOfSquare() / ((double) d * d));
                holds("scaled logits second moment " + es.mean() + " vs 1", es.accepts(1, Z, 0));
            }
        }
    }

    @Property
    @Tag("INIT-P15")
    @DisplayName("INIT-P15: for shared draws, BERT-style, article-symmetric and T5 logits agree within 4(d_model + d_k) eps rho sum|q_i||k_i|; their logit second moment is 1 (and d_k unscaled) within z SE")
    void t5AllocationMatchesScaledLogits() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        AttentionInit.Allocation[] equal = {AttentionInit.Allocation.BERT, AttentionInit.Allocation.ARTICLE_SYMMETRIC,
            AttentionInit.Allocation.T5};
        for (int dModel : new int[] {64, 512}) {
            for (int dk : new int[] {16, 64}) {
                int r = dModel == 512 ? 150 : 600;
                double[][] s = new double[4][r];
                for (int rep = 0; rep < r; rep++) {
                    double[] x = rmsOne(rng, dModel);
                    double[] xp = rmsOne(rng, dModel);
                    double[][] gq = gaussian(rng, dModel, dk);
                    double[][] gk = gaussian(rng, dModel, dk);
                    double[] logits = new double[4];
                    for (int a = 0; a < 4; a++) {
                        AttentionInit.Allocation alloc = a < 3 ? equal[a] : AttentionInit.Allocation.UNSCALED;
                        logits[a] = logit(alloc, x, xp, gq, gk, dModel, dk);
                        s[a][rep] = logits[a] * logits[a];
                    }
                    double bound = 4.0 * (dModel + dk) * EPS * absScale(x, xp, gq, gk, dModel, dk);
                    within("BERT vs article logit", logits[1], logits[0], bound);
                    within("BERT vs T5 logit", logits[2], logits[0], bound);
                }
                PropertyHarness.examples(r);
                for (int a = 0; a < 4; a++) {
                    double target = a < 3 ? 1 : dk;
                    MonteCarlo.Estimate e = MonteCarlo.estimate(s[a]);
                    holds((a < 3 ? equal[a] : "UNSCALED") + " d_model=" + dModel + " d_k=" + dk + ": logit ms "
                            + e.mean() + " vs " + target + " SE " + e.standardError(), e.accepts(target, Z, 0));
                }
            }
        }
    }

    /** The logit computed from the subject's allocation: {@code rho (x s_q G_q).(x' s_k G_k)}. */
    private double logit(AttentionInit.Allocation alloc, double[] x, double[] xp, double[][] gq, double[][] gk,
                         int dModel, int dk) {
        AttentionInit.QkInit init = subject.qkInit(alloc, dModel, dk);
        double sq = Math.sqrt(init.varQ());
        double sk = Math.sqrt(init.varK());
        double[] q = new double[dk];
        double[] k = new double[dk];
        for (int j = 0; j < dk; j++) {
            double aq = 0;
            double ak = 0;
            for (int i = 0; i < dModel; i++) {
                aq += x[i] * (sq * gq[i][j]);
                ak += xp[i] * (sk * gk[i][j]);
            }
            q[j] = aq;
            k[j] = ak;
        }
        return init.logitScale() * AccurateSums.dot(q, k);
    }

    /** {@code rho sum |q_i||k_i|} for the BERT allocation, the magnitude scale of the agreement bound. */
    private double absScale(double[] x, double[] xp, double[][] gq, double[][] gk, int dModel, int dk) {
        double s = 0;
        for (int j = 0; j < dk; j++) {
            double aq = 0;
            double ak = 0;
            for (int i = 0; i < dModel; i++) {
                aq += Math.abs(x[i] * gq[i][j]);
                ak += Math.abs(xp[i] * gk[i][j]);
            }
            s += aq * ak;
        }
        return s / dModel / Math.sqrt(dk);
    }

    private static double[] rmsOne(RandomGenerator rng, int d) {
        double[] x = ResidualStackGen.row(rng, d);
        double ms = AccurateSums.dot(x, x) / d;
        for (int i = 0; i < d; i++) {
            x[i] /= Math.sqrt(ms);
        }
        return x;
    }

    private static double[][] gaussian(RandomGenerator rng, int n, int m) {
        double[][] g = new double[n][m];
        for (double[] row : g) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return g;
    }

    @Property
    @Tag("INIT-P24")
    @DisplayName("INIT-P24: with 128 keys, unscaled E[max p] increases with d in {4..1024} while scaled stays in [0.05, 0.09]; the stable ||J||_F is finite, >= 0, and equals the explicit matrix's norm (rel 1e-12) when max p < 0.9")
    void softmaxConcentratesWithoutScaling() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        int n = 128;
        int reps = 100; // half the chapter's R5 count: SE of E[max p] about 0.01, gaps between d about 0.04 or more
        double previous = 0;
        for (int d : new int[] {4, 16, 64, 256, 1024}) {
            double maxUnscaled = 0;
            double maxScaled = 0;
            for (int rep = 0; rep < reps; rep++) {
                double[] q = ResidualStackGen.row(rng, d);
                double[] logits = new double[n];
                for (int j = 0; j < n; j++) {
                    logits[j] = AccurateSums.dot(q, ResidualStackGen.row(rng, d));
                }
                double[] scaled = logits.clone();
                for (int j = 0; j < n; j++) {
                    scaled[j] /= Math.sqrt(d);
                }
                for (double[] s : new double[][] {logits, scaled}) {
                    double[] p = AttentionInit.softmax(s);
                    double norm = subject.softmaxJacobianNorm(s);
                    holds("||J||_F finite and >= 0 (d=" + d + "): " + norm, Double.isFinite(norm) && norm >= 0);
                    double max = 0;
                    for (double v : p) {
                        max = Math.max(max, v);
                    }
                    if (max < 0.9 && rep < 20) {
                        close("stable vs explicit ||J||_F", norm, explicitNorm(p), Tolerance.relative(1e-12));
                    }
                    if (s == logits) {
                        maxUnscaled += max / reps;
                    } else {
                        maxScaled += max / reps;
                    }
                }
            }
            PropertyHarness.examples(reps);
            holds("unscaled E[max p] increases: " + previous + " -> " + maxUnscaled + " at d=" + d, maxUnscaled > previous);
            previous = maxUnscaled;
            holds("scaled E[max p] " + maxScaled + " in [0.05, 0.09] at d=" + d, maxScaled >= 0.05 && maxScaled <= 0.09);
        }
        // Near one-hot: ||J||_F >= p_0 (1 - p_0), with 1 - p_0 summed from the other entries (no cancellation).
        double[] base = ResidualStackGen.row(rng, n);
        for (double lead = 20; lead <= 60; lead += 0.125) {
            double[] s = base.clone();
            s[0] = lead;
            double[] p = AttentionInit.softmax(s);
            double rest = 0;
            for (int j = 1; j < n; j++) {
                rest += p[j];
            }
            double norm = subject.softmaxJacobianNorm(s);
            holds("near one-hot (lead " + lead + "): ||J||_F = " + norm + " finite and >= p0 (1 - p0) = " + p[0] * rest,
                    Double.isFinite(norm) && norm >= 0.999 * p[0] * rest);
        }
    }

    private static double explicitNorm(double[] p) {
        int n = p.length;
        double[] all = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                all[i * n + j] = (i == j ? p[i] : 0) - p[i] * p[j];
            }
        }
        return Math.sqrt(AccurateSums.dot(all, all));
    }
}
