package io.formulary.core.widen;

import io.formulary.core.nn.Activation;
import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.FfnKind;
import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.OutputHead;
import io.formulary.core.nn.Placement;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.ReferenceTransformer;
import io.formulary.core.nn.Rope;
import io.formulary.core.nn.RopeLayout;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The WIDEN chapter's report data: the corrected factor table beside the article's, the deviation of every
 * configuration for {@code k = 2, 3, 4}, the errata panel, the RoPE error law, the epsilon sensitivity, the
 * layer-wise drift of a lossy widening, and the repetition heat maps. Deterministic (fixed seeds), toy-sized models
 * ({@code V=11, d=8, H=2, D=16, L=2, n=8}, weights from {@code RandomInit.chapter(0.7)}, seed 2021).
 */
public final class WidenReport implements ChapterReport {

    private static final long SEED = 2021;
    private static final int[] KS = {2, 3, 4};

    @Override
    public String area() {
        return "WIDEN";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> b = new ArrayList<>();
        b.add(factorTable());
        b.add(configurationMatrix());
        b.addAll(errataPanel());
        b.addAll(ropePlots());
        b.add(epsilonSensitivity());
        b.add(layerwiseDrift());
        b.addAll(heatmaps());
        b.add(new ReportBlock.Note("Training after widening (E14)", "Exact widening keeps the $k$ copies of every unit "
                + "equal (WIDEN-P9), so they receive identical gradients and never separate without noise or dropout: "
                + "a trained optimum widens to a stationary point. This is outside the forward-only oracle."));
        b.add(new ReportBlock.Note("Choices and spec corrections", "The default ropeFrequencies is STANDARD, as the "
                + "chapter lists it first; it is the one lossy default, so WideningOptions.exactCarry() is the "
                + "lossless preset for RoPE models. E12 refined: INTERLEAVED on a fused q|k|v axis keeps each block "
                + "in place (it is TILED that mixes q and k), but q/k and v need different factors, so fused "
                + "projections must still be widened block by block."));
        return b;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static ReportBlock factorTable() {
        FactorTable[] t = {FactorTable.of(2), FactorTable.of(3), FactorTable.of(4), FactorTable.of(8)};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t[0].entries().size(); i++) {
            FactorTable.Entry e = t[0].entries().get(i);
            boolean erratum = e.status().matches("E[123]");
            rows.add(List.of(e.parameter(), e.axes(), e.symbolic(), fmt(e.factor()), fmt(t[1].entries().get(i).factor()),
                    fmt(t[2].entries().get(i).factor()), fmt(t[3].entries().get(i).factor()),
                    erratum ? "**" + e.article() + "**" : e.article(), e.status()));
        }
        return new ReportBlock.Table("Factor table (WIDEN-F16)", "Corrected weight/bias factors read off the widening "
                + "plan for k = 2, 3, 4, 8, beside the article's k = 2 table; cells marked ** are the errata E1 (b_2), "
                + "E2 (epsilon) and E3 (MLM norm).", List.of("parameter", "axes", "general k", "k=2", "k=3", "k=4",
                "k=8", "article (k=2)", "status"), rows);
    }

    /** One configuration of the matrix with the options used and whether the chapter calls it lossless. */
    private record Case(String name, TransformerConfig config, WideningOptions options, boolean lossless) {
    }

    static TransformerConfig toy() {
        return TransformerConfig.bertLike(11, 8, 2, 16, 2).withEpsilon(1e-5).withMlmEpsilon(1e-5)
                .withEmbeddings(16, 2, true);
    }

    static int[] tokens() {
        SplittableRandom r = new SplittableRandom(SEED);
        int[] t = new int[8];
        for (int m = 0; m < t.length; m++) {
            t[m] = r.nextInt(11);
        }
        return t;
    }

    /** max |delta logit|, max |delta p| and argmax agreement (count of rows) of a widening. */
    static double[] deviation(TransformerConfig c, WideningOptions o, int k) {
        return deviation(c, RandomInit.chapter(0.7).sample(c, SEED), o, k);
    }

