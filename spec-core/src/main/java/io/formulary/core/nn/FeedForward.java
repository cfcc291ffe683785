package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** The position-wise feed-forward sublayer, plain or gated (WIDEN-F8). */
public final class FeedForward {

    private FeedForward() {
    }

    /**
     * The feed-forward sublayer applied to every row.
     *
     * <p>$$\texttt{PLAIN}: F(x)=A(xW_1+b_1)W_2+b_2;\qquad
     * \texttt{GATED}: F(x)=\bigl(A(xW_1+b_1)\odot(xW_3+b_3)\bigr)W_2+b_2.$$
     *
     * <p>Domain: finite inputs; {@code w3}/{@code b3} both null (plain) or both present (gated). Evaluation: each
     * linear layer as in WIDEN-F4, the activation per entry (WIDEN-F5), the gate product one rounding.
     * Source: WIDEN-F8.
     *
     * @param x     rows, {@code n x d}
     * @param w1    {@code d x D}
     * @param b1    {@code D}
     * @param w3    {@code d x D} (gated) or null
     * @param b3    {@code D} (gated) or null
     * @param w2    {@code D x d}
     * @param b2    {@code d}
     * @param kind  activation
     * @param slope leaky slope (0 for the other kinds)
     * @return gate, up, hidden and output
     * @throws IllegalArgumentException on non-finite input or mismatched shapes
     */
    @Formula(value = "WIDEN-F8", title = "Feed-forward sublayer (plain or gated)",
            args = {@Formula.Arg(name = "x", shape = "matrix[n][d]"),
                    @Formula.Arg(name = "w1", shape = "matrix[d][D]"), @Formula.Arg(name = "b1", shape = "vector[D]"),
                    @Formula.Arg(name = "w3", shape = "matrix[d][D]", domain = "finite, or absent (plain)"),
                    @Formula.Arg(name = "b3", shape = "vector[D]", domain = "finite, or absent (plain)"),
                    @Formula.Arg(name = "w2", shape = "matrix[D][d]"), @Formula.Arg(name = "b2", shape = "vector[d]"),
                    @Formula.Arg(name = "kind", shape = "enum(RELU|LEAKY_RELU|GELU_ERF|GELU_TANH|LINEAR)"),
                    @Formula.Arg(name = "slope", shape = "scalar", domain = "[0,1) for LEAKY_RELU, else 0")},
            output = "record: gate, up, hidden (n x D), output (n x d)",
            accuracy = "each linear layer Dot2 plus one rounding; activation per WIDEN-F5")
    public static FeedForwardResult apply(double[][] x, double[][] w1, double[] b1, double[][] w3, double[] b3,
                                          double[][] w2, double[] b2, ActivationKind kind, double slope) {
        Checks.finite(x, "x");
        int d = x[0].length;
        Checks.finite(w1, "w1");
        int dd = w1[0].length;
        Arrays2.matrix(w1, d, dd, "w1");
        Checks.length(b1, dd, "b1");
        if ((w3 == null) != (b3 == null)) {
            throw Checks.fail("w3", "w3 and b3 must both be present (gated) or both absent (plain)");
        }
        if (w3 != null) {
            Checks.finite(w3, "w3");
            Arrays2.matrix(w3, d, dd, "w3");
            Checks.length(b3, dd, "b3");
        }
        Checks.finite(w2, "w2");
        Arrays2.matrix(w2, dd, d, "w2");
        Checks.length(b2, d, "b2");
        Activation a = new Activation(Checks.notNull(kind, "kind"), kind == ActivationKind.LEAKY_RELU ? slope : 0);
        return compute(x, w1, b1, w3, b3, w2, b2, a);
    }

    static FeedForwardResult compute(double[][] x, double[][] w1, double[] b1, double[][] w3, double[] b3,
                                     double[][] w2, double[] b2, Activation a) {
        double[][] pre = Linear.rows(x, w1, b1);
        double[][] gate = new double[pre.length][];
        for (int m = 0; m < pre.length; m++) {
            gate[m] = a.apply(pre[m]);
        }
        double[][] up = null;
        double[][] hidden = gate;
        if (w3 != null) {
            up = Linear.rows(x, w3, b3);
            hidden = new double[gate.length][gate[0].length];
            for (int m = 0; m < gate.length; m++) {
                for (int j = 0; j < gate[m].length; j++) {
                    hidden[m][j] = gate[m][j] * up[m][j];
                }
            }
        }
        return new FeedForwardResult(gate, up, hidden, Linear.rows(hidden, w2, b2));
    }
}
