package io.formulary.core.contrastive;

import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.spec.GoldenCaseSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Golden cases of chapter CONTRA for {@code formulary vectors}: the chapter's edge inputs (G1's embeddings, a
 * positive-dominant batch, identical embeddings, the masked two-row batch) and seeded random batches, with the
 * chapter's error bounds evaluated for each case ({@code gamma = 2 sigma_s + (4B + 2d + 16) eps}).
 */
public final class ContrastiveCases implements GoldenCaseSource {

    private static final double EPS = 0x1p-52;
    private static final double[][] G1_H = {{0.75, -0.75}, {-0.375, 1}, {0.25, 0.75}, {-0.875, 0.25}};
    private static final double[][] X = {{1, 0, 2}, {0, 1, -1}, {1, 1, 0}, {-1, 2, 1}};
    private static final double[] G1_W = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5};
    private static final double[] G2_THETA = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5, 0.125, -0.25, 1, -0.5, 0.5, 1, 0, 0.25};

    @Override
    public String area() {
        return "CONTRA";
    }

    /** One batch of embeddings with its partner map, temperature and variant. */
    private record Batch(String label, double[][] h, int[] partner, double tau, boolean masked) {
    }

    @Override
    public List<GoldenCase> cases(String formulaId, SplittableRandom rnd, int randomCases) {
        List<Batch> batches = new ArrayList<>();
        batches.add(new Batch("edge-G1-unmasked", G1_H, Partners.interleaved(4), 0.5, false));
        batches.add(new Batch("edge-G1-masked", G1_H, Partners.interleaved(4), 0.5, true));
        batches.add(new Batch("edge-positive-dominant", new double[][] {{6, 0}, {6, 0}, {0, 6}, {0, 6}},
                Partners.interleaved(4), 0.5, false));
        batches.add(new Batch("edge-identical", new double[][] {{0.25, -1.5}, {0.25, -1.5}, {0.25, -1.5}, {0.25, -1.5}},
                Partners.halfSplit(4), 0.7, true));
        batches.add(new Batch("edge-masked-two-rows", new double[][] {{0.3, -1.2}, {2.5, 0.7}}, new int[] {1, 0}, 0.5,
                true));
        for (int k = 0; k < randomCases; k++) {
            int b = 2 * (1 + rnd.nextInt(4));
            int d = 1 + rnd.nextInt(4);
            double[][] h = new double[b][d];
            for (double[] row : h) {
                for (int a = 0; a < d; a++) {
                    row[a] = rnd.nextGaussian();
                }
            }
            boolean masked = rnd.nextBoolean();
            batches.add(new Batch("random-" + k, h, rnd.nextBoolean() ? Partners.interleaved(b) : Partners.halfSplit(b),
                    new double[] {0.05, 0.1, 0.5, 1, 10}[rnd.nextInt(5)], masked));
        }
        List<GoldenCase> out = new ArrayList<>();
        for (Batch c : batches) {
            GoldenCase g = forBatch(formulaId, c);
            if (g != null) {
                out.add(g);
            }
        }
        if (formulaId.equals("CONTRA-F11") || formulaId.equals("CONTRA-F12") || formulaId.equals("CONTRA-F13")
                || formulaId.equals("CONTRA-F16") || formulaId.equals("CONTRA-F17") || formulaId.equals("CONTRA-F18")) {
            out.addAll(encoderCases(formulaId, rnd, randomCases));
        }
        return out;
    }

    private static GoldenCase forBatch(String id, Batch c) {
        int b = c.h().length;
        int d = c.h()[0].length;
        double maxNorm = 0;
        for (double[] row : c.h()) {
            maxNorm = Math.max(maxNorm, AccurateSums.norm2(row));
        }
        double sigma = (d + 2) * EPS * maxNorm * maxNorm / c.tau();
        double gamma = 2 * sigma + (4 * b + 2 * d + 16) * EPS;
        Map<String, Object> hpt = args("H", c.h(), "partner", c.partner(), "tau", c.tau(), "masked", c.masked());
        switch (id) {
            case "CONTRA-F1":
                return new GoldenCase(c.label(), args("partner", c.partner()), "exact", 0, "0/1 entries", List.of("CONTRA-P11"));
            case "CONTRA-F2":
                return new GoldenCase(c.label(), args("H", c.h(), "tau", c.tau()), "entrywise-absolute", sigma,
                        "|ds_ij| <= (d+2) eps max||h_i|| ||h_j|| / tau", List.of("CONTRA-P8"));
            case "CONTRA-F3":
                return new GoldenCase(c.label(), args("H", c.h(), "tau", c.tau(), "masked", c.masked()),
                        "entrywise-absolute", gamma, "|dp_ij| <= gamma p_ij <= gamma", List.of("CONTRA-P11"));
            case "CONTRA-F4": {
                double sum = 0;
                for (double li : ContrastiveLoss.rowLosses(c.h(), c.partner(), c.tau(), c.masked())) {
                    sum += 1 + li;
                }
                return new GoldenCase(c.label(), hpt, "absolute", gamma * sum, "sum over rows of gamma (1 + L_i)",
                        List.of("CONTRA-P9", "CONTRA-P10", "CONTRA-P14"));
            }
            case "CONTRA-F15": {
                double sum = 0;
                for (double li : ContrastiveLoss.rowLosses(c.h(), c.partner(), c.tau(), c.masked())) {
                    sum += 1 + li;
                }
                return new GoldenCase(c.label(), hpt, "absolute", gamma * sum / b, "CONTRA-F4 bound / B", List.of());
            }
            case "CONTRA-F5": {
                if (b < 4 || c.partner()[0] != 1) {
                    return null; // needs pi-closed chunks: interleaved pairs, two chunks
                }
                Map<String, Object> a = new LinkedHashMap<>(hpt);
                a.put("chunkSizes", new int[] {2, b - 2});
                double sum = 0;
                for (double li : ContrastiveLoss.rowLosses(c.h(), c.partner(), c.tau(), c.masked())) {
                    sum += 2 * (1 + li);
                }
                return new GoldenCase(c.label(), a, "absolute", gamma * sum, "CONTRA-F4 bound per chunk and per gap term",
                        List.of("CONTRA-P5"));
            }
            case "CONTRA-F6":
            case "CONTRA-F8":
                return new GoldenCase(c.label(), hpt, "entrywise-absolute", gamma, "gamma p_ij <= gamma",
                        List.of("CONTRA-P11"));
            case "CONTRA-F7": {
                double[][] s = ContrastiveLoss.similarity(c.h(), c.tau());
                double[][] p = ContrastiveLoss.probabilities(c.h(), c.tau(), c.masked());
                double abs = 0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        abs += (p[i][j] + (c.partner()[i] == j ? 1 : 0)) * Math.abs(s[i][j]);
                    }
                }
                return new GoldenCase(c.label(), hpt, "absolute", gamma * abs, "gamma |V_sg|_abs", List.of("CONTRA-P6"));
            }
            case "CONTRA-F9":
            case "CONTRA-F10": {
                double[][] p = ContrastiveLoss.probabilities(c.h(), c.tau(), c.masked());
                double maxRow = 0;
                double total = 0;
                for (int i = 0; i < b; i++) {
                    double row = 0;
                    for (int j = 0; j < b; j++) {
                        double w = p[i][j] + p[j][i] + (c.partner()[i] == j ? 2 : 0);
                        row += w * AccurateSums.maxAbs(c.h()[j]);
                    }
                    maxRow = Math.max(maxRow, row / c.tau());
                    total += row / c.tau() * AccurateSums.maxAbs(c.h()[i]) * d;
                }
                return id.equals("CONTRA-F9")
                        ? new GoldenCase(c.label(), hpt, "entrywise-absolute", 2 * gamma * maxRow, "2 gamma |htilde|_abs",
                        List.of("CONTRA-P2", "CONTRA-P12"))
                        : new GoldenCase(c.label(), hpt, "absolute", 2 * gamma * total, "2 gamma |V_h|_abs",
                        List.of("CONTRA-P6"));
            }
            case "CONTRA-F14":
                return new GoldenCase(c.label(), args("Y", c.h()), "entrywise-absolute", (d + 6) * EPS,
                        "(d+6) eps |h|_abs, unit rows", List.of("CONTRA-P1"));
            default:
                return null;
        }
    }

    private static List<GoldenCase> encoderCases(String id, SplittableRandom rnd, int randomCases) {
        List<GoldenCase> out = new ArrayList<>();
        int[] partner = Partners.interleaved(4);
        double n = G2_THETA.length;
        switch (id) {
            case "CONTRA-F11" -> {
                out.add(new GoldenCase("edge-G1-chunks-3-1", args("encoder", EncoderKind.LINEAR, "r", 1, "d", 2,
                        "normalize", false, "theta", G1_W, "X", X, "partner", partner, "tau", 0.5, "masked", false,
                        "chunkSizes", new int[] {3, 1}), "normwise-relative", 1e-13,
                        "summation order only (CONTRA-P3 observed 4.4e-16 relative)", List.of("CONTRA-P3", "CONTRA-P14")));
                out.add(new GoldenCase("edge-G2-chunks-1-1-2", args("encoder", EncoderKind.MLP, "r", 2, "d", 2,
                        "normalize", false, "theta", G2_THETA, "X", X, "partner", partner, "tau", 0.5, "masked", true,
                        "chunkSizes", new int[] {1, 1, 2}), "normwise-relative", 1e-13,
                        "summation order only (CONTRA-P3)", List.of("CONTRA-P3", "CONTRA-P14")));
            }
            case "CONTRA-F12" -> out.add(new GoldenCase("edge-G1", args("theta", G1_W, "X", X, "d", 2), "exact", 0,
                    "dyadic inputs: every product and sum is exact", List.of("CONTRA-P14")));
            case "CONTRA-F13" -> {
                out.add(new GoldenCase("edge-G2", args("theta", G2_THETA, "X", X, "r", 2, "d", 2, "normalize", false),
                        "normwise-relative", (3 + 2 + 2 + 8) * EPS * 4, "(m+r+d+8) eps |h|_abs; tanh within 1 ulp",
                        List.of("CONTRA-P14")));
                for (int k = 0; k < randomCases; k++) {
                    double[] theta = new double[G2_THETA.length];
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] = rnd.nextGaussian();
                    }
                    out.add(new GoldenCase("random-" + k, args("theta", theta, "X", X, "r", 2, "d", 2, "normalize",
                            rnd.nextBoolean()), "normwise-relative", (3 + 2 + 2 + 8) * EPS * 4,
                            "(m+r+d+8) eps |h|_abs; tanh within 1 ulp", List.of("CONTRA-P1")));
                }
            }
            case "CONTRA-F16" -> out.add(new GoldenCase("edge-G2-dropout", args("theta", G2_THETA, "X", X, "r", 2, "d", 2,
                    "rho", 0.5, "masks", new double[][] {{1, 0}, {1, 1}, {0, 1}, {1, 1}}), "normwise-relative",
                    (3 + 2 + 2 + 8) * EPS * 4, "as CONTRA-F13", List.of("CONTRA-P13")));
            case "CONTRA-F17" -> out.add(new GoldenCase("edge-G1-k0", args("encoder", EncoderKind.LINEAR, "r", 1, "d", 2,
                    "normalize", false, "theta", G1_W, "X", X, "partner", partner, "tau", 0.5, "masked", false, "k", 0),
                    "absolute", 1e-8, "central difference: the subject must use the same step; rounding O(eps A / h)",
                    List.of("CONTRA-P1")));
            case "CONTRA-F18" -> out.add(new GoldenCase("edge-B256-b32", args("B", 256, "chunkSizes",
                    new int[] {32, 32, 32, 32, 32, 32, 32, 32}, "d", 128), "exact", 0, "integer counts", List.of()));
            default -> {
            }
        }
        return out;
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
