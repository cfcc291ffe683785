package io.formulary.core.contrastive;

import io.formulary.core.contrastive.ContrastiveLoss.NaiveLoss;
import io.formulary.core.contrastive.GradientAccumulation.GradientAndLoss;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.report.ReportBlock.Kind;
import io.formulary.core.report.ReportBlock.Plot;
import io.formulary.core.report.ReportBlock.Series;
import io.formulary.core.report.ReportBlock.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The "Report content" of chapter CONTRA: the golden values, the gradient error and the values of the three schemes
 * versus the number of chunks, SGD trajectories, the dropout demonstration, the cost model and a finite-difference
 * summary. Deterministic (fixed seeds) and small enough to run at the end of every build.
 */
public final class ContrastiveReport implements ChapterReport {

    private static final long SEED = 20210617L;
    private static final int[] CHUNK_COUNTS = {1, 2, 3, 4, 5, 6, 8, 12, 16, 24, 48};

    @Override
    public String area() {
        return "CONTRA";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(goldenTable());
        Setup setup = Setup.create(48, 0.1);
        for (boolean masked : new boolean[] {false, true}) {
            blocks.add(gradientErrorPlot(setup, masked));
        }
        blocks.add(valuesPlot(setup, false));
        blocks.add(trajectories());
        blocks.add(dropout());
        blocks.add(costTable());
        blocks.add(finiteDifferenceTable());
        return blocks;
    }

    /** The MLP set-up of the plots: B rows, m = 6, r = 8, d = 4, interleaved partners. */
    private record Setup(Encoder encoder, double[] theta, double[][] x, int[] partner, double tau) {
        static Setup create(int b, double tau) {
            SplittableRandom rnd = new SplittableRandom(SEED);
            Encoder e = new Encoder.TanhMlp(8, 4, false);
            double[][] x = gaussian(b, 6, rnd);
            double[] theta = gaussian(1, e.parameterCount(6), rnd)[0];
            return new Setup(e, theta, x, Partners.interleaved(b), tau);
        }
    }