    static double[] deviation(TransformerConfig c, TransformerWeights w, WideningOptions o, int k) {
        int[] t = tokens();
        ForwardResult a = ReferenceTransformer.forward(c, w, t, null);
        WidenedModel m = ModelWidener.widen(c, w, k, o);
        ForwardResult b = ReferenceTransformer.forward(m.config(), m.weights(), t, null);
        double[][] la = a.logits();
        double[][] lb = b.logits();
        double[][] pa = a.probabilities();
        double[][] pb = b.probabilities();
        double dl = 0;
        double dp = 0;
        int agree = 0;
        for (int i = 0; i < la.length; i++) {
            int ia = 0;
            int ib = 0;
            for (int v = 0; v < la[i].length; v++) {
                dl = Math.max(dl, Math.abs(la[i][v] - lb[i][v]));
                dp = Math.max(dp, Math.abs(pa[i][v] - pb[i][v]));
                ia = la[i][v] > la[i][ia] ? v : ia;
                ib = lb[i][v] > lb[i][ib] ? v : ib;
            }
            agree += ia == ib ? 1 : 0;
        }
        return new double[] {dl, dp, agree, la.length};
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        WideningOptions x = WideningOptions.exact();
        Activation[] acts = {Activation.RELU, Activation.GELU_ERF, Activation.GELU_TANH, Activation.leakyRelu(0.01)};
        OutputHead[] heads = OutputHead.values();
        int i = 0;
        for (Activation a : acts) {
            for (AttentionScaling s : AttentionScaling.values()) {
                for (NormKind nk : NormKind.values()) {
                    OutputHead h = heads[i % heads.length];
                    Placement p = i % 2 == 0 ? Placement.POST : Placement.PRE;
                    FfnKind f = (i / 2) % 2 == 0 ? FfnKind.PLAIN : FfnKind.GATED;
                    TransformerConfig c = toy().withActivation(a).withAttentionScaling(s).withNorm(nk, 1e-5)
                            .withHead(h, h.mlm() ? Activation.GELU_ERF : null).withPlacement(p).withFfnKind(f);
                    cases.add(new Case(a + ", " + s + ", " + h + ", " + nk + ", " + p + ", " + f + ", no RoPE", c, x,
                            true));
                    i++;
                }
            }
        }
        TransformerConfig rope = toy().withRope(true, 10_000, RopeLayout.INTERLEAVED_PAIRS);
        TransformerConfig half = toy().withRope(true, 10_000, RopeLayout.HALF_SPLIT);
        cases.add(new Case("BERT-like, RoPE interleaved, CARRY", rope, WideningOptions.exactCarry(), true));
        cases.add(new Case("BERT-like, RoPE half-split, CARRY", half, WideningOptions.exactCarry(), true));
        cases.add(new Case("BERT-like, RoPE interleaved, STANDARD", rope, x, false));
        cases.add(new Case("BERT-like, RoPE interleaved, INTERLEAVED q/k, CARRY", rope,
                WideningOptions.exactCarry().withHeadPattern(HeadPattern.INTERLEAVED), false));
        cases.add(new Case("BERT-like, RoPE half-split, PAIR_BLOCK q/k, CARRY", half,
                WideningOptions.exactCarry().withHeadPattern(HeadPattern.PAIR_BLOCK), false));
        cases.add(new Case("GPT-2-like preset", TransformerConfig.gpt2Like(11, 8, 2, 16, 2), x, true));
        cases.add(new Case("T5-like preset", TransformerConfig.t5Like(11, 8, 2, 16, 2), x, true));
        cases.add(new Case("T5 v1.1-like preset (gated GELU, untied)", TransformerConfig.t5v11Like(11, 8, 2, 16, 2), x,
                true));
        cases.add(new Case("BERT-like, tiled hidden axis", toy(), x.withHiddenPattern(RepeatPattern.TILED), true));
        cases.add(new Case("BERT-like, GELU with ffnPolicy PLAIN", toy(), x.withFfnPolicy(ActivationPolicy.PLAIN),
                false));
        cases.add(new Case("BERT-like, GELU with mlmPolicy PLAIN", toy(), x.withMlmPolicy(ActivationPolicy.PLAIN),
                false));
        cases.add(new Case("BERT-like, tiled heads", toy(), x.withHeadPattern(HeadPattern.TILED), false));
        cases.add(new Case("BERT-like, article-literal table", toy(), WideningOptions.articleLiteral(), false));
        return cases;
    }

    private static ReportBlock configurationMatrix() {
        List<List<String>> rows = new ArrayList<>();
        for (Case c : cases()) {
            List<String> row = new ArrayList<>();
            row.add(c.name());
            row.add(c.lossless() ? "lossless" : "lossy");
            TransformerWeights w = RandomInit.chapter(0.7).sample(c.config(), SEED);
            for (int k : KS) {
                double[] d = deviation(c.config(), w, c.options(), k);
                boolean lossless = d[0] <= 1e-9 * (1 + 10);
                boolean pass = lossless == c.lossless();
                row.add(fmt(d[0]) + " / " + fmt(d[1]) + " / " + (int) d[2] + "/" + (int) d[3] + " "
                        + (pass ? "PASS" : "FAIL"));
            }
            rows.add(row);
        }
        return new ReportBlock.Table("Configuration matrix (WIDEN-P8, P10)", "Per configuration and k: max |delta "
                + "logit| / max |delta p| / rows with equal argmax, and PASS when lossless-or-not matches the chapter "
                + "(lossless: max |delta logit| <= 1e-9 (1 + 10)). Toy models V=11, d=8, H=2, D=16, L=2, n=8, seed 2021.",
                List.of("configuration", "expected", "k=2", "k=3", "k=4"), rows);
    }

