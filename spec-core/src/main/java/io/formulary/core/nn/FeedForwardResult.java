package io.formulary.core.nn;

/**
 * The tensors of one feed-forward sublayer (WIDEN-F8), copied on access.
 *
 * @param gate   {@code A(xW_1 + b_1)}, {@code n x D}
 * @param up     {@code xW_3 + b_3} for the gated kind, else null
 * @param hidden the inner vector: {@code gate} (plain) or {@code gate * up} (gated), {@code n x D}
 * @param output {@code hidden W_2 + b_2}, {@code n x d}
 */
public record FeedForwardResult(double[][] gate, double[][] up, double[][] hidden, double[][] output) {

    public FeedForwardResult {
        gate = Arrays2.copy(gate);
        up = Arrays2.copy(up);
        hidden = Arrays2.copy(hidden);
        output = Arrays2.copy(output);
    }

    @Override public double[][] gate() { return Arrays2.copy(gate); }
    @Override public double[][] up() { return Arrays2.copy(up); }
    @Override public double[][] hidden() { return Arrays2.copy(hidden); }
    @Override public double[][] output() { return Arrays2.copy(output); }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedForwardResult r && java.util.Arrays.deepEquals(new Object[] {gate, up, hidden, output},
                new Object[] {r.gate, r.up, r.hidden, r.output});
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(new Object[] {gate, up, hidden, output});
    }

    @Override
    public String toString() {
        return "FeedForwardResult[n=" + output.length + "]";
    }
}
