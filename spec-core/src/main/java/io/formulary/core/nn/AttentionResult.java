package io.formulary.core.nn;

/**
 * The tensors of one attention sublayer (WIDEN-F6), all copied on access.
 *
 * @param q             {@code XW_q + b_q} before RoPE, {@code n x d}
 * @param k             {@code XW_k + b_k} before RoPE, {@code n x d}
 * @param v             {@code XW_v + b_v}, {@code n x d}
 * @param probabilities one {@code n x n} row-stochastic matrix per head, {@code H x n x n}
 * @param heads         the concatenated head outputs {@code O}, {@code n x d}
 * @param output        {@code O W_o + b_o}, {@code n x d}
 */
public record AttentionResult(double[][] q, double[][] k, double[][] v, double[][][] probabilities, double[][] heads,
                              double[][] output) {

    public AttentionResult {
        q = Arrays2.copy(q);
        k = Arrays2.copy(k);
        v = Arrays2.copy(v);
        probabilities = copy3(probabilities);
        heads = Arrays2.copy(heads);
        output = Arrays2.copy(output);
    }

    @Override public double[][] q() { return Arrays2.copy(q); }
    @Override public double[][] k() { return Arrays2.copy(k); }
    @Override public double[][] v() { return Arrays2.copy(v); }
    @Override public double[][][] probabilities() { return copy3(probabilities); }
    @Override public double[][] heads() { return Arrays2.copy(heads); }
    @Override public double[][] output() { return Arrays2.copy(output); }

    private static double[][][] copy3(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int h = 0; h < a.length; h++) {
            out[h] = Arrays2.copy(a[h]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionResult r && java.util.Arrays.deepEquals(
                new Object[] {q, k, v, probabilities, heads, output},
                new Object[] {r.q, r.k, r.v, r.probabilities, r.heads, r.output});
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(new Object[] {q, k, v, probabilities, heads, output});
    }

    @Override
    public String toString() {
        return "AttentionResult[n=" + output.length + ", H=" + probabilities.length + "]";
    }
}
