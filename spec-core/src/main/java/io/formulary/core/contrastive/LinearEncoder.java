package io.formulary.core.contrastive;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * Reference encoder A (CONTRA-F12): the linear map {@code h_i = W x_i} with {@code theta = vec_row(W)}, the index of
 * {@code W_ac} being {@code a*m + c}.
 */
public final class LinearEncoder {

    private LinearEncoder() {
    }

    /**
     * Forward pass {@code H = X W^T}.
     * <pre>h_i=Wx_i,\qquad W\in\mathbb R^{d\times m},\ \theta=\operatorname{vec}_{\text{row}}(W)</pre>
     * Accuracy: {@code (m+2) eps |h|_abs} per entry (fma-compensated dot products). Source: CONTRA-F12.
     *
     * @param theta {@code d*m} parameters, row-major {@code W}
     * @param X     inputs, {@code B x m}
     * @param d     embedding dimension, {@code >= 1}
     * @return {@code H}, {@code B x d}
     */
    @Formula(value = "CONTRA-F12", title = "Linear reference encoder h = W x", args = {
            @Arg(name = "theta", shape = "vector[d*m]", domain = "finite; row-major W"),
            @Arg(name = "X", shape = "matrix[B][m]"), @Arg(name = "d", shape = "int", domain = ">= 1")},
            output = "matrix[B][d]: H", accuracy = "(m+2) eps |h|_abs")
    public static double[][] forward(double[] theta, double[][] X, int d) {
        double[][] w = weights(theta, X, d);
        double[][] h = new double[X.length][d];
        for (int i = 0; i < X.length; i++) {
            for (int a = 0; a < d; a++) {
                h[i][a] = AccurateSums.dot(w[a], X[i]);
            }
        }
        return h;
    }

    /**
     * Backward pass: {@code grad_W = sum_i g_i x_i^T = G^T X}, flattened like {@code theta}.
     *
     * @param upstream {@code dL/dH}, {@code B x d}
     */
    public static double[] backward(double[] theta, double[][] X, int d, double[][] upstream) {
        weights(theta, X, d);
        Checks.shape(upstream, X.length, d, "upstream");
        int m = X[0].length;
        int b = X.length;
        double[] grad = new double[d * m];
        double[] g = new double[b];
        double[] x = new double[b];
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < b; i++) {
                g[i] = upstream[i][a];
            }
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < b; i++) {
                    x[i] = X[i][c];
                }
                grad[a * m + c] = AccurateSums.dot(g, x);
            }
        }
        return grad;
    }

    private static double[][] weights(double[] theta, double[][] X, int d) {
        Checks.finite(X, "X");
        Checks.atLeast(d, 1, "d");
        int m = X[0].length;
        Checks.finite(theta, "theta");
        if (theta.length != d * m) {
            throw Checks.fail("theta", "length " + theta.length + ", expected d*m = " + d * m);
        }
        double[][] w = new double[d][m];
        for (int a = 0; a < d; a++) {
            System.arraycopy(theta, a * m, w[a], 0, m);
        }
        return w;
    }
}
