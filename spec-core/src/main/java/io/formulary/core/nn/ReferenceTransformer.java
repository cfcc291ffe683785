package io.formulary.core.nn;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The double-precision reference Transformer of the WIDEN chapter (WIDEN-F2, F9, F10): embeddings, blocks
 * (post-norm or pre-norm), output heads and the forward pass with an optional trace of every intermediate tensor.
 *
 * <p>Trace keys (layers 1-based, heads 0-based): {@code emb.sum} (the summed embeddings), {@code emb} (after the
 * embedding norm, if any), per layer {@code L{l}.in}, {@code L{l}.norm1} (pre-norm), {@code L{l}.attn.q},
 * {@code L{l}.attn.k}, {@code L{l}.attn.v} (before RoPE), {@code L{l}.attn.P{h}}, {@code L{l}.attn.heads},
 * {@code L{l}.attn.out}, {@code L{l}.mid} (after the attention sublayer), {@code L{l}.norm2} (pre-norm),
 * {@code L{l}.ffn.gate}, {@code L{l}.ffn.up} (gated), {@code L{l}.ffn.hidden}, {@code L{l}.ffn.out},
 * {@code L{l}.out}; then {@code final} (encoder output, after the final norm for pre-norm), {@code mlm.dense}
 * (activated MLM dense output), {@code mlm.norm}, {@code logits}.
 */
public final class ReferenceTransformer {

    private ReferenceTransformer() {
    }

    /**
     * The input embedding (before the optional embedding norm).
     *
     * <p>$$x^{(0)}_m=E_{t_m,:}+[\text{learned}]\,P_{m,:}+[n_{\text{types}}>0]\,S_{\tau_m,:}$$
     *
     * <p>Domain: token ids in {@code [0, V)}; positions {@code m < P_max} when {@code P} is present; type ids in
     * {@code [0, n_types)} when {@code S} is present (all 0 if {@code types} is null). Plain double additions in
     * the order E, P, S. Source: WIDEN-F2.
     *
     * @param tokenEmbedding    {@code E}, {@code V x d}
     * @param positionEmbedding {@code P}, {@code P_max x d}, or null
     * @param typeEmbedding     {@code S}, {@code n_types x d}, or null
     * @param tokens            token ids, length {@code n >= 1}
     * @param types             type ids, length {@code n}, or null (all 0)
     * @return {@code n x d}
     * @throws IllegalArgumentException on ids out of range, too long sequences or non-finite tables
     */
    @Formula(value = "WIDEN-F2", title = "Input embedding (token + position + type)",
            args = {@Formula.Arg(name = "tokenEmbedding", shape = "matrix[V][d]"),
                    @Formula.Arg(name = "positionEmbedding", shape = "matrix[Pmax][d]", domain = "finite, or absent"),
                    @Formula.Arg(name = "typeEmbedding", shape = "matrix[T][d]", domain = "finite, or absent"),
                    @Formula.Arg(name = "tokens", shape = "int[n]", domain = "[0, V), n >= 1"),
                    @Formula.Arg(name = "types", shape = "int[n]", domain = "[0, T), or absent")},
            output = "matrix[n][d]", accuracy = "two roundings per entry")
    public static double[][] embed(double[][] tokenEmbedding, double[][] positionEmbedding, double[][] typeEmbedding,
                                   int[] tokens, int[] types) {
        Checks.finite(tokenEmbedding, "tokenEmbedding");
        int d = tokenEmbedding[0].length;
        if (positionEmbedding != null) {
            Checks.finite(positionEmbedding, "positionEmbedding");
            Arrays2.matrix(positionEmbedding, positionEmbedding.length, d, "positionEmbedding");
        }
        if (typeEmbedding != null) {
            Checks.finite(typeEmbedding, "typeEmbedding");
            Arrays2.matrix(typeEmbedding, typeEmbedding.length, d, "typeEmbedding");
        }
        checkTokens(tokens, types, tokenEmbedding.length, positionEmbedding == null ? 0 : positionEmbedding.length,
                typeEmbedding == null ? 0 : typeEmbedding.length);
        return embedUnchecked(tokenEmbedding, positionEmbedding, typeEmbedding, tokens, types);
    }

