package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded Gaussian initialization of reference-Transformer weights: embeddings {@code N(0, embeddingStd^2)},
 * every matrix {@code N(0, (matrixGain/sqrt(d_in))^2)}, biases {@code N(0, biasStd^2)}, norm gains
 * {@code 1 + gammaStd N(0,1)}, norm shifts {@code betaStd N(0,1)}, RoPE frequencies from the standard schedule.
 * The draw order is fixed (tensor by tensor, row by row), so a seed determines the weights on every JDK 17+.
 *
 * @param embeddingStd standard deviation of E, P, S ({@code >= 0})
 * @param matrixGain   matrix standard deviation times {@code sqrt(d_in)} ({@code >= 0})
 * @param biasStd      standard deviation of every bias, including {@code b_out} ({@code >= 0})
 * @param gammaStd     spread of the norm gains around 1 ({@code >= 0})
 * @param betaStd      standard deviation of the norm shifts ({@code >= 0})
 */
public record RandomInit(double embeddingStd, double matrixGain, double biasStd, double gammaStd, double betaStd) {

    public RandomInit {
        Checks.nonNegative(embeddingStd, "embeddingStd");
        Checks.nonNegative(matrixGain, "matrixGain");
        Checks.nonNegative(biasStd, "biasStd");
        Checks.nonNegative(gammaStd, "gammaStd");
        Checks.nonNegative(betaStd, "betaStd");
    }

    /**
     * The WIDEN chapter's generator G-w at scale {@code s}: embeddings {@code N(0, s^2)}, matrices
     * {@code N(0, s^2)} scaled by {@code 1.5/sqrt(d_in)}, biases {@code N(0,1)}, {@code gamma ~ 1 + 0.3 N},
     * {@code beta ~ 0.3 N}.
     */
    public static RandomInit chapter(double s) {
        return new RandomInit(s, 1.5 * s, 1.0, 0.3, 0.3);
    }

    /** A plain initialization: matrices {@code N(0, 1/d_in)}, embeddings {@code N(0,1)}, zero biases, unit gains. */
    public static RandomInit standard() {
        return new RandomInit(1.0, 1.0, 0.0, 0.0, 0.0);
    }

    /** Draws weights for {@code config} from {@code seed}. */
    public TransformerWeights sample(TransformerConfig config, long seed) {
        Checks.notNull(config, "config");
        SplittableRandom r = new SplittableRandom(seed);
        int d = config.d();
        int dd = config.ffnSize();
        int v = config.vocabSize();
        boolean ln = config.normKind() == NormKind.LAYER_NORM;
        double[][] e = gaussian(r, v, d, embeddingStd);
        double[][] p = config.learnedPositions() ? gaussian(r, config.maxPositions(), d, embeddingStd) : null;
        double[][] s = config.numTokenTypes() > 0 ? gaussian(r, config.numTokenTypes(), d, embeddingStd) : null;
        double[] ge = config.embeddingNorm() ? gains(r, d) : null;
        double[] be = config.embeddingNorm() && ln ? gaussian(r, d, betaStd) : null;
        List<LayerWeights> layers = new ArrayList<>();
        boolean gated = config.ffnKind() == FfnKind.GATED;
        for (int l = 0; l < config.numLayers(); l++) {
            layers.add(new LayerWeights(matrix(r, d, d), gaussian(r, d, biasStd), matrix(r, d, d),
                    gaussian(r, d, biasStd), matrix(r, d, d), gaussian(r, d, biasStd), matrix(r, d, d),
                    gaussian(r, d, biasStd), matrix(r, d, dd), gaussian(r, dd, biasStd),
                    gated ? matrix(r, d, dd) : null, gated ? gaussian(r, dd, biasStd) : null, matrix(r, dd, d),
                    gaussian(r, d, biasStd), gains(r, d), ln ? gaussian(r, d, betaStd) : null, gains(r, d),
                    ln ? gaussian(r, d, betaStd) : null));
        }
        boolean pre = config.placement() == Placement.PRE;
        double[] gf = pre ? gains(r, d) : null;
        double[] bf = pre && ln ? gaussian(r, d, betaStd) : null;
        boolean mlm = config.head().mlm();
        double[][] wt = mlm ? matrix(r, d, d) : null;
        double[] bt = mlm ? gaussian(r, d, biasStd) : null;
        double[] gm = mlm ? gains(r, d) : null;
        double[] bm = mlm && ln ? gaussian(r, d, betaStd) : null;
        double[][] wout = config.head().tied() ? null : matrix(r, d, v);
        double[] bout = gaussian(r, v, biasStd);
        double[] theta = config.rope() ? Rope.standardFrequencies(config.headSize(), config.ropeBase()) : null;
        return new TransformerWeights(e, p, s, ge, be, layers, gf, bf, wt, bt, gm, bm, wout, bout, theta);
    }

    private double[][] matrix(SplittableRandom r, int din, int dout) {
        return gaussian(r, din, dout, matrixGain / Math.sqrt(din));
    }

    private double[] gains(SplittableRandom r, int d) {
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = 1.0 + gammaStd * r.nextGaussian();
        }
        return g;
    }

    private static double[][] gaussian(SplittableRandom r, int rows, int cols, double std) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = gaussian(r, cols, std);
        }
        return m;
    }

    private static double[] gaussian(SplittableRandom r, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = std * r.nextGaussian();
        }
        return v;
    }
}
