package io.formulary.core.init;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The INIT chapter's report: truncation tables and constants next to the article's digits, SELU digits, the
 * scheme table, the attention table, and the eight plots of the chapter's "Report content" (fixed seeds, reduced
 * sizes so the whole report takes a few seconds; captions state the sizes).
 */
public final class InitReport implements ChapterReport {

    private static final long SEED = 20210817L;

    @Override
    public String area() {
        return "INIT";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> b = new ArrayList<>();
        b.add(gammaTable());
        b.add(windowTable());
        b.add(articleDigits());
        b.add(seluDigits());
        b.add(schemeTable());
        b.add(truncationPlot());
        b.addAll(samplerPlots());
        b.add(depthPlot());
        b.add(mapPlot());
        b.addAll(attention());
        b.add(postNormPlot());
        b.add(preNormPlot());
        b.add(rezeroPlot());
        return b;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static ReportBlock gammaTable() {
        List<List<String>> rows = new ArrayList<>();
        for (double c : new double[] {0.01, 0.5, 1, 1.5, 2, 2.5, 3, 4, 8}) {
            rows.add(List.of(f(c), f(TruncatedNormal.gamma(c)), f(TruncatedNormal.stdCorrection(c)),
                    f(TruncatedNormal.fourthMoment(c)), f(TruncatedNormal.rejectionAcceptance(c))));
        }
        return new ReportBlock.Table("R1: truncation factor gamma(c)",
                "Variance factor of N(0,1) truncated to [-c, c] (positive-series evaluation, 1 ulp), its correction "
                        + "factor, fourth moment and the rejection sampler's acceptance probability.",
                List.of("c", "gamma(c)", "1/sqrt(gamma(c))", "m4(c)", "P(|z| <= c)"), rows);
    }

    private static ReportBlock windowTable() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] w = {{0, 1, -2, 2}, {0, 1, -1, 2}, {0, 1, 0, inf}, {0, 1, -inf, 3}, {0, 1, 2, 2.5}, {0, 1, 5, 6},
            {0, 1, 10, inf}, {0, 1, 38, inf}, {0, 1, -40, -39}, {1, 2, 0, 3}, {0, 0.02, -2, 2}};
        List<List<String>> rows = new ArrayList<>();
        for (double[] r : w) {
            TruncatedNormal.Moments m = TruncatedNormal.moments(r[0], r[1], r[2], r[3]);
            rows.add(List.of("N(" + r[0] + ", " + r[1] + "^2) on [" + r[2] + ", " + r[3] + "]", f(m.mean()),
                    f(m.variance()), f(m.centralFourth())));
        }
        return new ReportBlock.Table("R1: general truncation windows",
                "Mean, variance and central fourth moment by the local-coordinate quadrature of INIT-F3.",
                List.of("law and window", "mean", "variance", "mu4"), rows);
    }

    /** How many leading digits of the article's string match the oracle truncated to the same length. */
    private static String matching(String article, double oracle) {
        int decimals = article.length() - article.indexOf('.') - 1;
        String truncated = new BigDecimal(oracle).setScale(decimals, RoundingMode.DOWN).toPlainString();
        int n = 0;
        for (int i = 0; i < Math.min(article.length(), truncated.length()); i++) {
            if (article.charAt(i) != truncated.charAt(i)) {
                break;
            }
            if (Character.isDigit(article.charAt(i))) {
                n++;
            }
        }
        return n + (truncated.equals(article) ? " (all)" : " (differs)");
    }

    private static ReportBlock articleDigits() {
        double sig2 = ActivationMoments.cached(ActivationFunction.SIGMOID).secondMoment();
        Selu.Constants s = Selu.solveConstants();
        Object[][] rows = {{"gamma(2)", "0.7737413", TruncatedNormal.gamma(2)},
            {"1/sqrt(gamma(2))", "1.1368472", TruncatedNormal.stdCorrection(2)},
            {"E sigmoid(z)^2", "0.2933790", sig2}, {"E sigmoid(z)^2 (code)", "0.293379", sig2},
            {"SELU lambda", "1.0507", s.lambda()}, {"SELU alpha", "1.6732", s.alpha()}};
        List<List<String>> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(List.of((String) r[0], (String) r[1], f((Double) r[2]), matching((String) r[1], (Double) r[2])));
        }
        return new ReportBlock.Table("The article's constants", "Digits printed in the article next to the oracle's full "
                + "double and the number of matching digits (oracle truncated to the article's length).",
                List.of("quantity", "article", "oracle", "matching digits"), out);
    }

    private static ReportBlock seluDigits() {
        Selu.Constants s = Selu.solveConstants();
        return new ReportBlock.Table("R4: SELU constants", "Solved from E[selu] = 0, E[selu^2] = 1 in double-double "
                + "(rounded once) next to the published 32-digit strings and their nearest doubles.",
                List.of("constant", "solved", "published (32 digits)", "published double", "equal"),
                List.of(List.of("alpha", f(s.alpha()), "1.6732632423543772848170429916717", f(Selu.ALPHA),
                                String.valueOf(s.alpha() == Selu.ALPHA)),
                        List.of("lambda", f(s.lambda()), "1.0507009873554804934193349852946", f(Selu.LAMBDA),
                                String.valueOf(s.lambda() == Selu.LAMBDA))));
    }

    private static ReportBlock schemeTable() {
        List<List<String>> rows = new ArrayList<>();
        for (InitScheme s : InitScheme.values()) {
            double v = Initialization.variance(s, 512, 512);
            Initialization.LawParameters p = Initialization.lawParameters(v);
            rows.add(List.of(s.name(), f(v), f(p.normalStd()), f(p.uniformBound()), f(p.truncatedPreStd())));
        }
        return new ReportBlock.Table("F8: initialization schemes at fan_in = fan_out = 512",
                "Weight variance and the parameter of each law that realizes it (truncated normal at +-2 pre-truncation std).",
                List.of("scheme", "variance", "normal std", "uniform bound", "truncated-normal pre-std"), rows);
    }

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    private static ReportBlock truncationPlot() {
        double[] c = grid(0.25, 4, 61);
        double[] g = new double[c.length];
        double[] k = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            g[i] = TruncatedNormal.gamma(c[i]);
            k[i] = TruncatedNormal.stdCorrection(c[i]);
        }
        return new ReportBlock.Plot("Truncation factor", "gamma(c) and 1/sqrt(gamma(c)); the marker is TF's c = 2 "
                + "(0.7737413..., 1.1368472...).", "c (standard deviations)", "factor", false, true, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("gamma(c)", c, g), new ReportBlock.Series("1/sqrt(gamma(c))", c, k),
                        new ReportBlock.Series("c = 2", new double[] {2, 2},
                                new double[] {TruncatedNormal.gamma(2), TruncatedNormal.stdCorrection(2)})));
    }

    private static List<ReportBlock> samplerPlots() {
        RandomGenerator rng = Sampling.generator(SEED);
        int n = 20_000;
        double pre = TruncatedNormal.stdCorrection(2);
        double[] tf = new double[n];
        double[] torch = new double[n];
        java.util.function.ToDoubleFunction<RandomGenerator> inv = Sampling.inverseCdfSampler(0, 1, -2, 2);
        for (int i = 0; i < n; i++) {
            tf[i] = Sampling.truncatedNormalRejection(rng, 0, 1, 2);
            torch[i] = inv.applyAsDouble(rng);
        }
        int bins = 40;
        double[] centres = grid(-2 + 2.0 / bins, 2 - 2.0 / bins, bins);
        double z = TruncatedNormal.rejectionAcceptance(2);
        double[] density = new double[bins];
        for (int i = 0; i < bins; i++) {
            density[i] = ErrorFunctions.normalPdf(centres[i]) / z;
        }
        ReportBlock hist = new ReportBlock.Plot("Truncated-normal sampler check",
                "Histograms (density scale) of " + n + " draws from N(0,1) on [-2, 2], TF-style rejection and "
                        + "PyTorch-style inverse CDF, against the truncated density (seed " + SEED + "; the pre-std "
                        + "correction for a target std is " + f(pre) + ").",
                "w", "density", false, false, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("TF-style", centres, histogram(tf, bins)),
                        new ReportBlock.Series("PyTorch-style", centres, histogram(torch, bins)),
                        new ReportBlock.Series("truncated density", centres, density)));
        double[] sorted = tf.clone();
        Arrays.sort(sorted);
        TruncatedNormalLaw law = TruncatedNormalLaw.of(0, 1, -2, 2);
        int q = 99;
        double[] theory = new double[q];
        double[] sample = new double[q];
        for (int i = 0; i < q; i++) {
            double p = (i + 1.0) / (q + 1);
            sample[i] = sorted[(int) (p * n)];
            // Quantile of the truncated law by inverting its CDF (bisection: monotone, a few dozen steps).
            double lo = -2;
            double hi = 2;
            for (int it = 0; it < 60; it++) {
                double mid = 0.5 * (lo + hi);
                if (law.cdf(mid) < p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            theory[i] = 0.5 * (lo + hi);
        }
        ReportBlock qq = new ReportBlock.Plot("Truncated-normal QQ plot", "Sample percentiles of the TF-style draws "
                + "against the truncated law's quantiles.", "theoretical quantile", "sample quantile", false, false,
                ReportBlock.Kind.SCATTER, List.of(new ReportBlock.Series("TF-style", theory, sample),
                        new ReportBlock.Series("y = x", new double[] {-2, 2}, new double[] {-2, 2})));
        return List.of(hist, qq);
    }

    private static double[] histogram(double[] x, int bins) {
        double[] h = new double[bins];
        double width = 4.0 / bins;
        for (double v : x) {
            int i = (int) Math.min(bins - 1, Math.max(0, Math.floor((v + 2) / width)));
            h[i] += 1;
        }
        for (int i = 0; i < bins; i++) {
            h[i] /= x.length * width;
        }
        return h;
    }

    private static ReportBlock depthPlot() {
        int width = 64;
        int batch = 8;
        int depth = 50;
        List<ReportBlock.Series> series = new ArrayList<>();
        double[] layers = new double[depth + 1];
        for (int i = 0; i <= depth; i++) {
            layers[i] = i;
        }
        ActivationFunction[] fs = {ActivationFunction.SIGMOID, ActivationFunction.TANH, ActivationFunction.GELU,
            ActivationFunction.SILU, ActivationFunction.ELU};
        for (ActivationFunction f : fs) {
            series.add(new ReportBlock.Series(f + " raw", layers, mlp(f::apply, 1.0, width, batch, depth)));
            series.add(new ReportBlock.Series(f + " micro-tuned", layers,
                    mlp(ActivationMoments.normalizer(f, false), 1.0, width, batch, depth)));
            series.add(new ReportBlock.Series(f + " centred", layers,
                    mlp(ActivationMoments.normalizer(f, true), 1.0, width, batch, depth)));
        }
        series.add(new ReportBlock.Series("RELU, He", layers, mlp(ActivationFunction.RELU::apply, 2.0, width, batch, depth)));
        series.add(new ReportBlock.Series("SELU, LeCun", layers, mlp(ActivationFunction.SELU::apply, 1.0, width, batch, depth)));
        series.add(new ReportBlock.Series("band 0.5", new double[] {0, depth}, new double[] {0.5, 0.5}));
        series.add(new ReportBlock.Series("band 2", new double[] {0, depth}, new double[] {2, 2}));
        return new ReportBlock.Plot("Second moment vs depth", "Mean square of the pre-activations of a plain MLP "
                + "(width " + width + ", batch " + batch + ", weights N(0, gain/m), seed " + SEED + "); the chapter's "
                + "runs use width 512, batch 64.", "layer", "mean square", false, true, ReportBlock.Kind.LINE, series);
    }

    /** Mean square of the pre-activations of a random MLP, layer by layer (layer 0 = the input). */
    private static double[] mlp(java.util.function.DoubleUnaryOperator f, double gain, int width, int batch, int depth) {
        RandomGenerator rng = Sampling.generator(SEED);
        double[][] x = new double[batch][width];
        for (double[] row : x) {
            for (int i = 0; i < width; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        double[] ms = new double[depth + 1];
        ms[0] = meanSquare(x);
        double sd = Math.sqrt(gain / width);
        for (int l = 1; l <= depth; l++) {
            double[][] w = new double[width][width];
            for (double[] row : w) {
                for (int j = 0; j < width; j++) {
                    row[j] = sd * rng.nextGaussian();
                }
            }
            double[][] y = new double[batch][width];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < width; i++) {
                    double h = f.applyAsDouble(x[b][i]);
                    if (h != 0) {
                        for (int j = 0; j < width; j++) {
                            y[b][j] += h * w[i][j];
                        }
                    }
                }
            }
            x = y;
            ms[l] = meanSquare(x);
            if (!(ms[l] < 1e12 && ms[l] > 1e-200)) {
                Arrays.fill(ms, l, depth + 1, Double.NaN);
                break;
            }
        }
        return ms;
    }

    private static double meanSquare(double[][] x) {
        double s = 0;
        int n = 0;
        for (double[] row : x) {
            s += AccurateSums.dot(row, row);
            n += row.length;
        }
        return s / n;
    }

    private static ReportBlock mapPlot() {
        double[] q = grid(0.05, 3, 40);
        List<ReportBlock.Series> series = new ArrayList<>();
        for (ActivationFunction f : new ActivationFunction[] {ActivationFunction.SIGMOID, ActivationFunction.TANH,
            ActivationFunction.GELU, ActivationFunction.SILU, ActivationFunction.ELU, ActivationFunction.SELU}) {
            double[] c = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                c[i] = ActivationMoments.secondMomentMap(f, false, q[i]);
            }
            double chi = ActivationMoments.cached(f).chi();
            series.add(new ReportBlock.Series(f + " (chi = " + String.format(Locale.ROOT, "%.4f", chi) + ")", q, c));
        }
        series.add(new ReportBlock.Series("y = q", q, q));
        return new ReportBlock.Plot("Second-moment map", "c(q) = E[f~(sqrt(q) z)^2] of each micro-tuned activation; the "
                + "fixed point q = 1 attracts iff chi = c'(1) < 1.", "q", "c(q)", false, false, ReportBlock.Kind.LINE, series);
    }

    private static List<ReportBlock> attention() {
        RandomGenerator rng = Sampling.generator(SEED);
        int[] ds = {4, 16, 64, 256, 1024};
        int keys = 128;
        int reps = 40;
        double[] x = new double[ds.length];
        double[][] maxP = new double[2][ds.length];
        double[][] medJ = new double[2][ds.length];
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < ds.length; k++) {
            int d = ds[k];
            x[k] = d;
            double[][] norms = new double[2][reps];
            for (int r = 0; r < reps; r++) {
                double[] q = ResidualStack.gaussianRow(rng, d);
                double[] s = new double[keys];
                for (int j = 0; j < keys; j++) {
                    s[j] = AccurateSums.dot(q, ResidualStack.gaussianRow(rng, d));
                }
                for (int v = 0; v < 2; v++) {
                    double[] logits = s.clone();
                    if (v == 1) {
                        for (int j = 0; j < keys; j++) {
                            logits[j] /= Math.sqrt(d);
                        }
                    }
                    double[] p = AttentionInit.softmax(logits);
                    maxP[v][k] += Arrays.stream(p).max().orElse(0) / reps;
                    norms[v][r] = AttentionInit.softmaxJacobianNorm(logits);
                }
            }
            for (int v = 0; v < 2; v++) {
                Arrays.sort(norms[v]);
                medJ[v][k] = 0.5 * (norms[v][reps / 2 - 1] + norms[v][reps / 2]);
            }
            rows.add(List.of(String.valueOf(d), f(maxP[0][k]), f(maxP[1][k]), f(medJ[0][k]), f(medJ[1][k])));
        }
        String caption = reps + " replicates of one query against " + keys + " keys, q, k ~ N(0, I_d), seed " + SEED
                + " (the chapter's R5 uses 200); T5 initialization gives the scaled column's logits exactly (INIT-F21).";
        ReportBlock table = new ReportBlock.Table("R5: attention logits", caption,
                List.of("d", "E[max p] unscaled", "E[max p] scaled", "median ||J||_F unscaled", "median ||J||_F scaled"), rows);
        ReportBlock plot = new ReportBlock.Plot("Attention logits", caption, "d", "E[max p], median ||J||_F", true, true,
                ReportBlock.Kind.LINE, List.of(new ReportBlock.Series("E[max p] unscaled", x, maxP[0]),
                        new ReportBlock.Series("E[max p] scaled / T5", x, maxP[1]),
                        new ReportBlock.Series("median ||J|| unscaled", x, medJ[0]),
                        new ReportBlock.Series("median ||J|| scaled / T5", x, medJ[1])));
        return List.of(table, plot);
    }

    private static ReportBlock postNormPlot() {
        int l = 12;
        int reps = 12;
        RandomGenerator rng = Sampling.generator(SEED);
        double[] k = new double[l];
        double[] theory = new double[l];
        for (int i = 0; i < l; i++) {
            k[i] = i;
            theory[i] = -(l - i) / 2.0;
        }
        List<ReportBlock.Series> series = new ArrayList<>();
        series.add(new ReportBlock.Series("theory -(l-k)/2", k, theory));
        for (ResidualStack.BranchKind kind : ResidualStack.BranchKind.values()) {
            int d = kind == ResidualStack.BranchKind.LINEAR ? 128 : 32;
            double[][] runs = new double[reps][];
            for (int r = 0; r < reps; r++) {
                runs[r] = ResidualStack.simulatePostNorm(rng, kind, d, l, 1e-6);
            }
            double[] mean = new double[l];
            double[] lo = new double[l];
            double[] hi = new double[l];
            for (int i = 0; i < l; i++) {
                double[] v = new double[reps];
                for (int r = 0; r < reps; r++) {
                    v[r] = runs[r][i];
                }
                MonteCarlo.Estimate e = MonteCarlo.estimate(v);
                mean[i] = e.mean();
                lo[i] = e.mean() - 2 * e.standardError();
                hi[i] = e.mean() + 2 * e.standardError();
            }
            series.add(new ReportBlock.Series(kind + " d=" + d + " mean", k, mean));
            series.add(new ReportBlock.Series(kind + " d=" + d + " -2 SE", k, lo));
            series.add(new ReportBlock.Series(kind + " d=" + d + " +2 SE", k, hi));
        }
        return new ReportBlock.Plot("Post-Norm branch weights", "log2 of the realized branch weight omega_k in RMSNorm "
                + "Post-Norm stacks (l = 12, eps = 1e-6, " + reps + " stacks, seed " + SEED + ") against -(l-k)/2.",
                "branch k", "log2 omega_k", false, false, ReportBlock.Kind.LINE, series);
    }

    private static ReportBlock preNormPlot() {
        int l = 12;
        int reps = 12;
        int d = 128;
        RandomGenerator rng = Sampling.generator(SEED + 1);
        double[] t = new double[l + 1];
        double[] theory = new double[l + 1];
        double[] post = new double[l + 1];
        double[] plain = new double[l + 1];
        double[] mean = new double[l + 1];
        for (int i = 0; i <= l; i++) {
            t[i] = i;
            theory[i] = i + 1;
            post[i] = 1;
        }
        for (int r = 0; r < reps; r++) {
            double[] ms = ResidualStack.simulatePreNorm(rng, ResidualStack.BranchKind.LINEAR, d, l, 1e-6);
            double[] un = ResidualStack.simulateUnnormalized(rng, d, l);
            for (int i = 0; i <= l; i++) {
                mean[i] += ms[i] / reps;
                plain[i] += StrictMath.pow(2, un[i]) / reps;
            }
        }
        return new ReportBlock.Plot("Pre-Norm growth", "Mean square of the stream x_t in Pre-Norm stacks (RMSNorm, "
                + "LeCun-linear branches, d = " + d + ", " + reps + " stacks) against t + 1; Post-Norm keeps 1, the "
                + "unnormalized stack doubles per block.", "t", "ms(x_t)", false, true, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("Pre-Norm simulated", t, mean), new ReportBlock.Series("theory t + 1", t, theory),
                        new ReportBlock.Series("Post-Norm", t, post), new ReportBlock.Series("unnormalized", t, plain)));
    }

    private static ReportBlock rezeroPlot() {
        List<ReportBlock.Series> series = new ArrayList<>();
        for (double delta : new double[] {1e-3, 1e-4}) {
            int n = 121;
            double[] s = new double[n];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.round(i * 12_000.0 / (n - 1));
                a[i] = ReZero.alpha((long) s[i], delta);
            }
            series.add(new ReportBlock.Series("delta = " + delta, s, a));
        }
        return new ReportBlock.Plot("ReZero ramp", "The article's fixed-step gate alpha(s) = min(1, fl(s delta)).",
                "optimizer step s", "alpha(s)", false, false, ReportBlock.Kind.LINE, series);
    }
}