    private static List<ReportBlock> errataPanel() {
        WideningOptions x = WideningOptions.exact();
        String[] names = {"exact", "article-literal", "E1 b2 factor k^-1", "E2 epsilon kept", "E3 extra MLM division",
            "PLAIN FFN for GELU", "missing k^(1/4)", "tiled heads"};
        WideningOptions[] opts = {x, WideningOptions.articleLiteral(), x.withFfn2BiasFactor(Ffn2BiasFactor.ARTICLE),
            x.withEpsilonPolicy(EpsilonPolicy.KEEP), x.withMlmNormExtraDivision(true),
            x.withFfnPolicy(ActivationPolicy.PLAIN), x.withOmitQuarterPower(true), x.withHeadPattern(HeadPattern.TILED)};
        List<ReportBlock.Series> series = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        double[][] dev = new double[KS.length][names.length];
        for (int ki = 0; ki < KS.length; ki++) {
            double[] xs = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                xs[i] = i;
                // The exact widening's rounding-level deviation is floored at 1e-16 so a log axis can show it.
                dev[ki][i] = Math.max(1e-16, deviation(toy(), opts[i], KS[ki])[0]);
            }
            series.add(new ReportBlock.Series("k=" + KS[ki], xs, dev[ki]));
        }
        for (int i = 0; i < names.length; i++) {
            rows.add(List.of(Integer.toString(i), names[i], fmt(dev[0][i]), fmt(dev[1][i]), fmt(dev[2][i])));
        }
        return List.of(new ReportBlock.Plot("Errata panel", "Max |delta logit| of the toy BERT (GELU, scaled, MLM "
                        + "tied, LN eps=1e-5) under exact widening, the article-literal table and each single knob "
                        + "flipped; bar index as in the table below.", "knob (index)", "max |delta logit|", false, true,
                        ReportBlock.Kind.BAR, series),
                new ReportBlock.Table("Errata panel values", "Bar index, knob and max |delta logit| per k.",
                        List.of("index", "knob", "k=2", "k=3", "k=4"), rows));
    }

    private static List<ReportBlock> ropePlots() {
        int dh = 64;
        double base = 10_000;
        int points = 41;
        List<ReportBlock.Series> lines = new ArrayList<>();
        List<ReportBlock.Series> dots = new ArrayList<>();
        double[] theta = Rope.standardFrequencies(dh, base);
        SplittableRandom r = new SplittableRandom(SEED);
        for (int k : KS) {
            double[] xs = new double[points];
            double[] rms = new double[points];
            double[] bound = new double[points];
            double[] rho = RopeWidening.rho(dh, base, k);
            for (int i = 0; i < points; i++) {
                double delta = Math.pow(1024, i / (points - 1.0));
                xs[i] = delta;
                rms[i] = Math.sqrt(RopeWidening.expectedSquaredError(dh, base, k, delta));
                double b = 0;
                for (double t : theta) {
                    double s = 0;
                    for (double rr : rho) {
                        s += 2 * Math.abs(StrictMath.sin(delta * t * (1 - rr) / 2));
                    }
                    // E|q_p| E|k_p| = pi/2 for independent standard normal pairs.
                    b += Math.PI / 2 * s / k;
                }
                bound[i] = b / Math.sqrt(dh);
            }
            lines.add(new ReportBlock.Series("RMS error k=" + k + " (F20)", xs, rms));
            lines.add(new ReportBlock.Series("mean bound k=" + k + " (F20, unit variance)", xs, bound));
            int mc = 9;
            double[] mx = new double[mc];
            double[] my = new double[mc];
            for (int i = 0; i < mc; i++) {
                int delta = 1 << (i + 1);
                mx[i] = delta;
                double sum = 0;
                int draws = 200;
                for (int j = 0; j < draws; j++) {
                    double[] q = new double[dh];
                    double[] key = new double[dh];
                    for (int u = 0; u < dh; u++) {
                        q[u] = r.nextGaussian();
                        key[u] = r.nextGaussian();
                    }
                    RopeWidening.Scores s = RopeWidening.widenedScore(q, key, delta, base, k,
                            AttentionScaling.INV_SQRT_HEAD);
                    sum += (s.widened() - s.original()) * (s.widened() - s.original());
                }
                my[i] = Math.sqrt(sum / draws);
            }
            dots.add(new ReportBlock.Series("Monte-Carlo k=" + k + " (200 draws)", mx, my));
        }
        List<ReportBlock.Series> rhoSeries = new ArrayList<>();
        for (int k : KS) {
            double[] rho = RopeWidening.rho(dh, base, k);
            double[] idx = new double[k];
            for (int i = 0; i < k; i++) {
                idx[i] = i;
            }
            rhoSeries.add(new ReportBlock.Series("k=" + k, idx, rho));
        }
        return List.of(new ReportBlock.Plot("RoPE error vs distance (WIDEN-F20)", "Root-mean-square score error of "
                        + "standard-schedule RoPE after pair-wise widening, d_h=64, b=1e4, q,k ~ N(0, I); solid: F20 "
                        + "closed form; also the F20 bound averaged over unit-variance inputs.", "relative offset Delta",
                        "RMS score error", true, true, ReportBlock.Kind.LINE, lines),
                new ReportBlock.Plot("RoPE error: Monte-Carlo check", "Monte-Carlo RMS error (200 draws per point, "
                        + "seed 2021) at Delta = 2..512, to compare with the closed form above.", "relative offset Delta",
                        "RMS score error", true, true, ReportBlock.Kind.SCATTER, dots),
                new ReportBlock.Plot("RoPE frequency ratios rho_r", "rho_r = b^(-2r/(k d_h)) per copy r, d_h=64: copy r "
                        + "of every pair rotates at theta_p rho_r.", "copy r", "rho_r", false, false,
                        ReportBlock.Kind.BAR, rhoSeries));
    }

    private static ReportBlock epsilonSensitivity() {
        int points = 12;
        List<ReportBlock.Series> series = new ArrayList<>();
        double[] xs = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = Math.pow(10, -12 + i);
        }
        for (int k : KS) {
            double[] keep = new double[points];
            double[] predicted = new double[points];
            for (int i = 0; i < points; i++) {
                TransformerConfig c = toy().withEpsilon(xs[i]).withMlmEpsilon(xs[i]);
                keep[i] = Math.max(1e-16, deviation(c, WideningOptions.exact().withEpsilonPolicy(EpsilonPolicy.KEEP), k)[0]);
                predicted[i] = f21Scale(c, k);
            }
            series.add(new ReportBlock.Series("KEEP k=" + k, xs, keep));
            series.add(new ReportBlock.Series("F21 scale k=" + k, xs, predicted));
        }
        double[] exact = new double[points];
        for (int i = 0; i < points; i++) {
            TransformerConfig c = toy().withEpsilon(xs[i]).withMlmEpsilon(xs[i]);
            exact[i] = Math.max(1e-16, deviation(c, WideningOptions.exact(), 2)[0]);
        }
        series.add(new ReportBlock.Series("DIVIDE_BY_K k=2", xs, exact));
        return new ReportBlock.Plot("Epsilon sensitivity (WIDEN-F21, E2)", "Max |delta logit| of the toy BERT when every "
                + "norm keeps its epsilon, against epsilon; flat: the exact eps/k rule (floored at 1e-16). 'F21 scale': "
                + "max |logit| times the largest F21 shrink 1 - sqrt((s2+eps)/(s2+k eps)) over the rows entering the "
                + "first norm (a first-order size, not a bound).", "epsilon", "max |delta logit|", true, true,
                ReportBlock.Kind.LINE, series);
    }

    private static double f21Scale(TransformerConfig c, int k) {
        TransformerWeights w = RandomInit.chapter(0.7).sample(c, SEED);
        ForwardResult r = ReferenceTransformer.forward(c, w, tokens(), null, true);
        double shrink = 0;
        for (double[] row : r.traced("emb.sum")) {
            double s2 = io.formulary.core.nn.Norms.secondMoment(c.normKind(), row);
            shrink = Math.max(shrink, 1 - ScaleCalculus.keptEpsilonFactor(s2, c.epsilon(), k));
        }
        double maxLogit = 0;
        for (double[] row : r.logits()) {
            for (double v : row) {
                maxLogit = Math.max(maxLogit, Math.abs(v));
            }
        }
        return Math.max(1e-16, shrink * maxLogit);
    }

    private static ReportBlock layerwiseDrift() {
        TransformerConfig c = toy();
        TransformerWeights w = RandomInit.chapter(0.7).sample(c, SEED);
        int[] t = tokens();
        ForwardResult orig = ReferenceTransformer.forward(c, w, t, null, true);
        String[] keys = {"emb", "L1.mid", "L1.ffn.hidden", "L1.out", "L2.mid", "L2.ffn.hidden", "L2.out", "final",
            "mlm.dense", "mlm.norm"};
        List<ReportBlock.Series> series = new ArrayList<>();
        for (int k : KS) {
            for (boolean lossy : new boolean[] {true, false}) {
                WideningOptions o = lossy ? WideningOptions.exact().withFfnPolicy(ActivationPolicy.PLAIN)
                        : WideningOptions.exact();
                WidenedModel m = ModelWidener.widen(c, w, k, o);
                ForwardResult wide = ReferenceTransformer.forward(m.config(), m.weights(), t, null, true);
                Map<String, WideningPlan.Space> spaces = WideningPlan.of(c, k, o).traceSpaces(c);
                double[] xs = new double[keys.length];
                double[] ys = new double[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    xs[i] = i;
                    ys[i] = Math.max(1e-17, relativeDrift(orig.traced(keys[i]), wide.traced(keys[i]),
                            spaces.get(keys[i]), k));
                }
                series.add(new ReportBlock.Series((lossy ? "GELU with PLAIN" : "exact") + " k=" + k, xs, ys));
            }
        }
        return new ReportBlock.Plot("Layer-wise drift", "||z~ - sigma rep(z)|| / ||z|| along the toy BERT (x: 0 emb, "
                + "1 L1.mid, 2 L1.ffn.hidden, 3 L1.out, 4 L2.mid, 5 L2.ffn.hidden, 6 L2.out, 7 final, 8 mlm.dense, "
                + "9 mlm.norm) for the lossy plain FFN transform of a GELU model, and for exact widening (floored at "
                + "1e-17).", "traced tensor (index)", "relative drift", false, true, ReportBlock.Kind.LINE, series);
    }

    private static double relativeDrift(double[][] z, double[][] zw, WideningPlan.Space s, int k) {
        double sigma = s.sigma(WideningFactors.of(k));
        int cols = z[0].length;
        double num = 0;
        double den = 0;
        for (int m = 0; m < z.length; m++) {
            for (int i = 0; i < zw[m].length; i++) {
                double d = zw[m][i] - sigma * z[m][s.pattern().source(i, cols, k)];
                num += d * d;
            }
            for (double v : z[m]) {
                den += v * v;
            }
        }
        return Math.sqrt(num / den);
    }

    private static List<ReportBlock> heatmaps() {
        SplittableRandom r = new SplittableRandom(SEED);
        double[][] w = new double[4][6];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.round(10 * r.nextGaussian()) / 10.0;
            }
        }
        double[][] inter = Repeat.matrix(w, RepeatPattern.INTERLEAVED, RepeatPattern.INTERLEAVED, 2, 0.5);
        double[][] tiled = Repeat.matrix(w, RepeatPattern.TILED, RepeatPattern.TILED, 2, 0.5);
        List<ReportBlock> out = new ArrayList<>();
        out.add(new ReportBlock.Heatmap("W (4x6)", "A small weight matrix (seed 2021).", List.of(), List.of(), w, -2, 2));
        out.add(new ReportBlock.Heatmap("R W R^T, INTERLEAVED, k=2", "Each entry repeated in a 2x2 block, times 1/2.",
                List.of(), List.of(), inter, -2, 2));
        out.add(new ReportBlock.Heatmap("R W R^T, TILED, k=2", "The whole matrix repeated 2x2, times 1/2.", List.of(),
                List.of(), tiled, -2, 2));
        for (RepeatPattern p : new RepeatPattern[] {RepeatPattern.INTERLEAVED, RepeatPattern.TILED}) {
            int[] pi = Repeat.indexMap(p, 6, 2);
            List<List<String>> rows = new ArrayList<>();
            for (int h = 0; h < 3; h++) {
                List<String> row = new ArrayList<>();
                row.add("head " + (h + 1));
                for (int j = 0; j < 4; j++) {
                    row.add("x" + (pi[4 * h + j] + 1));
                }
                rows.add(row);
            }
            out.add(new ReportBlock.Table("F18 reshape example, " + p, "H=3, d_h=2, k=2: the widened heads of "
                    + "x = [x1..x6] after the reshape; " + (p == RepeatPattern.INTERLEAVED
                    ? "each head repeats one original head." : "heads mix original heads."),
                    List.of("head", "1", "2", "3", "4"), rows));
        }
        return out;
    }
}