    private static Table goldenTable() {
        double[][] h = {{0.75, -0.75}, {-0.375, 1}, {0.25, 0.75}, {-0.875, 0.25}};
        double[][] g3 = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        int[] p = {1, 0, 3, 2};
        List<List<String>> rows = new ArrayList<>();
        row(rows, "G1 loss, unmasked", ContrastiveLoss.loss(h, p, 0.5, false), 13.810894676625348472);
        row(rows, "G1 loss, masked", ContrastiveLoss.loss(h, p, 0.5, true), 9.0498521314291853268);
        row(rows, "G1 V_h, unmasked", ContrastiveLoss.perSampleSurrogateValue(h, p, 0.5, false), 20.678550497128860015);
        row(rows, "G1 V_h, masked", ContrastiveLoss.perSampleSurrogateValue(h, p, 0.5, true), 11.770621758329732013);
        row(rows, "G1 naive loss [2,2], unmasked", ContrastiveLoss.naiveLoss(h, p, 0.5, false, new int[] {2, 2}).naiveLoss(),
                12.116972309819738763);
        row(rows, "G3 loss, unmasked", ContrastiveLoss.loss(g3, p, 0.5, false), 3.2803007664116712);
        row(rows, "G3 V_h, unmasked", ContrastiveLoss.perSampleSurrogateValue(g3, p, 0.5, false), -1.9072467523538809);
        row(rows, "G3 loss, masked", ContrastiveLoss.loss(g3, p, 0.5, true), 0.958179064887538);
        row(rows, "G3 V_h, masked", ContrastiveLoss.perSampleSurrogateValue(g3, p, 0.5, true), -3.408223325414424);
        double[][] same = {{0.25, -1.5}, {0.25, -1.5}, {0.25, -1.5}, {0.25, -1.5}};
        double[][] x = {{1, 0, 2}, {0, 1, -1}, {1, 1, 0}, {-1, 2, 1}};
        double[] w = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5};
        row(rows, "G1 naive loss [2,2], masked", ContrastiveLoss.naiveLoss(h, p, 0.5, true, new int[] {2, 2}).naiveLoss(),
                0);
        vectorRow(rows, "G1 htilde (rows 0-3), unmasked", flat(ContrastiveLoss.labelVectors(h, p, 0.5, false)),
                4.2408969128039995, -6.5611159443048806, -4.431212194076678, 6.5387946904553947, 3.2040315194672364,
                1.4719727331438275, -3.1536513538018191, -1.1515630929528817);
        vectorRow(rows, "G1 htilde (rows 0-3), masked", flat(ContrastiveLoss.labelVectors(h, p, 0.5, true)),
                1.2241122978591256, -2.4588596905383388, -4.1876263441671958, 5.2062153208740281, 2.8982510073455703,
                0.6671316562314295, -1.2745182016358018, -0.43318941338553651);
        Encoder linear = new Encoder.Linear(2, false);
        vectorRow(rows, "G1 grad W, unmasked", GradientAccumulation.fullBatch(linear, w, x, p, 0.5, false).grad(),
                10.598579786073055, -7.5344833822130798, 9.759354665882858, -3.9375801182081714, 5.7076412376934589,
                -20.812589672018038);
        vectorRow(rows, "G1 grad W, masked", GradientAccumulation.fullBatch(linear, w, x, p, 0.5, true).grad(),
                5.3968815068404977, -3.8384117400932291, 5.3613327382496453, -1.3585386209213728, 5.0069681503343846,
                -10.557124115336242);
        vectorRow(rows, "G1 two-pass [3,1] grad W, unmasked", GradientAccumulation.twoPass(linear, linear, w, x, p, 0.5,
                        false, new int[] {3, 1}, new int[] {4}).grad(),
                10.598579786073055, -7.5344833822130798, 9.759354665882858, -3.9375801182081714, 5.7076412376934589,
                -20.812589672018038);
        vectorRow(rows, "G1 naive grad [2,2], unmasked", GradientAccumulation.naive(linear, w, x, p, 0.5, false,
                        new int[] {2, 2}).grad(),
                11.877389504240816, -8.362621022058105, 9.53746250869683, -3.756518680133707, 5.243731853517088,
                -22.3320166869691);
        double[] theta2 = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5, 0.125, -0.25, 1, -0.5, 0.5, 1, 0, 0.25};
        Encoder mlp = new Encoder.TanhMlp(2, 2, false);
        double[][] h2 = mlp.forward(theta2, x);
        row(rows, "G2 loss, unmasked", ContrastiveLoss.loss(h2, p, 0.5, false), 12.414669281340879312);
        row(rows, "G2 loss, masked", ContrastiveLoss.loss(h2, p, 0.5, true), 8.262146771246619562);
        row(rows, "G2 V_h, unmasked", ContrastiveLoss.perSampleSurrogateValue(h2, p, 0.5, false), 17.169751224610066849);
        row(rows, "G2 V_h, masked", ContrastiveLoss.perSampleSurrogateValue(h2, p, 0.5, true), 9.7516858324383232535);
        vectorRow(rows, "G2 grad theta, unmasked", GradientAccumulation.fullBatch(mlp, theta2, x, p, 0.5, false).grad(),
                7.328401614757991, -4.7642750297763269, 6.4980382032952554, 0.31856291937912137, 2.1233300670903797,
                -10.483232863465513, -0.61394793832642681, 1.0148539407512454, 7.7303965135843089, -7.3202392293592097,
                -0.44732546477746961, 5.8991067659624754, 0.23264849923339186, 0.41516425108965012);
        vectorRow(rows, "G2 grad theta, masked", GradientAccumulation.fullBatch(mlp, theta2, x, p, 0.5, true).grad(),
                4.5929545612842828, -2.2658216800419949, 3.5815457405182458, 0.54375146487120126, 1.6930059514504944,
                -5.858558816149004, -0.6339471124766762, 1.7156365955479986, 4.0031104603836434, -3.3906340601511877,
                0.03368407364468681, 3.5488193932321691, -1.4065871720481267, 1.9503876476982941);
        double[][] g4 = {{2, 1.3862943611198906, 0}, {4, 5.545177444479562, 4.394449154672439},
                {6, 10.75055681536833, 9.656627474604602}};
        for (double[] g : g4) {
            int b = (int) g[0];
            double[][] ident = new double[b][];
            for (int i = 0; i < b; i++) {
                ident[i] = same[0].clone();
            }
            int[] pb = Partners.interleaved(b);
            row(rows, "G4 loss B=" + b + ", unmasked", ContrastiveLoss.loss(ident, pb, 0.7, false), g[1]);
            row(rows, "G4 loss B=" + b + ", masked", ContrastiveLoss.loss(ident, pb, 0.7, true), g[2]);
            vectorRow(rows, "G4 htilde B=" + b + ", masked", flat(ContrastiveLoss.labelVectors(ident, pb, 0.7, true)),
                    new double[2 * b]);
        }
        return new Table("Golden values G1-G4", "The oracle's values beside the chapter's (computed there with mpmath at "
                + "40 digits from the same dyadic inputs); the difference is in units of the listed value's ulp, for "
                + "vectors the largest entry difference in ulps of the largest listed entry (of 1 for a zero vector).",
                List.of("quantity", "oracle", "chapter", "difference (ulps)"), rows);
    }

    private static void row(List<List<String>> rows, String name, double actual, double listed) {
        rows.add(List.of(name, Double.toString(actual), Double.toString(listed),
                fmt(Math.abs(actual - listed) / Math.ulp(listed))));
    }

    /** A vector row: the largest entry difference, in ulps of the vector's largest listed entry (CONTRA-P14). */
    private static void vectorRow(List<List<String>> rows, String name, double[] actual, double... listed) {
        double diff = 0;
        for (int k = 0; k < listed.length; k++) {
            diff = Math.max(diff, Math.abs(actual[k] - listed[k]));
        }
        double scale = AccurateSums.maxAbs(listed);
        rows.add(List.of(name, "max |entry| " + AccurateSums.maxAbs(actual), "max |entry| " + scale,
                fmt(diff / Math.ulp(scale == 0 ? 1 : scale))));
    }

    private static double[] flat(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }

    private static int[] chunksFor(int b, int n) {
        int size = (b + n - 1) / n;
        List<Integer> sizes = new ArrayList<>();
        for (int left = b; left > 0; left -= size) {
            sizes.add(Math.min(size, left));
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean closed(int[] chunks, int[] partner) {
        int offset = 0;
        for (int c : chunks) {
            for (int i = offset; i < offset + c; i++) {
                if (partner[i] < offset || partner[i] >= offset + c) {
                    return false;
                }
            }
            offset += c;
        }
        return true;
    }

    private static Plot gradientErrorPlot(Setup s, boolean masked) {
        double[] full = GradientAccumulation.fullBatch(s.encoder(), s.theta(), s.x(), s.partner(), s.tau(), masked).grad();
        double norm = AccurateSums.norm2(full);
        List<Double> xs = new ArrayList<>();
        List<Double> twoPass = new ArrayList<>();
        List<Double> nx = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (int n : CHUNK_COUNTS) {
            int[] chunks = chunksFor(s.x().length, n);
            double[] g = GradientAccumulation.twoPass(s.encoder(), s.encoder(), s.theta(), s.x(), s.partner(), s.tau(),
                    masked, chunks, new int[] {s.x().length}).grad();
            xs.add((double) n);
            twoPass.add(Math.max(1e-17, distance(g, full) / norm));
            if (closed(chunks, s.partner())) {
                double[] gn = GradientAccumulation.naive(s.encoder(), s.theta(), s.x(), s.partner(), s.tau(), masked,
                        chunks).grad();
                nx.add((double) n);
                naive.add(Math.max(1e-17, distance(gn, full) / norm));
            }
        }
        return new Plot("Gradient error versus number of chunks (" + (masked ? "masked" : "unmasked") + ")",
                "B = 48, tanh MLP (m = 6, r = 8, d = 4), tau = 0.1, interleaved partners, seed " + SEED
                        + "; chunks of ceil(B/n) rows with a shorter last chunk; naive only for pi-closed chunkings; "
                        + "errors floored at 1e-17.",
                "number of chunks n", "relative gradient error ||g - grad L|| / ||grad L||", true, true, Kind.LINE,
                List.of(series("two-pass (article)", xs, twoPass), series("naive per-chunk", nx, naive)));
    }

    private static Plot valuesPlot(Setup s, boolean masked) {
        double[][] h = s.encoder().forward(s.theta(), s.x());
        double loss = ContrastiveLoss.loss(h, s.partner(), s.tau(), masked);
        double vsg = ContrastiveLoss.stopGradientSurrogateValue(h, s.partner(), s.tau(), masked);
        double vh = ContrastiveLoss.perSampleSurrogateValue(h, s.partner(), s.tau(), masked);
        List<Double> xs = new ArrayList<>();
        List<Double> l = new ArrayList<>();
        List<Double> ln = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int n : CHUNK_COUNTS) {
            int[] chunks = chunksFor(s.x().length, n);
            if (!closed(chunks, s.partner())) {
                continue;
            }
            NaiveLoss naive = ContrastiveLoss.naiveLoss(h, s.partner(), s.tau(), masked, chunks);
            xs.add((double) n);
            l.add(loss);
            ln.add(naive.naiveLoss());
            a.add(vsg);
            b.add(vh);
        }
        return new Plot("Loss and surrogate values versus number of chunks (unmasked)",
                "Same set-up as the gradient plot (pi-closed chunkings only): the loss is flat, the naive loss decreases "
                        + "with n, and the surrogate values V_sg and V_h = 2 V_sg are flat at other levels.",
                "number of chunks n", "value (nats)", true, false, Kind.LINE,
                List.of(series("L", xs, l), series("L naive", xs, ln), series("V_sg", xs, a), series("V_h", xs, b)));
    }

    private static Plot trajectories() {
        Setup s = Setup.create(16, 0.5);
        int[] chunks = chunksFor(16, 4);
        double lr = 0.01;
        double[] t1 = s.theta().clone();
        double[] t2 = s.theta().clone();
        double[] t3 = s.theta().clone();
        List<Double> steps = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (int step = 0; step <= 50; step++) {
            GradientAndLoss a = GradientAccumulation.fullBatch(s.encoder(), t1, s.x(), s.partner(), s.tau(), false);
            GradientAndLoss b = GradientAccumulation.twoPass(s.encoder(), s.encoder(), t2, s.x(), s.partner(), s.tau(),
                    false, chunks, new int[] {16});
            GradientAndLoss c = GradientAccumulation.naive(s.encoder(), t3, s.x(), s.partner(), s.tau(), false, chunks);
            steps.add((double) step);
            full.add(a.loss());
            two.add(b.loss());
            naive.add(ContrastiveLoss.loss(s.encoder().forward(t3, s.x()), s.partner(), s.tau(), false));
            for (int k = 0; k < t1.length; k++) {
                t1[k] -= lr * a.grad()[k];
                t2[k] -= lr * b.grad()[k];
                t3[k] -= lr * c.grad()[k];
            }
        }
        return new Plot("Training trajectories (50 SGD steps)",
                "B = 16, tanh MLP, tau = 0.5, learning rate 0.01, the same initial parameters (seed " + SEED + "); the "
                        + "full-batch loss along each trajectory. Two-pass with 4 chunks overlaps full batch; naive with "
                        + "4 chunks follows another path.",
                "SGD step", "full-batch loss L (nats)", false, false, Kind.LINE,
                List.of(series("full batch", steps, full), series("two-pass, n = 4", steps, two),
                        series("naive, n = 4", steps, naive)));
    }

    private static Plot dropout() {
        Setup s = Setup.create(16, 0.5);
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        double[] rhos = {0.1, 0.3, 0.5};
        double[] replay = new double[3];
        double[] fresh = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m1 = masks(16, 8, rhos[k], rnd);
            double[][] m2 = masks(16, 8, rhos[k], rnd);
            Encoder e1 = new Encoder.DropoutTanhMlp(8, 4, rhos[k], m1);
            Encoder e2 = new Encoder.DropoutTanhMlp(8, 4, rhos[k], m2);
            double[] full = GradientAccumulation.fullBatch(e1, s.theta(), s.x(), s.partner(), s.tau(), false).grad();
            int[] chunks = chunksFor(16, 4);
            double[] same = GradientAccumulation.twoPass(e1, e1, s.theta(), s.x(), s.partner(), s.tau(), false, chunks,
                    new int[] {16}).grad();
            double[] mixed = GradientAccumulation.twoPass(e1, e2, s.theta(), s.x(), s.partner(), s.tau(), false, chunks,
                    new int[] {16}).grad();
            replay[k] = Math.max(1e-17, distance(same, full) / AccurateSums.norm2(full));
            fresh[k] = Math.max(1e-17, distance(mixed, full) / AccurateSums.norm2(full));
        }
        return new Plot("Dropout: replayed versus fresh pass-2 masks",
                "Tanh MLP with inverted dropout (B = 16, 4 chunks, tau = 0.5); relative gradient error of the two-pass "
                        + "scheme against the full-batch gradient of the pass-1 masks, floored at 1e-17.",
                "dropout rate rho", "relative gradient error", false, true, Kind.BAR,
                List.of(new Series("replayed masks", rhos, replay), new Series("fresh masks", rhos, fresh)));
    }

    private static Table costTable() {
        int b = 256;
        int d = 128;
        List<List<String>> rows = new ArrayList<>();
        for (int chunk : new int[] {16, 32, 64, 256}) {
            int[] chunks = chunksFor(b, b / chunk);
            CostModel.Cost two = CostModel.twoPass(b, chunks, d);
            CostModel.Cost blocks = CostModel.twoPassWithRowBlocks(b, chunks, d, 32);
            CostModel.Cost naive = CostModel.naive(b, chunks);
            rows.add(List.of(Integer.toString(chunk), Long.toString(two.forwardSamplePasses()),
                    Long.toString(two.backwardSamplePasses()),
                    fmt((double) two.peakActivationSamples() / b), Long.toString(2L * b * d),
                    Long.toString((long) b * b), Long.toString(blocks.storedFloats() - 2L * b * d),
                    Long.toString(naive.forwardSamplePasses())));
        }
        return new Table("Cost model (CONTRA-F18), B = 256, d = 128",
                "Per gradient step, in sample passes; peak activations relative to full batch; stored floats between "
                        + "the passes for H and Htilde, and for S in full or in row blocks of 32.",
                List.of("chunk size b", "forward passes (two-pass)", "backward passes", "peak activations / full batch",
                        "floats for H, Htilde", "floats for S (full)", "floats for S (row blocks of 32)",
                        "forward passes (full batch or naive)"), rows);
    }

    private static Table finiteDifferenceTable() {
        List<List<String>> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(SEED + 2);
        double[][] x = gaussian(8, 4, rnd);
        int[] p = Partners.interleaved(8);
        for (int enc = 0; enc < 2; enc++) {
            for (boolean normalize : new boolean[] {false, true}) {
                for (boolean masked : new boolean[] {false, true}) {
                    Encoder e = enc == 0 ? new Encoder.Linear(3, normalize) : new Encoder.TanhMlp(5, 3, normalize);
                    double[] theta = gaussian(1, e.parameterCount(4), rnd)[0];
                    double[] g = GradientAccumulation.fullBatch(e, theta, x, p, 0.5, masked).grad();
                    double a = ContrastiveLoss.roundingMagnitude(e.forward(theta, x), p, 0.5, masked);
                    double worst = 0;
                    for (int k = 0; k < g.length; k++) {
                        java.util.function.ToDoubleFunction<double[]> f =
                                t -> ContrastiveLoss.loss(e.forward(t, x), p, 0.5, masked);
                        double g1 = FiniteDifference.partial(f, theta, k, 1);
                        double g2 = FiniteDifference.partial(f, theta, k, 2);
                        double tol = 1e-6 * (1 + Math.abs(g[k])) + 16 * 0x1p-52 * a / FiniteDifference.step(theta[k])
                                + Math.abs(g2 - g1);
                        worst = Math.max(worst, Math.abs(g1 - g[k]) / tol);
                    }
                    rows.add(List.of(enc == 0 ? "linear" : "tanh MLP", masked ? "masked" : "unmasked",
                            Boolean.toString(normalize), Integer.toString(g.length), fmt(worst)));
                }
            }
        }
        return new Table("Finite-difference check (CONTRA-P1)",
                "B = 8, m = 4, d = 3, tau = 0.5, seed " + (SEED + 2) + "; the worst ratio of error to the P1 tolerance "
                        + "over every parameter (below 1 passes).",
                List.of("encoder", "variant", "normalize", "parameters", "max error / tolerance"), rows);
    }

    private static Series series(String name, List<Double> x, List<Double> y) {
        return new Series(name, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double distance(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return AccurateSums.norm2(d);
    }

    private static double[][] masks(int b, int r, double rho, SplittableRandom rnd) {
        double[][] m = new double[b][r];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < r; k++) {
                m[i][k] = rnd.nextDouble() < rho ? 0 : 1;
            }
        }
        return m;
    }

    private static double[][] gaussian(int rows, int cols, SplittableRandom rnd) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = rnd.nextGaussian();
            }
        }
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
