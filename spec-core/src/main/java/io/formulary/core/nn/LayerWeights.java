package io.formulary.core.nn;

/**
 * The parameters of one Transformer layer (WIDEN-F1), in the row-vector convention: every matrix is
 * {@code double[d_in][d_out]} ({@code y = xW + b}). Deep-copied on construction and on every access; finiteness and
 * shapes are checked by {@link TransformerWeights}, which names the layer in its messages.
 *
 * @param wQ     {@code W_q}, {@code d x d}
 * @param bQ     {@code b_q}, {@code d}
 * @param wK     {@code W_k}, {@code d x d}
 * @param bK     {@code b_k}, {@code d}
 * @param wV     {@code W_v}, {@code d x d}
 * @param bV     {@code b_v}, {@code d}
 * @param wO     {@code W_o}, {@code d x d}
 * @param bO     {@code b_o}, {@code d}
 * @param w1     {@code W_1}, {@code d x D}
 * @param b1     {@code b_1}, {@code D}
 * @param w3     {@code W_3} (gated FFN only, else null), {@code d x D}
 * @param b3     {@code b_3} (gated FFN only, else null), {@code D}
 * @param w2     {@code W_2}, {@code D x d}
 * @param b2     {@code b_2}, {@code d}
 * @param gamma1 gain of the attention norm, {@code d}
 * @param beta1  shift of the attention norm (LayerNorm only, else null), {@code d}
 * @param gamma2 gain of the FFN norm, {@code d}
 * @param beta2  shift of the FFN norm (LayerNorm only, else null), {@code d}
 */
public record LayerWeights(double[][] wQ, double[] bQ, double[][] wK, double[] bK, double[][] wV, double[] bV,
                           double[][] wO, double[] bO, double[][] w1, double[] b1, double[][] w3, double[] b3,
                           double[][] w2, double[] b2, double[] gamma1, double[] beta1, double[] gamma2,
                           double[] beta2) {

    public LayerWeights {
        wQ = Arrays2.copy(wQ);
        bQ = Arrays2.copy(bQ);
        wK = Arrays2.copy(wK);
        bK = Arrays2.copy(bK);
        wV = Arrays2.copy(wV);
        bV = Arrays2.copy(bV);
        wO = Arrays2.copy(wO);
        bO = Arrays2.copy(bO);
        w1 = Arrays2.copy(w1);
        b1 = Arrays2.copy(b1);
        w3 = Arrays2.copy(w3);
        b3 = Arrays2.copy(b3);
        w2 = Arrays2.copy(w2);
        b2 = Arrays2.copy(b2);
        gamma1 = Arrays2.copy(gamma1);
        beta1 = Arrays2.copy(beta1);
        gamma2 = Arrays2.copy(gamma2);
        beta2 = Arrays2.copy(beta2);
    }

    @Override public double[][] wQ() { return Arrays2.copy(wQ); }
    @Override public double[] bQ() { return Arrays2.copy(bQ); }
    @Override public double[][] wK() { return Arrays2.copy(wK); }
    @Override public double[] bK() { return Arrays2.copy(bK); }
    @Override public double[][] wV() { return Arrays2.copy(wV); }
    @Override public double[] bV() { return Arrays2.copy(bV); }
    @Override public double[][] wO() { return Arrays2.copy(wO); }
    @Override public double[] bO() { return Arrays2.copy(bO); }
    @Override public double[][] w1() { return Arrays2.copy(w1); }
    @Override public double[] b1() { return Arrays2.copy(b1); }
    @Override public double[][] w3() { return Arrays2.copy(w3); }
    @Override public double[] b3() { return Arrays2.copy(b3); }
    @Override public double[][] w2() { return Arrays2.copy(w2); }
    @Override public double[] b2() { return Arrays2.copy(b2); }
    @Override public double[] gamma1() { return Arrays2.copy(gamma1); }
    @Override public double[] beta1() { return Arrays2.copy(beta1); }
    @Override public double[] gamma2() { return Arrays2.copy(gamma2); }
    @Override public double[] beta2() { return Arrays2.copy(beta2); }

    /** Every field (copied) with its name ({@code W_q}, {@code b_q}, ...), in declaration order; absent ones null. */
    public java.util.Map<String, Object> named() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        raw().forEach((k, v) -> m.put(k, v instanceof double[][] a ? Arrays2.copy(a) : Arrays2.copy((double[]) v)));
        return m;
    }

    /** The internal arrays by name (no copies; package use only). */
    java.util.Map<String, Object> raw() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("W_q", wQ);
        m.put("b_q", bQ);
        m.put("W_k", wK);
        m.put("b_k", bK);
        m.put("W_v", wV);
        m.put("b_v", bV);
        m.put("W_o", wO);
        m.put("b_o", bO);
        m.put("W_1", w1);
        m.put("b_1", b1);
        m.put("W_3", w3);
        m.put("b_3", b3);
        m.put("W_2", w2);
        m.put("b_2", b2);
        m.put("gamma_1", gamma1);
        m.put("beta_1", beta1);
        m.put("gamma_2", gamma2);
        m.put("beta_2", beta2);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerWeights other && java.util.Objects.deepEquals(raw().values().toArray(),
                other.raw().values().toArray());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(raw().values().toArray());
    }

    @Override
    public String toString() {
        return "LayerWeights[d=" + (wQ == null ? "?" : wQ.length) + ", D=" + (b1 == null ? "?" : b1.length) + "]";
    }
}
