package io.formulary.core.nn;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** The linear layer {@code y = xW + b} in the row-vector convention (WIDEN-F4). */
public final class Linear {

    private Linear() {
    }

    /**
     * A linear layer applied to every row of {@code x}.
     *
     * <p>$$y_{m,j}=\sum_{i} x_{m,i}\,w_{i,j}+b_j.$$
     *
     * <p>Domain: finite {@code x} ({@code n x d_in}), {@code w} ({@code d_in x d_out}), {@code b}
     * ({@code d_out}). Each output is a compensated (fma-based Dot2) dot product followed by one addition of the
     * bias, so the result is as accurate as a twice-as-precise dot product rounded once, plus the bias rounding.
     * Source: WIDEN-F4.
     *
     * @param x rows, {@code n x d_in}
     * @param w weight, {@code d_in x d_out} ({@code W[i][j]}: input unit i to output unit j)
     * @param b bias, {@code d_out}
     * @return {@code n x d_out}
     * @throws IllegalArgumentException on non-finite entries or mismatched shapes (both shapes in the message)
     */
    @Formula(value = "WIDEN-F4", title = "Linear layer y = xW + b",
            args = {@Formula.Arg(name = "x", shape = "matrix[n][din]"),
                    @Formula.Arg(name = "w", shape = "matrix[din][dout]"),
                    @Formula.Arg(name = "b", shape = "vector[dout]")},
            output = "matrix[n][dout]", accuracy = "Dot2 (twice working precision) then one rounding per entry")
    public static double[][] apply(double[][] x, double[][] w, double[] b) {
        Checks.finite(x, "x");
        Checks.finite(w, "w");
        if (w.length != x[0].length) {
            throw Checks.fail("w", "shape " + w.length + "x" + w[0].length + " does not fit x: shape " + x.length + "x"
                    + x[0].length);
        }
        Checks.length(b, w[0].length, "b");
        return rows(x, w, b);
    }

    /** Unchecked evaluation for the forward pass (shapes validated once by the caller). */
    static double[][] rows(double[][] x, double[][] w, double[] b) {
        int din = w.length;
        int dout = w[0].length;
        double[][] wt = new double[dout][din];
        for (int i = 0; i < din; i++) {
            for (int j = 0; j < dout; j++) {
                wt[j][i] = w[i][j];
            }
        }
        double[][] y = new double[x.length][dout];
        for (int m = 0; m < x.length; m++) {
            for (int j = 0; j < dout; j++) {
                y[m][j] = AccurateSums.dot(x[m], wt[j]) + b[j];
            }
        }
        return y;
    }
}
