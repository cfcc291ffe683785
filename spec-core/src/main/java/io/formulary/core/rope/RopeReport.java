package io.formulary.core.rope;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.numeric.Tolerance;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.report.ReportBlock.Heatmap;
import io.formulary.core.report.ReportBlock.Kind;
import io.formulary.core.report.ReportBlock.Note;
import io.formulary.core.report.ReportBlock.Plot;
import io.formulary.core.report.ReportBlock.Series;
import io.formulary.core.report.ReportBlock.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ROPE chapter's report content: 2-D versus flattened score maps, the 2-D relative-position check,
 * invertibility and aliasing, expm accuracy, quaternion counterexamples, commutators, layouts, large-position
 * accuracy of the float64 recipe and the Monte-Carlo trace identity. Deterministic (fixed seeds).
 */
public final class RopeReport implements ChapterReport {

    private static final double U = Tolerance.UNIT_ROUNDOFF;

    /** Public no-argument constructor for the service loader. */
    public RopeReport() {
    }

    @Override
    public String area() {
        return "ROPE";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(conventions());
        blocks.add(scoreMap2d());
        blocks.add(scoreMapFlattened());
        blocks.add(relativityCheck2d());
        blocks.add(sawtooth());
        blocks.add(scheduleRecovery());
        blocks.add(expmAccuracy());
        blocks.add(quaternionTable());
        blocks.add(scoreWitnessTable());
        blocks.add(commutatorTable());
        blocks.add(layoutTable());
        blocks.add(largePositions());
        blocks.add(monteCarlo());
        return blocks;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    private static double[] ones(int d) {
        double[] v = new double[d];
        Arrays.fill(v, 1);
        return v;
    }

    private static Note conventions() {
        return new Note("Conventions", "Layouts: INTERLEAVED pairs $(2i, 2i+1)$ (RoFormer, GPT-J, Meta LLaMA) and ROTATE_HALF pairs "
                + "$(i, i+d/2)$ (GPT-NeoX, Hugging Face LLaMA/Mistral/Qwen), related by the permutation $P$ (order "
                + "$[0,2,4,\\dots,1,3,5,\\dots]$). Frequencies $\\theta_i=\\beta^{-2i/d}$; for 2-D each half of the channels "
                + "is a 1-D RoPE of width $d/2$ with $\\omega_j=\\beta^{-2j/(d/2)}$, the first half driven by $x$ (row), the "
                + "second by $y$ (column) (AXIS_SPLIT; AXIS_INTERLEAVED alternates pairs; SECTIONED uses one 1-D schedule "
                + "split into contiguous sections as in Qwen2-VL M-RoPE). Positions are plain reals with no implicit "
                + "offset: scores depend only on $n-m$, rotated vectors do not. Rotation is counter-clockwise; a clockwise "
                + "peer equals the reference at negated positions. Phases are exact (double-double frequency and phase, "
                + "reduced against an extended-precision $2\\pi$) unless FLOAT64_RECIPE is requested.");
    }

    private static Heatmap scoreMap2d() {
        double[] q = ones(64);
        return scoreMap("2-D RoPE score map (AXIS_SPLIT)", "s(dx, dy) = q^T R_{dx,dy} k with q = k = all-ones, d = 64, "
                + "base 100, dx (rows) and dy (columns) in [-16, 16]. Symmetric under swapping the axes.",
                (dx, dy) -> AccurateSums.dot(q, RotaryEmbedding2d.rotate2d(q, dx, dy, 100, AxisAssignment.AXIS_SPLIT)));
    }

    private static Heatmap scoreMapFlattened() {
        int w = 16;
        double[] q = ones(64);
        // relative flattened position l(x+dx, y+dy) - l(x, y) = dx w + dy
        return scoreMap("1-D RoPE on the flattened index", "s = q^T R_{dx w + dy} k, the same q, k, d and base, w = 16: "
                + "stretched along dx and banded, not symmetric in the axes.",
                (dx, dy) -> RotaryEmbedding.score(q, q, 0, dx * (double) w + dy, 100));
    }

    /** A score at integer offsets {@code (dx, dy)}. */
    private interface ScoreAt {
        double at(int dx, int dy);
    }

    /** The heat map of a score for dx (rows) and dy (columns) in [-16, 16], with its range. */
    private static Heatmap scoreMap(String title, String caption, ScoreAt score) {
        double[][] values = new double[33][33];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            labels.add(Integer.toString(i - 16));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < 33; a++) {
            for (int b = 0; b < 33; b++) {
                double s = score.at(a - 16, b - 16);
                values[a][b] = s;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        return new Heatmap(title, caption, labels, labels, values, min, max);
    }

    private static Table relativityCheck2d() {
        SplittableRandom r = new SplittableRandom(7);
        List<List<String>> rows = new ArrayList<>();
        for (int d : new int[] {8, 64, 512}) {
            for (AxisAssignment variant : AxisAssignment.values()) {
                double worst = 0;
                double worstRatio = 0;
                for (int t = 0; t < 20; t++) {
                    double[] q = new double[d];
                    double[] k = new double[d];
                    for (int i = 0; i < d; i++) {
                        q[i] = r.nextDouble(-1, 1);
                        k[i] = r.nextDouble(-1, 1);
                    }
                    double x1 = r.nextInt(-1000, 1001);
                    double y1 = r.nextInt(-1000, 1001);
                    double x2 = r.nextInt(-1000, 1001);
                    double y2 = r.nextInt(-1000, 1001);
                    double abs = AccurateSums.dot(RotaryEmbedding2d.rotate2d(q, x1, y1, 1e4, variant),
                            RotaryEmbedding2d.rotate2d(k, x2, y2, 1e4, variant));
                    double rel = AccurateSums.dot(q, RotaryEmbedding2d.rotate2d(k, x2 - x1, y2 - y1, 1e4, variant));
                    double err = Math.abs(abs - rel);
                    double pos = Math.abs(x1) + Math.abs(x2) + Math.abs(y1) + Math.abs(y2) + Math.abs(x2 - x1) + Math.abs(y2 - y1);
                    double tau = 2 * ((StrictMath.log(1e4) + 3) * U * pos + 8.0 * d * U)
                            * AccurateSums.norm2(q) * AccurateSums.norm2(k);
                    worst = Math.max(worst, err);
                    worstRatio = Math.max(worstRatio, err / tau);
                }
                rows.add(List.of(Integer.toString(d), variant.name(), fmt(worst), fmt(worstRatio)));
            }
        }
        return new Table("2-D relative-position check", "max over 20 random (q, k, (x1,y1), (x2,y2)) per row, positions "
                + "integers in [-1000, 1000], base 1e4, components uniform in [-1, 1] (seed 7): |<R_{x1,y1} q, R_{x2,y2} k> "
                + "- q^T R_{x2-x1,y2-y1} k| and its ratio to the F23 tolerance tau_s.",
                List.of("d", "variant", "max |error|", "max error / tau_s"), rows);
    }

    private static Plot sawtooth() {
        int n = 401;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double x = -4 * Math.PI + 8 * Math.PI * i / (n - 1);
            xs[i] = x;
            ys[i] = PositionRecovery.recoverSingle(RotaryEmbedding2d.matrix4(x, 0, 1), 1, PositionRecovery.DEFAULT_TAU)[0];
        }
        return new Plot("Single-frequency recovery (aliasing)", "recovered x from R_{x,0} with theta = 1 against the true x in "
                + "[-4 pi, 4 pi]: a sawtooth, x - 2 pi round(x / 2 pi).", "true x", "recovered x", false, false, Kind.LINE,
                List.of(new Series("recovered", xs, ys), new Series("identity", xs, xs.clone())));
    }

    private static Plot scheduleRecovery() {
        int n = 201;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Double> failX = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = -20000 + 40000.0 * i / (n - 1);
            xs[i] = x;
            try {
                ys[i] = PositionRecovery.recover2d(RotaryEmbedding2d.matrix2d(64, x, 0, 1e4, AxisAssignment.AXIS_SPLIT,
                        PhaseMode.EXACT), 1e4)[0];
            } catch (IllegalArgumentException e) {
                ys[i] = Double.NaN;
                failX.add(x);
            }
        }
        double[] fx = failX.stream().mapToDouble(Double::doubleValue).toArray();
        return new Plot("Schedule recovery and its range", "recovered x for c = 32 (d = 64), base 1e4, x in [-20000, 20000]: "
                + "the identity up to |x| = pi/omega_min = 17666.47, rejected beyond (marked on the diagonal).", "true x",
                "recovered x", false, false, Kind.SCATTER,
                List.of(new Series("recovered", xs, ys), new Series("rejected", fx, fx.clone())));
    }

