package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All parameters of a reference Transformer (WIDEN-F1), deep-copied on construction and on access. The
 * constructor rejects non-finite and ragged arrays with a message naming the entry ({@code weights.E[3][5] is NaN},
 * {@code weights.layers[1].W_q[0][2] is infinite}); {@link #validateAgainst} checks every shape against a
 * configuration ({@code weights.layers[1].W_q: expected 8x8, got 8x6}). Optional parts are null when absent.
 *
 * @param tokenEmbedding    {@code E}, {@code V x d}
 * @param positionEmbedding {@code P}, {@code P_max x d} (learned positions only)
 * @param typeEmbedding     {@code S}, {@code n_types x d} (token types only)
 * @param embeddingGamma    {@code gamma_e} (embedding norm only)
 * @param embeddingBeta     {@code beta_e} (embedding LayerNorm only)
 * @param layers            one entry per layer (0-based list; layer {@code l} of the chapter is {@code layers[l-1]})
 * @param finalGamma        {@code gamma_f} (pre-norm only)
 * @param finalBeta         {@code beta_f} (pre-norm LayerNorm only)
 * @param mlmW              {@code W_t}, {@code d x d} (MLM heads only)
 * @param mlmB              {@code b_t} (MLM heads only)
 * @param mlmGamma          {@code gamma_m} (MLM heads only)
 * @param mlmBeta           {@code beta_m} (MLM heads with LayerNorm only)
 * @param outputW           {@code W_out}, {@code d x V} (untied heads only)
 * @param outputBias        {@code b_out}, {@code V} (always; may be zero)
 * @param ropeTheta         RoPE frequencies {@code theta}, {@code d_h/2} (RoPE only; stored so a widened model can carry
 *                          non-standard frequencies)
 */
public record TransformerWeights(double[][] tokenEmbedding, double[][] positionEmbedding, double[][] typeEmbedding,
                                 double[] embeddingGamma, double[] embeddingBeta, List<LayerWeights> layers,
                                 double[] finalGamma, double[] finalBeta, double[][] mlmW, double[] mlmB,
                                 double[] mlmGamma, double[] mlmBeta, double[][] outputW, double[] outputBias,
                                 double[] ropeTheta) {

    public TransformerWeights {
        Checks.notNull(tokenEmbedding, "weights.E");
        Checks.notNull(layers, "weights.layers");
        Checks.notNull(outputBias, "weights.b_out");
        tokenEmbedding = Arrays2.copy(tokenEmbedding);
        positionEmbedding = Arrays2.copy(positionEmbedding);
        typeEmbedding = Arrays2.copy(typeEmbedding);
        embeddingGamma = Arrays2.copy(embeddingGamma);
        embeddingBeta = Arrays2.copy(embeddingBeta);
        layers = List.copyOf(layers);
        finalGamma = Arrays2.copy(finalGamma);
        finalBeta = Arrays2.copy(finalBeta);
        mlmW = Arrays2.copy(mlmW);
        mlmB = Arrays2.copy(mlmB);
        mlmGamma = Arrays2.copy(mlmGamma);
        mlmBeta = Arrays2.copy(mlmBeta);
        outputW = Arrays2.copy(outputW);
        outputBias = Arrays2.copy(outputBias);
        ropeTheta = Arrays2.copy(ropeTheta);
        Map<String, Object> all = rawNamed(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma,
                embeddingBeta, layers, finalGamma, finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, outputBias,
                ropeTheta);
        for (Map.Entry<String, Object> e : all.entrySet()) {
            String name = "weights." + e.getKey();
            if (e.getValue() instanceof double[][] m) {
                Arrays2.finiteIfPresent(m, name);
            } else {
                Arrays2.finiteIfPresent((double[]) e.getValue(), name);
            }
        }
    }

    @Override public double[][] tokenEmbedding() { return Arrays2.copy(tokenEmbedding); }
    @Override public double[][] positionEmbedding() { return Arrays2.copy(positionEmbedding); }
    @Override public double[][] typeEmbedding() { return Arrays2.copy(typeEmbedding); }
    @Override public double[] embeddingGamma() { return Arrays2.copy(embeddingGamma); }
    @Override public double[] embeddingBeta() { return Arrays2.copy(embeddingBeta); }
    @Override public double[] finalGamma() { return Arrays2.copy(finalGamma); }
    @Override public double[] finalBeta() { return Arrays2.copy(finalBeta); }
    @Override public double[][] mlmW() { return Arrays2.copy(mlmW); }
    @Override public double[] mlmB() { return Arrays2.copy(mlmB); }
    @Override public double[] mlmGamma() { return Arrays2.copy(mlmGamma); }
    @Override public double[] mlmBeta() { return Arrays2.copy(mlmBeta); }
    @Override public double[][] outputW() { return Arrays2.copy(outputW); }
    @Override public double[] outputBias() { return Arrays2.copy(outputBias); }
    @Override public double[] ropeTheta() { return Arrays2.copy(ropeTheta); }

    /** Layer {@code l} in the chapter's 1-based numbering. */
    public LayerWeights layer(int l) {
        Checks.inRange(l, 1, layers.size(), "l");
        return layers.get(l - 1);
    }

    /**
     * Every parameter tensor (copied) by its path name, in a fixed order: {@code E}, {@code P}, {@code S},
     * {@code gamma_e}, {@code beta_e}, {@code layers[i].W_q} ... {@code layers[i].beta_2}, {@code gamma_f},
     * {@code beta_f}, {@code W_t}, {@code b_t}, {@code gamma_m}, {@code beta_m}, {@code W_out}, {@code b_out},
     * {@code theta}. Absent parts are omitted. Values are {@code double[]} or {@code double[][]}.
     */
    public Map<String, Object> named() {
        Map<String, Object> out = new LinkedHashMap<>();
        rawNamed(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma, embeddingBeta, layers, finalGamma,
                finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, outputBias, ropeTheta).forEach((k, v) -> {
                    if (v != null) {
                        out.put(k, v instanceof double[][] m ? Arrays2.copy(m) : Arrays2.copy((double[]) v));
                    }
                });
        return out;
    }

    /**
     * The inverse of {@link #named()}: weights from tensors keyed by path name ({@code E}, {@code layers[0].W_q},
     * ..., {@code theta}); missing keys are absent parts. Unknown keys are rejected.
     *
     * @param named     tensors by name ({@code double[]} or {@code double[][]})
     * @param numLayers number of layers
     * @return the weights (validated for finiteness, not yet against a config)
     */
    public static TransformerWeights fromNamed(Map<String, ?> named, int numLayers) {
        Checks.notNull(named, "named");
        Checks.atLeast(numLayers, 0, "numLayers");
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.function.Function<String, double[][]> m = k -> {
            used.add(k);
            Object o = named.get(k);
            if (o != null && !(o instanceof double[][])) {
                throw Checks.fail("named", k + " must be a matrix");
            }
            return (double[][]) o;
        };
        java.util.function.Function<String, double[]> v = k -> {
            used.add(k);
            Object o = named.get(k);
            if (o != null && !(o instanceof double[])) {
                throw Checks.fail("named", k + " must be a vector");
            }
            return (double[]) o;
        };
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < numLayers; i++) {
            String p = "layers[" + i + "].";
            layers.add(new LayerWeights(m.apply(p + "W_q"), v.apply(p + "b_q"), m.apply(p + "W_k"), v.apply(p + "b_k"),
                    m.apply(p + "W_v"), v.apply(p + "b_v"), m.apply(p + "W_o"), v.apply(p + "b_o"), m.apply(p + "W_1"),
                    v.apply(p + "b_1"), m.apply(p + "W_3"), v.apply(p + "b_3"), m.apply(p + "W_2"), v.apply(p + "b_2"),
                    v.apply(p + "gamma_1"), v.apply(p + "beta_1"), v.apply(p + "gamma_2"), v.apply(p + "beta_2")));
        }
        TransformerWeights w = new TransformerWeights(m.apply("E"), m.apply("P"), m.apply("S"), v.apply("gamma_e"),
                v.apply("beta_e"), layers, v.apply("gamma_f"), v.apply("beta_f"), m.apply("W_t"), v.apply("b_t"),
                v.apply("gamma_m"), v.apply("beta_m"), m.apply("W_out"), v.apply("b_out"), v.apply("theta"));
        for (String key : named.keySet()) {
            if (!used.contains(key)) {
                throw Checks.fail("named", "unknown tensor " + key);
            }
        }
        return w;
    }

    private static Map<String, Object> rawNamed(double[][] e, double[][] p, double[][] s, double[] ge, double[] be,
                                                List<LayerWeights> layers, double[] gf, double[] bf, double[][] wt,
                                                double[] bt, double[] gm, double[] bm, double[][] wout, double[] bout,
                                                double[] theta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("E", e);
        m.put("P", p);
        m.put("S", s);
        m.put("gamma_e", ge);
        m.put("beta_e", be);
        for (int i = 0; i < layers.size(); i++) {
            LayerWeights lw = Checks.notNull(layers.get(i), "weights.layers[" + i + "]");
            for (Map.Entry<String, Object> f : lw.raw().entrySet()) {
                m.put("layers[" + i + "]." + f.getKey(), f.getValue());
            }
        }
        m.put("gamma_f", gf);
        m.put("beta_f", bf);
        m.put("W_t", wt);
        m.put("b_t", bt);
        m.put("gamma_m", gm);
        m.put("beta_m", bm);
        m.put("W_out", wout);
        m.put("b_out", bout);
        m.put("theta", theta);
        return m;
    }

    /**
     * Checks every shape (and presence) against a configuration.
     *
     * @throws IllegalArgumentException naming the first mismatching tensor and both shapes
     */
    public void validateAgainst(TransformerConfig c) {
        Checks.notNull(c, "config");
        int d = c.d();
        int dd = c.ffnSize();
        int v = c.vocabSize();
        boolean ln = c.normKind() == NormKind.LAYER_NORM;
        Arrays2.matrix(tokenEmbedding, v, d, "weights.E");
        if (c.learnedPositions()) {
            Arrays2.matrix(positionEmbedding, c.maxPositions(), d, "weights.P");
        } else {
            Arrays2.absent(positionEmbedding, "weights.P", "no learned positions");
        }
        if (c.numTokenTypes() > 0) {
            Arrays2.matrix(typeEmbedding, c.numTokenTypes(), d, "weights.S");
        } else {
            Arrays2.absent(typeEmbedding, "weights.S", "numTokenTypes = 0");
        }
        norm(embeddingGamma, embeddingBeta, c.embeddingNorm(), ln, d, "weights.gamma_e", "weights.beta_e");
        if (layers.size() != c.numLayers()) {
            throw new IllegalArgumentException("weights.layers: expected " + c.numLayers() + " layers, got "
                    + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            String p = "weights.layers[" + i + "].";
            Map<String, Object> f = layers.get(i).raw();
            for (String name : new String[] {"W_q", "W_k", "W_v", "W_o"}) {
                Arrays2.matrix((double[][]) f.get(name), d, d, p + name);
            }
            for (String name : new String[] {"b_q", "b_k", "b_v", "b_o", "b_2"}) {
                Arrays2.vector((double[]) f.get(name), d, p + name);
            }
            Arrays2.matrix((double[][]) f.get("W_1"), d, dd, p + "W_1");
            Arrays2.vector((double[]) f.get("b_1"), dd, p + "b_1");
            if (c.ffnKind() == FfnKind.GATED) {
                Arrays2.matrix((double[][]) f.get("W_3"), d, dd, p + "W_3");
                Arrays2.vector((double[]) f.get("b_3"), dd, p + "b_3");
            } else {
                Arrays2.absent(f.get("W_3"), p + "W_3", "plain FFN");
                Arrays2.absent(f.get("b_3"), p + "b_3", "plain FFN");
            }
            Arrays2.matrix((double[][]) f.get("W_2"), dd, d, p + "W_2");
            norm((double[]) f.get("gamma_1"), (double[]) f.get("beta_1"), true, ln, d, p + "gamma_1", p + "beta_1");
            norm((double[]) f.get("gamma_2"), (double[]) f.get("beta_2"), true, ln, d, p + "gamma_2", p + "beta_2");
        }
        norm(finalGamma, finalBeta, c.placement() == Placement.PRE, ln, d, "weights.gamma_f", "weights.beta_f");
        if (c.head().mlm()) {
            Arrays2.matrix(mlmW, d, d, "weights.W_t");
            Arrays2.vector(mlmB, d, "weights.b_t");
        } else {
            Arrays2.absent(mlmW, "weights.W_t", "no MLM head");
            Arrays2.absent(mlmB, "weights.b_t", "no MLM head");
        }
        norm(mlmGamma, mlmBeta, c.head().mlm(), ln, d, "weights.gamma_m", "weights.beta_m");
        if (c.head().tied()) {
            Arrays2.absent(outputW, "weights.W_out", "tied head");
        } else {
            Arrays2.matrix(outputW, d, v, "weights.W_out");
        }
        Arrays2.vector(outputBias, v, "weights.b_out");
        if (c.rope()) {
            Arrays2.vector(ropeTheta, c.headSize() / 2, "weights.theta");
            for (int p = 0; p < ropeTheta.length; p++) {
                if (!(ropeTheta[p] > 0)) {
                    throw new IllegalArgumentException("weights.theta[" + p + "]: must be > 0, got " + ropeTheta[p]);
                }
            }
        } else {
            Arrays2.absent(ropeTheta, "weights.theta", "RoPE is off");
        }
    }

    private static void norm(double[] gamma, double[] beta, boolean present, boolean layerNorm, int d, String g,
                             String b) {
        if (present) {
            Arrays2.vector(gamma, d, g);
            if (layerNorm) {
                Arrays2.vector(beta, d, b);
            } else {
                Arrays2.absent(beta, b, "RMSNorm has no shift");
            }
        } else {
            Arrays2.absent(gamma, g, "norm not used by the config");
            Arrays2.absent(beta, b, "norm not used by the config");
        }
    }

    /** A copy with the layers replaced (for example after modifying one layer). */
    public TransformerWeights withLayers(List<LayerWeights> newLayers) {
        return new TransformerWeights(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma, embeddingBeta,
                newLayers, finalGamma, finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, outputBias, ropeTheta);
    }

    /** A copy with another output bias {@code b_out}. */
    public TransformerWeights withOutputBias(double[] newOutputBias) {
        return new TransformerWeights(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma, embeddingBeta,
                layers, finalGamma, finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, newOutputBias, ropeTheta);
    }

    /** A copy with other RoPE frequencies. */
    public TransformerWeights withRopeTheta(double[] newTheta) {
        return new TransformerWeights(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma, embeddingBeta,
                layers, finalGamma, finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, outputBias, newTheta);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransformerWeights w)) {
            return false;
        }
        List<Object> a = new ArrayList<>(rawNamed(tokenEmbedding, positionEmbedding, typeEmbedding, embeddingGamma,
                embeddingBeta, List.of(), finalGamma, finalBeta, mlmW, mlmB, mlmGamma, mlmBeta, outputW, outputBias,
                ropeTheta).values());
        List<Object> b = new ArrayList<>(rawNamed(w.tokenEmbedding, w.positionEmbedding, w.typeEmbedding,
                w.embeddingGamma, w.embeddingBeta, List.of(), w.finalGamma, w.finalBeta, w.mlmW, w.mlmB, w.mlmGamma,
                w.mlmBeta, w.outputW, w.outputBias, w.ropeTheta).values());
        return Objects.deepEquals(a.toArray(), b.toArray()) && layers.equals(w.layers);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {tokenEmbedding, outputBias}) * 31 + layers.hashCode();
    }

    @Override
    public String toString() {
        return "TransformerWeights[V=" + tokenEmbedding.length + ", d=" + tokenEmbedding[0].length + ", layers="
                + layers.size() + "]";
    }
}
