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
        row(rows, "G4 loss B=4, unmasked", ContrastiveLoss.loss(same, p, 0.7, false), 5.545177444479562);
        row(rows, "G4 loss B=4, masked", ContrastiveLoss.loss(same, p, 0.7, true), 4.394449154672439);
        return new Table("Golden values G1-G4", "The oracle's values beside the chapter's (computed there with mpmath at "
                + "40 digits from the same dyadic inputs); the difference is in units of the listed value's ulp.",
                List.of("quantity", "oracle", "chapter", "difference (ulps)"), rows);
    }

    private static void row(List<List<String>> rows, String name, double actual, double listed) {
        rows.add(List.of(name, Double.toString(actual), Double.toString(listed),
                fmt(Math.abs(actual - listed) / Math.ulp(listed))));
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