    private static Plot expmAccuracy() {
        int d = 64;
        double[][] g = RotaryEmbedding.generator(d, 1e4);
        int n = 15;
        double[] ns = new double[n];
        double[] err = new double[n];
        double[] bound = new double[n];
        for (int i = 0; i < n; i++) {
            double pos = Math.pow(10, -1 + 7.0 * i / (n - 1));
            ns[i] = pos;
            double[][] a = new double[d][d];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    a[r][c] = pos * g[r][c];
                }
            }
            double[][] e = MatrixExponential.expm(a);
            double[][] exact = RotaryEmbedding.matrix(d, pos, 1e4);
            double m = 0;
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    m = Math.max(m, Math.abs(e[r][c] - exact[r][c]));
                }
            }
            err[i] = m == 0 ? Double.NaN : m;
            bound[i] = 256 * (1 + pos) * U;
        }
        return new Plot("expm accuracy", "max |expm(nG) - R_n| for the 64 x 64 rotary generator (base 1e4) against n, with the "
                + "cross-check tolerance 256 (1 + n) u; R_n from exact phases.", "n", "max entry error", true, true, Kind.LINE,
                List.of(new Series("expm error", ns, err), new Series("256 (1 + n) u", ns, bound)));
    }

    private static String q4(double[] p) {
        return "(" + fmt(p[0]) + ", " + fmt(p[1]) + ", " + fmt(p[2]) + ", " + fmt(p[3]) + ")";
    }

    private static Table quaternionTable() {
        List<List<String>> rows = new ArrayList<>();
        double h = Math.PI / 2;
        double[][][] cases = {
            {{0, h, 0, 0}, {0, 0, h, 0}},
            {{0, 1, 0, 0}, {0, 0, 1, 0}},
            {{0, 0.3, 0.4, 0}, {0, 0.6, 0.8, 0}},
        };
        String[] names = {"pi/2 i, pi/2 j", "i, j", "collinear control 0.3i+0.4j, 0.6i+0.8j"};
        for (int t = 0; t < cases.length; t++) {
            double[] p = cases[t][0];
            double[] q = cases[t][1];
            double[] prod = Quaternions.multiply(Quaternions.exp(p), Quaternions.exp(q));
            double[] sum = Quaternions.exp(new double[] {0, p[1] + q[1], p[2] + q[2], p[3] + q[3]});
            double diff = 0;
            for (int i = 0; i < 4; i++) {
                diff = Math.max(diff, Math.abs(prod[i] - sum[i]));
            }
            rows.add(List.of(names[t], q4(prod), q4(sum), fmt(diff)));
        }
        return new Table("Quaternion exponent law", "e^p e^q against e^{p+q}: the law fails for non-commuting exponents and "
                + "holds for parallel ones.", List.of("(p, q)", "e^p e^q", "e^{p+q}", "max difference"), rows);
    }

    private static Table scoreWitnessTable() {
        double[] one = {1, 0, 0, 0};
        double[] q = {1, 0, 1, 0};
        List<List<String>> rows = new ArrayList<>();
        double[][] pos = {{0, 0, 1, 1}, {1, 0, 2, 1}};
        for (double[] p : pos) {
            double quat = AccurateSums.dot(DenseLinearAlgebra.multiply(Quaternions.quaternionRotary(p[0], p[1], 1), one),
                    DenseLinearAlgebra.multiply(Quaternions.quaternionRotary(p[2], p[3], 1), one));
            double block = AccurateSums.dot(DenseLinearAlgebra.multiply(RotaryEmbedding2d.matrix4(p[0], p[1], 1), q),
                    DenseLinearAlgebra.multiply(RotaryEmbedding2d.matrix4(p[2], p[3], 1), q));
            rows.add(List.of("(" + fmt(p[0]) + ", " + fmt(p[1]) + ") -> (" + fmt(p[2]) + ", " + fmt(p[3]) + ")",
                    Double.toString(quat), Double.toString(block)));
        }
        return new Table("Score witness (offset (1, 1))", "theta = 1; quaternion candidate with q = k = 1, block RoPE (F6) with "
                + "q = k = (1, 0, 1, 0). The same offset gives different quaternion scores, equal block scores (2 cos 1).",
                List.of("positions", "quaternion candidate", "block RoPE"), rows);
    }

    private static double frob(double[][] a) {
        return AccurateSums.normFrobenius(a);
    }

    private static Table commutatorTable() {
        List<List<String>> rows = new ArrayList<>();
        for (double b : new double[] {0, 0.5, 1}) {
            for (double c : new double[] {0, 0.5, 1}) {
                rows.add(List.of("3x3, a = 1", "b = " + fmt(b) + ", c = " + fmt(c),
                        fmt(frob(RotaryGenerators.commutator3(1, b, c)))));
            }
        }
        double a = 1.3;
        double b = 0.3;
        double c = -1.2;
        double f = 0.7;
        RotaryGenerators.GeneratorPair on = RotaryGenerators.family4(a, b, c, f);
        rows.add(List.of("4x4 family", "on: a = 1.3, b = 0.3, c = -1.2, f = 0.7", fmt(frob(RotaryGenerators.commutator(on.b1(), on.b2())))));
        double[][] b2 = on.b2();
        for (double delta : new double[] {1e-6, 1e-3, 1e-1}) {
            double[][] off = RotaryGenerators.skew4(0, 0, 0, b2[3][0] + delta, b2[3][1], b2[3][2]);
            rows.add(List.of("4x4 family", "off: d perturbed by " + fmt(delta), fmt(frob(RotaryGenerators.commutator(on.b1(), off)))));
        }
        double[][] articleRule = RotaryGenerators.skew4(0, 0, 0, c * f, -b * f, f);
        rows.add(List.of("4x4 family", "article's d = cf, e = -bf at a = 1.3", fmt(frob(RotaryGenerators.commutator(on.b1(), articleRule)))));
        return new Table("Commutators", "||[B1, B2]||_F for the 3x3 pair B(a,0,0), B(0,b,c) on a (b, c) grid (zero only at "
                + "b = c = 0), and for the 4x4 family on and off the solution manifold d = cf/a, e = -bf/a.",
                List.of("family", "parameters", "||[B1, B2]||_F"), rows);
    }

    private static Table layoutTable() {
        int d = 8;
        int[] order = RotaryEmbedding.rotateHalfOrder(d);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d / 2; i++) {
            rows.add(List.of(Integer.toString(i), "(" + (2 * i) + ", " + (2 * i + 1) + ")", "(" + i + ", " + (i + d / 2) + ")",
                    "P: component " + order[i] + " -> " + i + ", " + order[i + d / 2] + " -> " + (i + d / 2)));
        }
        return new Table("Layouts, d = 8", "pair i rotates by n theta_i in both layouts; P reorders components so that "
                + "RH_n(Pv) = P IL_n(v); P = [0, 2, 4, 6, 1, 3, 5, 7], P^-1 = [0, 4, 1, 5, 2, 6, 3, 7].",
                List.of("pair i", "INTERLEAVED components", "ROTATE_HALF components", "permutation P"), rows);
    }

    private static Table largePositions() {
        List<List<String>> rows = new ArrayList<>();
        for (int d : new int[] {128, 4096}) {
            double[] probe = new double[d];
            for (int i = 0; i < d; i += 2) {
                probe[i] = 1;
            }
            for (double n : new double[] {1e4, 1e6, 0x1p24 + 1, 1e9}) {
                double[] exact = RotaryEmbedding.rotate(probe, n, 1e4, Layout.INTERLEAVED, PhaseMode.EXACT);
                double[] recipe = RotaryEmbedding.rotate(probe, n, 1e4, Layout.INTERLEAVED, PhaseMode.FLOAT64_RECIPE);
                double worst = 0;
                double worst32 = 0;
                for (int i = 0; i < d; i++) {
                    worst = Math.max(worst, Math.abs(exact[i] - recipe[i]));
                }
                for (int i = 0; i < d / 2; i++) {
                    float invFreq = (float) (1.0 / StrictMath.pow(1e4, (double) (float) (2.0 * i / d)));
                    float phase = (float) n * invFreq;
                    worst32 = Math.max(worst32, Math.abs((float) StrictMath.cos(phase) - exact[2 * i]));
                }
                rows.add(List.of(Integer.toString(d), fmt(n), fmt(worst),
                        fmt(RotaryEmbedding.scoreTolerance(0, n, d, 1e4, 1, 1)), fmt(worst32)));
            }
        }
        return new Table("Large positions", "max |cos/sin| deviation of the float64 recipe (one rounding of n theta_i) and of a "
                + "float32 emulation (Hugging Face style inv_freq and phase in float32) from the exact phases (within 2 ulps of "
                + "the 40-digit value, ROPE-P25), base 1e4, with the F23 entry bound for float64.",
                List.of("d", "n", "float64 recipe error", "F23 bound", "float32 error"), rows);
    }

    private static Plot monteCarlo() {
        int d = 16;
        int samples = 20_000;
        double m = 0;
        double nPos = 5;
        double[][] rm = RotaryEmbedding.matrix(d, m, 1e4);
        double[][] rn = RotaryEmbedding.matrix(d, nPos, 1e4);
        double[] theta = RotaryEmbedding.frequencies(d, 1e4);
        double trace = 0;
        double var = 0;
        for (double t : theta) {
            double c = StrictMath.cos((nPos - m) * t);
            trace += 2 * c;
            var += 4 * c * c;
        }
        SplittableRandom r = new SplittableRandom(24);
        int bins = 40;
        double lo = -10;
        double hi = 40;
        double[] counts = new double[bins];
        double sum = 0;
        double[] q = new double[d];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < d; i++) {
                double u1 = 1 - r.nextDouble();
                double u2 = r.nextDouble();
                q[i] = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
            }
            double v = AccurateSums.dot(DenseLinearAlgebra.multiply(rm, q), DenseLinearAlgebra.multiply(rn, q));
            sum += v;
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            if (b >= 0 && b < bins) {
                counts[b]++;
            }
        }
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * (hi - lo) / bins;
        }
        double mean = sum / samples;
        double band = 5 * Math.sqrt(var / samples);
        double top = Arrays.stream(counts).max().orElse(1);
        return new Plot("Monte Carlo trace identity", "histogram of <R_m q, R_n q> for q ~ N(0, I_16), m = 0, n = 5, base 1e4, "
                + "N = 20000 (seed 24); sample mean " + fmt(mean) + ", exact tr R_5 = " + fmt(trace) + ", band +-5 sigma/sqrt(N) = "
                + fmt(band) + ".", "score", "count", false, false, Kind.BAR,
                List.of(new Series("samples", centres, counts),
                        new Series("exact mean", new double[] {trace, trace}, new double[] {0, top}),
                        new Series("mean - 5 sigma/sqrt(N)", new double[] {trace - band, trace - band}, new double[] {0, top}),
                        new Series("mean + 5 sigma/sqrt(N)", new double[] {trace + band, trace + band}, new double[] {0, top})));
    }
}
