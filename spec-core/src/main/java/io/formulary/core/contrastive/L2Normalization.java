package io.formulary.core.contrastive;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * The optional L2-normalisation layer {@code h_i = y_i / ||y_i||} (CONTRA-F14), which turns inner products into
 * cosine similarities, and its vector-Jacobian product.
 */
public final class L2Normalization {

    private L2Normalization() {
    }

    /**
     * Normalises each row: {@code h_i = y_i / ||y_i||}, the norm computed with scaling (no overflow or underflow).
     * <pre>h_i=y_i/\|y_i\|</pre>
     * Accuracy: {@code (d+6) eps |h|_abs}. Source: CONTRA-F14.
     *
     * @param Y rows to normalise, {@code B x d}, every row nonzero
     * @throws IllegalArgumentException if a row has zero norm
     */
    @Formula(value = "CONTRA-F14", title = "L2 normalisation of each row (cosine similarity)",
            args = @Arg(name = "Y", shape = "matrix[B][d]", domain = "finite, rows nonzero"),
            output = "matrix[B][d]: unit rows", accuracy = "(d+6) eps |h|_abs")
    public static double[][] forward(double[][] Y) {
        return forward(Y, "Y");
    }

    /** {@link #forward} naming {@code param} in the zero-norm message ({@code theta} inside an encoder). */
    static double[][] forward(double[][] Y, String param) {
        Checks.finite(Y, "Y");
        double[][] h = new double[Y.length][];
        for (int i = 0; i < Y.length; i++) {
            double n = norm(Y, i, param);
            h[i] = new double[Y[i].length];
            for (int a = 0; a < Y[i].length; a++) {
                h[i][a] = Y[i][a] / n;
            }
        }
        return h;
    }

    /** The VJP {@code g_y = (g - h <h, g>) / ||y||} for upstream {@code g = dL/dh}. */
    public static double[][] vectorJacobianProduct(double[][] Y, double[][] upstream) {
        return vectorJacobianProduct(Y, upstream, "Y");
    }

    static double[][] vectorJacobianProduct(double[][] Y, double[][] upstream, String param) {
        Checks.finite(Y, "Y");
        Checks.shape(upstream, Y.length, Y[0].length, "upstream");
        double[][] out = new double[Y.length][];
        for (int i = 0; i < Y.length; i++) {
            double n = norm(Y, i, param);
            double[] h = new double[Y[i].length];
            for (int a = 0; a < h.length; a++) {
                h[a] = Y[i][a] / n;
            }
            double hg = AccurateSums.dot(h, upstream[i]);
            out[i] = new double[h.length];
            for (int a = 0; a < h.length; a++) {
                out[i][a] = Math.fma(-h[a], hg, upstream[i][a]) / n;
            }
        }
        return out;
    }

    private static double norm(double[][] y, int i, String param) {
        double n = AccurateSums.norm2(y[i]);
        if (!(n > 0)) {
            // Inside an encoder the zero row comes from theta (the chapter's message); called directly, from Y.
            throw Checks.fail(param, ("theta".equals(param) ? "encoder output y[" + i + "]" : "row " + i)
                    + " has zero norm, normalize undefined");
        }
        return n;
    }
}
