package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.GradientAccumulation;
import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.properties.PropertyHarness;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Generators of the CONTRA chapter. Each case is built constructively from a few drawn choices (batch size,
 * shapes, partner layout, temperature, scales) and a drawn seed for the numeric content, so QuickTheories shrinks
 * toward small batches and simple layouts. Hard regimes are mixed in on purpose and counted with
 * {@link PropertyHarness#regime}: identical embeddings, a dominant positive, huge magnitudes, fixed points in the
 * partner map, chunkings that do not divide the batch.
 */
public final class ContrastiveGens {

    /** Temperatures of the chapter's generator list. */
    static final double[] TAUS = {0.05, 0.1, 0.5, 1, 10};
    private static final double[] INPUT_SCALES = {0.3, 1, 3};
    private static final double[] PARAM_SCALES = {0.3, 1};
    /** Even batch sizes up to the chapter's 64, biased to 2 and 4. */
    private static final int[] BATCHES = {2, 4, 2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64};

    private ContrastiveGens() {
    }

    /**
     * One encoder-level case: an encoder, its parameters and inputs, a partner map, a temperature and a variant.
     */
    public record Case(EncoderKind kind, int r, int d, boolean normalize, double[] theta, double[][] X,
                       int[] partner, double tau, boolean masked) {

        /** Batch size. */
        public int b() {
            return X.length;
        }

        /** The encoder. */
        public Encoder encoder() {
            return GradientAccumulation.encoder(kind, r, d, normalize);
        }

        /** The reference embeddings of this case. */
        public double[][] embeddings() {
            return encoder().forward(theta, X);
        }

        @Override
        public String toString() {
            return "Case[" + kind + " r=" + r + " d=" + d + " normalize=" + normalize + " B=" + X.length + " m="
                    + X[0].length + " tau=" + tau + " masked=" + masked + " partner=" + Arrays.toString(partner)
                    + " theta=" + Arrays.toString(theta) + " X=" + Arrays.deepToString(X) + "]";
        }
    }

    /**
     * One embedding-level case: embeddings {@code H}, a partner map, a temperature and a variant, with the hard
     * regimes (identical rows, dominant positive, huge magnitudes) mixed in.
     */
    public record EmbeddingCase(double[][] H, int[] partner, double tau, boolean masked) {
        @Override
        public String toString() {
            return "EmbeddingCase[B=" + H.length + " tau=" + tau + " masked=" + masked + " partner="
                    + Arrays.toString(partner) + " H=" + Arrays.deepToString(H) + "]";
        }
    }

    /** Encoder-level cases with batch sizes up to {@code maxB}. */
    public static Gen<Case> cases(int maxB) {
        return longs().all().zip(integers().between(0, Integer.MAX_VALUE - 1), (seed, shape) -> buildCase(seed, shape, maxB));
    }

    /** Embedding-level cases with batch sizes up to {@code maxB}. */
    public static Gen<EmbeddingCase> embeddingCases(int maxB) {
        return longs().all().zip(integers().between(0, 99), (seed, regime) -> buildEmbedding(seed, regime, maxB));
    }

    /**
     * A random composition of {@code b} into chunk sizes: sometimes {@code [b]}, sometimes all ones, sometimes two
     * chunks that need not divide {@code b}, sometimes an odd number of near-equal chunks, otherwise random cut
     * points.
     */
    public static int[] chunking(int b, SplittableRandom rnd) {
        int kind = rnd.nextInt(6);
        if (kind == 5 && b >= 3) {
            // The chapter's bias to odd chunk counts: n in {3, 5, 7} (at most b), sizes differing by at most one.
            int n = Math.min(b - (b % 2 == 0 ? 1 : 0), 3 + 2 * rnd.nextInt(3));
            PropertyHarness.regime("odd chunk count");
            int[] sizes = new int[n];
            for (int k = 0; k < n; k++) {
                sizes[k] = b / n + (k < b % n ? 1 : 0);
            }
            return sizes;
        }
        if (kind == 0 || b == 1) {
            return new int[] {b};
        }
        if (kind == 1) {
            int[] ones = new int[b];
            Arrays.fill(ones, 1);
            return ones;
        }
        if (kind == 2) {
            int first = 1 + rnd.nextInt(b - 1);
            if (b % first != 0) {
                PropertyHarness.regime("chunks not dividing B");
            }
            return new int[] {first, b - first};
        }
        List<Integer> sizes = new ArrayList<>();
        int left = b;
        while (left > 0) {
            int c = 1 + rnd.nextInt(left);
            sizes.add(c);
            left -= c;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A chunking into consecutive ranges closed under {@code partner} (needed by the naive scheme). */
    public static int[] closedChunking(int[] partner, SplittableRandom rnd) {
        int b = partner.length;
        List<Integer> cuts = new ArrayList<>();
        int reach = 0;
        for (int i = 0; i < b; i++) {
            reach = Math.max(reach, partner[i]);
            if (reach == i && i < b - 1 && rnd.nextInt(3) > 0) {
                cuts.add(i + 1);
            }
        }
        cuts.add(b);
        int[] sizes = new int[cuts.size()];
        int prev = 0;
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = cuts.get(k) - prev;
            prev = cuts.get(k);
        }
        return sizes;
    }

    /** Interleaved, half-split, a random perfect matching, or (unmasked) an involution with fixed points. */
    public static int[] partner(int b, boolean masked, SplittableRandom rnd) {
        int kind = rnd.nextInt(masked ? 3 : 5);
        int[] p = new int[b];
        switch (kind) {
            case 0 -> {
                for (int i = 0; i < b; i++) {
                    p[i] = i ^ 1;
                }
            }
            case 1 -> {
                for (int i = 0; i < b; i++) {
                    p[i] = (i + b / 2) % b;
                }
            }
            case 2 -> matching(p, rnd, false);
            case 3 -> {
                PropertyHarness.regime("partner with fixed points");
                matching(p, rnd, true);
            }
            default -> {
                PropertyHarness.regime("identity partner");
                for (int i = 0; i < b; i++) {
                    p[i] = i;
                }
            }
        }
        return p;
    }

    private static void matching(int[] p, SplittableRandom rnd, boolean allowFixed) {
        int b = p.length;
        int[] order = shuffled(b, rnd);
        int i = 0;
        while (i < b) {
            if (allowFixed && (i == b - 1 || rnd.nextInt(3) == 0)) {
                p[order[i]] = order[i];
                i++;
            } else {
                p[order[i]] = order[i + 1];
                p[order[i + 1]] = order[i];
                i += 2;
            }
        }
    }

    static int[] shuffled(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int batch(SplittableRandom rnd, int maxB) {
        int b;
        do {
            b = BATCHES[rnd.nextInt(BATCHES.length)];
        } while (b > maxB);
        return b;
    }

    private static Case buildCase(long seed, int shape, int maxB) {
        SplittableRandom rnd = new SplittableRandom(seed ^ ((long) shape << 21));
        int b = batch(rnd, maxB);
        boolean masked = rnd.nextBoolean();
        EncoderKind kind = rnd.nextBoolean() ? EncoderKind.LINEAR : EncoderKind.MLP;
        boolean normalize = rnd.nextInt(3) == 0;
        int m = 1 + rnd.nextInt(6);
        int r = 1 + rnd.nextInt(8);
        int d = normalize ? 2 + rnd.nextInt(5) : 1 + rnd.nextInt(6);
        double xs = INPUT_SCALES[rnd.nextInt(INPUT_SCALES.length)];
        double ps = PARAM_SCALES[rnd.nextInt(PARAM_SCALES.length)];
        double tau = TAUS[rnd.nextInt(TAUS.length)];
        double[][] x = gaussian(b, m, xs, rnd);
        int n = kind == EncoderKind.LINEAR ? d * m : r * m + r + d * r + d;
        double[] theta = gaussian(1, n, ps, rnd)[0];
        return new Case(kind, r, d, normalize, theta, x, partner(b, masked, rnd), tau, masked);
    }

    private static EmbeddingCase buildEmbedding(long seed, int regime, int maxB) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int b = batch(rnd, maxB);
        boolean masked = rnd.nextBoolean();
        int d = 1 + rnd.nextInt(6);
        double tau = TAUS[rnd.nextInt(TAUS.length)];
        int[] p = partner(b, masked, rnd);
        double[][] h;
        if (regime < 8) {
            PropertyHarness.regime("identical embeddings");
            double[] row = gaussian(1, d, 1, rnd)[0];
            h = new double[b][];
            for (int i = 0; i < b; i++) {
                h[i] = row.clone();
            }
        } else if (regime < 16) {
            PropertyHarness.regime("dominant positive");
            // Pairs share a long direction of their own: s_{i pi(i)} exceeds every other similarity by >= 50.
            h = new double[b][b + d];
            for (int i = 0; i < b; i++) {
                int pair = Math.min(i, p[i]);
                h[i][pair] = StrictMath.sqrt(60 * tau);
                for (int a = 0; a < d; a++) {
                    h[i][b + a] = 0.1 * rnd.nextGaussian();
                }
            }
        } else if (regime < 22) {
            PropertyHarness.regime("huge magnitudes");
            h = gaussian(b, d, 300 / StrictMath.sqrt(d), rnd);
            tau = 0.01;
        } else {
            h = gaussian(b, d, 1, rnd);
        }
        return new EmbeddingCase(h, p, tau, masked);
    }

    static double[][] gaussian(int rows, int cols, double scale, SplittableRandom rnd) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = scale * rnd.nextGaussian();
            }
        }
        return a;
    }
}