    private static void checkTokens(int[] tokens, int[] types, int v, int maxPositions, int numTypes) {
        Checks.notNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw Checks.fail("tokens", "must not be empty");
        }
        for (int m = 0; m < tokens.length; m++) {
            if (tokens[m] < 0 || tokens[m] >= v) {
                throw new IllegalArgumentException("tokens[" + m + "]=" + tokens[m] + " out of range [0," + v + ")");
            }
        }
        if (maxPositions > 0 && tokens.length > maxPositions) {
            throw Checks.fail("tokens", "length " + tokens.length + " exceeds maxPositions " + maxPositions);
        }
        if (types != null) {
            if (numTypes == 0) {
                throw Checks.fail("types", "given but the model has no token types");
            }
            if (types.length != tokens.length) {
                throw Checks.fail("types", "length " + types.length + " differs from tokens: length " + tokens.length);
            }
            for (int m = 0; m < types.length; m++) {
                if (types[m] < 0 || types[m] >= numTypes) {
                    throw new IllegalArgumentException("types[" + m + "]=" + types[m] + " out of range [0," + numTypes
                            + ")");
                }
            }
        }
    }

    private static double[][] embedUnchecked(double[][] e, double[][] p, double[][] s, int[] tokens, int[] types) {
        int n = tokens.length;
        int d = e[0].length;
        double[][] x = new double[n][d];
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < d; i++) {
                double v = e[tokens[m]][i];
                if (p != null) {
                    v += p[m][i];
                }
                if (s != null) {
                    v += s[types == null ? 0 : types[m]][i];
                }
                x[m][i] = v;
            }
        }
        return x;
    }

    /**
     * One Transformer block (layer {@code l}, 1-based).
     *
     * <p>$$\texttt{POST}: x\leftarrow\mathrm{Norm}_1(x+\alpha\,\mathrm{Attn}(x)),\ x\leftarrow\mathrm{Norm}_2(x+\alpha F(x));\qquad
     * \texttt{PRE}: x\leftarrow x+\alpha\,\mathrm{Attn}(\mathrm{Norm}_1(x)),\ x\leftarrow x+\alpha F(\mathrm{Norm}_2(x)).$$
     *
     * <p>The final norm of the pre-norm placement is applied after the last layer by the forward pass, not here.
     * Residual sums: {@code x + alpha*f} with two roundings. Source: WIDEN-F9.
     *
     * @param config  configuration
     * @param weights weights (validated against the config)
     * @param l       layer, {@code 1..L}
     * @param x       the block input, {@code n x d}; RoPE positions start at 0
     * @return the block output, {@code n x d}
     * @throws IllegalArgumentException on invalid configuration, weights or shapes, or a degenerate norm row
     */
    @Formula(value = "WIDEN-F9", title = "Transformer block (post-norm or pre-norm)",
            args = {@Formula.Arg(name = "config", shape = "record TransformerConfig"),
                    @Formula.Arg(name = "weights", shape = "record TransformerWeights"),
                    @Formula.Arg(name = "l", shape = "int", domain = "1..L"),
                    @Formula.Arg(name = "x", shape = "matrix[n][d]")},
            output = "matrix[n][d]", accuracy = "sublayer bounds composed; no extra cancellation")
    public static double[][] block(TransformerConfig config, TransformerWeights weights, int l, double[][] x) {
        Checks.notNull(config, "config");
        Checks.notNull(weights, "weights").validateAgainst(config);
        Checks.inRange(l, 1, config.numLayers(), "l");
        Checks.finite(x, "x");
        Arrays2.matrix(x, x.length, config.d(), "x");
        return runBlock(config, weights.layer(l), weights.ropeTheta(), l, x, 0, null);
    }

    /** The forward pass without a trace and with positions starting at 0 (see the annotated overload). */
    public static ForwardResult forward(TransformerConfig config, TransformerWeights weights, int[] tokens, int[] types) {
        return forward(config, weights, tokens, types, false, 0);
    }

    /**
     * The forward pass: embeddings, {@code L} blocks, the final norm (pre-norm), the output head and the
     * row-wise softmax.
     *
     * <p>$$h=\begin{cases}x&\texttt{TIED},\texttt{UNTIED}\\ \mathrm{Norm}_m(A_m(xW_t+b_t))&\texttt{MLM\_*}\end{cases},\qquad
     * \text{logits}=s_{out}\,hE^\top+b_{out}\ \text{(tied)},\ s_{out}\,hW_{out}+b_{out}\ \text{(untied)},\qquad
     * p=\mathrm{softmax}(\text{logits}).$$
     *
     * <p>Domain: see {@link #embed}; weights validated against the config. Log-probabilities by max-shifted
     * log-sum-exp, probabilities as {@code exp(logit - lse)}. Each logit is one Dot2 product scaled by
     * {@code s_out} plus the bias. Source: WIDEN-F10 (entry point), WIDEN-F2, F3, F6-F9.
     *
     * @param config      configuration
     * @param weights     weights
     * @param tokens      token ids, length {@code n >= 1}
     * @param types       type ids or null (all 0 when the model has types)
     * @param traceWanted whether to record every intermediate tensor (keys in the class comment)
     * @return logits, log-probabilities, probabilities and the trace
     * @throws IllegalArgumentException on invalid input, including a norm row with {@code variance+epsilon == 0}
     *                                  ({@code "LayerNorm L1.norm2 row 3: variance+epsilon == 0"})
     */
    @Formula(value = "WIDEN-F10", title = "Forward pass with output head",
            args = {@Formula.Arg(name = "config", shape = "record TransformerConfig"),
                    @Formula.Arg(name = "weights", shape = "record TransformerWeights"),
                    @Formula.Arg(name = "tokens", shape = "int[n]", domain = "[0, V), n >= 1"),
                    @Formula.Arg(name = "types", shape = "int[n]", domain = "[0, T), or absent"),
                    @Formula.Arg(name = "traceWanted", shape = "boolean")},
            output = "record: logits, logProbabilities, probabilities (n x V), trace",
            accuracy = "sublayer bounds composed; logits within 1e-14 relative on the chapter's generators")
    public static ForwardResult forward(TransformerConfig config, TransformerWeights weights, int[] tokens,
                                        int[] types, boolean traceWanted) {
        return forward(config, weights, tokens, types, traceWanted, 0);
    }

    /**
     * The forward pass with RoPE positions starting at {@code positionOffset} (for the relative-position check;
     * learned positions always start at 0).
     */
    public static ForwardResult forward(TransformerConfig config, TransformerWeights weights, int[] tokens,
                                        int[] types, boolean traceWanted, int positionOffset) {
        Checks.notNull(config, "config");
        Checks.notNull(weights, "weights").validateAgainst(config);
        double[][] e = weights.tokenEmbedding();
        double[][] p = weights.positionEmbedding();
        double[][] s = weights.typeEmbedding();
        checkTokens(tokens, types, config.vocabSize(), config.maxPositions(), config.numTokenTypes());
        Map<String, double[][]> trace = traceWanted ? new LinkedHashMap<>() : null;
        double[][] x = embedUnchecked(e, p, s, tokens, types);
        put(trace, "emb.sum", x);
        if (config.embeddingNorm()) {
            x = Norms.rows(config.normKind(), x, weights.embeddingGamma(), weights.embeddingBeta(), config.epsilon(),
                    "emb");
        }
        put(trace, "emb", x);
        double[] theta = weights.ropeTheta();
        for (int l = 1; l <= config.numLayers(); l++) {
            x = runBlock(config, weights.layer(l), theta, l, x, positionOffset, trace);
        }
        if (config.placement() == Placement.PRE) {
            x = Norms.rows(config.normKind(), x, weights.finalGamma(), weights.finalBeta(), config.epsilon(), "final");
        }
        put(trace, "final", x);
        double[][] h = x;
        if (config.head().mlm()) {
            double[][] dense = Linear.rows(x, weights.mlmW(), weights.mlmB());
            for (int m = 0; m < dense.length; m++) {
                dense[m] = config.mlmActivation().apply(dense[m]);
            }
            put(trace, "mlm.dense", dense);
            h = Norms.rows(config.normKind(), dense, weights.mlmGamma(), weights.mlmBeta(), config.mlmEpsilon(), "mlm");
            put(trace, "mlm.norm", h);
        }
        // One row per vocabulary entry: E itself (tied) or the columns of W_out (untied).
        double[][] outT = config.head().tied() ? e : transpose(weights.outputW());
        double[] bias = weights.outputBias();
        int v = config.vocabSize();
        double[][] logits = new double[h.length][v];
        for (int m = 0; m < h.length; m++) {
            for (int t = 0; t < v; t++) {
                logits[m][t] = config.outputScale() * AccurateSums.dot(h[m], outT[t]) + bias[t];
            }
        }
        put(trace, "logits", logits);
        double[][] logp = new double[h.length][];
        double[][] prob = new double[h.length][];
        for (int m = 0; m < h.length; m++) {
            logp[m] = logSoftmax(logits[m]);
            prob[m] = new double[v];
            for (int t = 0; t < v; t++) {
                prob[m][t] = StrictMath.exp(logp[m][t]);
            }
        }
        return new ForwardResult(logits, logp, prob, trace == null ? Map.of() : trace);
    }

    /** Row log-softmax by log-sum-exp with the maximum subtracted (no overflow, no log of 0). */
    static double[] logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = StrictMath.exp(z[i] - max);
        }
        double lse = max + StrictMath.log(AccurateSums.sum(e));
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - lse;
        }
        return out;
    }

    static double[][] runBlock(TransformerConfig c, LayerWeights w, double[] theta, int l, double[][] x,
                               long positionOffset, Map<String, double[][]> trace) {
        String p = "L" + l + ".";
        put(trace, p + "in", x);
        double alpha = c.residualScale();
        boolean pre = c.placement() == Placement.PRE;
        double[][] attnIn = x;
        if (pre) {
            attnIn = Norms.rows(c.normKind(), x, w.gamma1(), w.beta1(), c.epsilon(), p + "norm1");
            put(trace, p + "norm1", attnIn);
        }
        AttentionResult a = Attention.compute(attnIn, w.wQ(), w.bQ(), w.wK(), w.bK(), w.wV(), w.bV(), w.wO(), w.bO(),
                c.numHeads(), c.attentionScaling(), c.causal(), c.rope() ? theta : null, c.ropeLayout(),
                positionOffset);
        if (trace != null) {
            put(trace, p + "attn.q", a.q());
            put(trace, p + "attn.k", a.k());
            put(trace, p + "attn.v", a.v());
            double[][][] probs = a.probabilities();
            for (int h = 0; h < probs.length; h++) {
                put(trace, p + "attn.P" + h, probs[h]);
            }
            put(trace, p + "attn.heads", a.heads());
        }
        double[][] attnOut = a.output();
        put(trace, p + "attn.out", attnOut);
        double[][] mid = residual(x, alpha, attnOut);
        if (!pre) {
            mid = Norms.rows(c.normKind(), mid, w.gamma1(), w.beta1(), c.epsilon(), p + "norm1");
        }
        put(trace, p + "mid", mid);
        double[][] ffnIn = mid;
        if (pre) {
            ffnIn = Norms.rows(c.normKind(), mid, w.gamma2(), w.beta2(), c.epsilon(), p + "norm2");
            put(trace, p + "norm2", ffnIn);
        }
        FeedForwardResult f = FeedForward.compute(ffnIn, w.w1(), w.b1(), w.w3(), w.b3(), w.w2(), w.b2(),
                c.activation());
        if (trace != null) {
            put(trace, p + "ffn.gate", f.gate());
            if (f.up() != null) {
                put(trace, p + "ffn.up", f.up());
            }
            put(trace, p + "ffn.hidden", f.hidden());
        }
        double[][] ffnOut = f.output();
        put(trace, p + "ffn.out", ffnOut);
        double[][] out = residual(mid, alpha, ffnOut);
        if (!pre) {
            out = Norms.rows(c.normKind(), out, w.gamma2(), w.beta2(), c.epsilon(), p + "norm2");
        }
        put(trace, p + "out", out);
        return out;
    }

    private static double[][] residual(double[][] x, double alpha, double[][] f) {
        double[][] y = new double[x.length][x[0].length];
        for (int m = 0; m < x.length; m++) {
            for (int i = 0; i < x[m].length; i++) {
                y[m][i] = x[m][i] + alpha * f[m][i];
            }
        }
        return y;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static void put(Map<String, double[][]> trace, String key, double[][] value) {
        if (trace != null) {
            trace.put(key, Arrays2.copy(value));
        }
    }
}
