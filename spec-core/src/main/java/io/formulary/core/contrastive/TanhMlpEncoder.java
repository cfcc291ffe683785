package io.formulary.core.contrastive;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * Reference encoder B (CONTRA-F13): {@code a = U x + c}, {@code z = tanh(a)}, {@code h = V z + e}, and its dropout
 * variant (CONTRA-F16). Parameters are packed as {@code theta = [vec_row(U), c, vec_row(V), e]}, length
 * {@code r*m + r + d*r + d}.
 *
 * <p>The backward pass takes {@code 1 - tanh^2 a = sech^2 a} as {@code 4 e^{-2|a|} / (1 + e^{-2|a|})^2} from the
 * pre-activation: {@code 1 - z*z} from the stored {@code z} is only absolutely accurate and becomes exactly 0 for
 * saturated units ({@code |a| >~ 19}), which would break the relative error bound. Even so, the gradient terms that
 * go through {@code sech^2(a)} carry {@code |a| eps} beyond the chapter's {@code (m+r+d+8) eps |.|_abs}: {@code a} is
 * rounded once (it is not a double in general) and {@code sech^2} has condition number {@code 2 |a tanh a|}, so no
 * double evaluation meets the chapter's bound for saturated units (shown in ContrastiveAccuracyTest).
 */
public final class TanhMlpEncoder {

    private TanhMlpEncoder() {
    }

    /**
     * Forward pass of the tanh MLP, optionally followed by L2 normalisation of each output row.
     * <pre>a_i=Ux_i+c,\quad z_i=\tanh(a_i),\quad h_i=Vz_i+e</pre>
     * Accuracy: {@code (m+r+d+8) eps |h|_abs} per entry. Source: CONTRA-F13 (and F14 when {@code normalize}).
     *
     * @param theta     packed parameters, length {@code r*m + r + d*r + d}
     * @param X         inputs, {@code B x m}
     * @param r         hidden width, {@code >= 1}
     * @param d         embedding dimension, {@code >= 1} ({@code >= 2} with normalize)
     * @param normalize L2-normalise each output row
     * @return {@code H}, {@code B x d}
     */
    @Formula(value = "CONTRA-F13", title = "Tanh MLP reference encoder", args = {
            @Arg(name = "theta", shape = "vector[r*m+r+d*r+d]", domain = "finite; [U, c, V, e] row-major"),
            @Arg(name = "X", shape = "matrix[B][m]"), @Arg(name = "r", shape = "int", domain = ">= 1"),
            @Arg(name = "d", shape = "int", domain = ">= 1"), @Arg(name = "normalize", shape = "boolean")},
            output = "matrix[B][d]: H", accuracy = "(m+r+d+8) eps |h|_abs")
    public static double[][] forward(double[] theta, double[][] X, int r, int d, boolean normalize) {
        double[][] y = run(theta, X, r, d, null, 0);
        return normalize ? L2Normalization.forward(y, "theta") : y;
    }

    /**
     * Forward pass with inverted dropout on the hidden layer and explicit masks:
     * {@code z_i = tanh(a_i) * mu_i / (1 - rho)}.
     * <pre>z_i=\tanh(a_i)\odot\mu_i/(1-\rho)</pre>
     * Source: CONTRA-F16.
     *
     * @param rho   dropout rate in {@code [0, 1)}
     * @param masks {@code B x r} 0/1 masks, one row per sample
     */
    @Formula(value = "CONTRA-F16", title = "Tanh MLP with explicit dropout masks", args = {
            @Arg(name = "theta", shape = "vector[r*m+r+d*r+d]"), @Arg(name = "X", shape = "matrix[B][m]"),
            @Arg(name = "r", shape = "int", domain = ">= 1"), @Arg(name = "d", shape = "int", domain = ">= 1"),
            @Arg(name = "rho", shape = "scalar", domain = "[0, 1)"),
            @Arg(name = "masks", shape = "matrix[B][r]", domain = "0/1 entries")},
            output = "matrix[B][d]: H", accuracy = "as CONTRA-F13")
    public static double[][] forwardWithDropout(double[] theta, double[][] X, int r, int d, double rho,
                                                double[][] masks) {
        checkDropout(rho, masks, X == null ? 0 : X.length, r);
        return run(theta, X, r, d, masks, rho);
    }

    /** Backward pass with upstream {@code dL/dH}; {@code masks == null} for the plain MLP. */
    static double[] backward(double[] theta, double[][] X, int r, int d, double[][] upstream, double[][] masks,
                             double rho) {
        Params p = Params.unpack(theta, X, r, d);
        Checks.shape(upstream, X.length, d, "upstream");
        int b = X.length;
        int m = X[0].length;
        double[] grad = new double[theta.length];
        int offC = r * m;
        int offV = offC + r;
        int offE = offV + d * r;
        double[][] z = new double[b][r];
        double[][] delta = new double[b][r];
        double keep = masks == null ? 1 : 1 / (1 - rho);
        double[][] vt = new double[r][d];
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < r; k++) {
                vt[k][a] = p.v[a][k];
            }
        }
        for (int i = 0; i < b; i++) {
            double[] x1 = withOne(X[i]);
            for (int k = 0; k < r; k++) {
                double a = AccurateSums.dot(p.uc[k], x1);
                double mask = masks == null ? 1 : masks[i][k] * keep;
                z[i][k] = StrictMath.tanh(a) * mask;
                double t = StrictMath.exp(-2 * Math.abs(a));
                double sech2 = 4 * t / ((1 + t) * (1 + t));
                // delta = (V^T g) * mask * sech^2(a)
                double vtg = AccurateSums.dot(vt[k], upstream[i]);
                delta[i][k] = vtg * mask * sech2;
            }
        }
        double[] col1 = new double[b];
        double[] col2 = new double[b];
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < b; i++) {
                col1[i] = delta[i][k];
            }
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < b; i++) {
                    col2[i] = X[i][c];
                }
                grad[k * m + c] = AccurateSums.dot(col1, col2);
            }
            grad[offC + k] = AccurateSums.sum(col1);
        }
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < b; i++) {
                col1[i] = upstream[i][a];
            }
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < b; i++) {
                    col2[i] = z[i][k];
                }
                grad[offV + a * r + k] = AccurateSums.dot(col1, col2);
            }
            grad[offE + a] = AccurateSums.sum(col1);
        }
        return grad;
    }

    private static double[][] run(double[] theta, double[][] X, int r, int d, double[][] masks, double rho) {
        Params p = Params.unpack(theta, X, r, d);
        int b = X.length;
        double keep = masks == null ? 1 : 1 / (1 - rho);
        double[][] h = new double[b][d];
        double[] z = new double[r];
        for (int i = 0; i < b; i++) {
            double[] x1 = withOne(X[i]);
            for (int k = 0; k < r; k++) {
                double a = AccurateSums.dot(p.uc[k], x1);
                z[k] = StrictMath.tanh(a) * (masks == null ? 1 : masks[i][k] * keep);
            }
            for (int a = 0; a < d; a++) {
                h[i][a] = AccurateSums.dot(p.v[a], z) + p.e[a];
            }
        }
        return h;
    }

    /** {@code [x, 1]}: the bias joins the compensated dot product as one more term. */
    private static double[] withOne(double[] x) {
        double[] x1 = java.util.Arrays.copyOf(x, x.length + 1);
        x1[x.length] = 1;
        return x1;
    }

    static void checkDropout(double rho, double[][] masks, int b, int r) {
        Checks.finite(rho, "rho");
        if (!(rho >= 0 && rho < 1)) {
            throw Checks.fail("rho", "dropout rate must be in [0,1), got " + rho);
        }
        Checks.finite(masks, "masks");
        if (masks.length != b || masks[0].length != r) {
            throw Checks.fail("masks", "shape " + masks.length + "x" + masks[0].length + ", expected " + b + "x" + r);
        }
        for (int i = 0; i < masks.length; i++) {
            for (int k = 0; k < r; k++) {
                if (masks[i][k] != 0 && masks[i][k] != 1) {
                    throw Checks.fail("masks", "entry [" + i + "][" + k + "] is " + masks[i][k] + ", expected 0 or 1");
                }
            }
        }
    }

    /**
     * Unpacked parameters; {@code uc[k] = [U_k, c_k]} so that {@code a = U x + c} is one compensated dot product: adding
     * {@code c} after rounding {@code U x} loses every digit of {@code a} when {@code U x ~ -c}, and {@code tanh},
     * {@code sech^2} then inherit that absolute error as a large relative one.
     */
    private record Params(double[][] u, double[] c, double[][] v, double[] e, double[][] uc) {
        static Params unpack(double[] theta, double[][] X, int r, int d) {
            Checks.finite(X, "X");
            Checks.atLeast(r, 1, "r");
            Checks.atLeast(d, 1, "d");
            Checks.finite(theta, "theta");
            int m = X[0].length;
            int n = r * m + r + d * r + d;
            if (theta.length != n) {
                throw Checks.fail("theta", "length " + theta.length + ", expected r*m+r+d*r+d = " + n);
            }
            double[][] u = new double[r][m];
            double[] c = new double[r];
            double[][] v = new double[d][r];
            double[] e = new double[d];
            int o = 0;
            for (int k = 0; k < r; k++, o += m) {
                System.arraycopy(theta, o, u[k], 0, m);
            }
            System.arraycopy(theta, o, c, 0, r);
            o += r;
            for (int a = 0; a < d; a++, o += r) {
                System.arraycopy(theta, o, v[a], 0, r);
            }
            System.arraycopy(theta, o, e, 0, d);
            double[][] uc = new double[r][];
            for (int k = 0; k < r; k++) {
                uc[k] = java.util.Arrays.copyOf(u[k], m + 1);
                uc[k][m] = c[k];
            }
            return new Params(u, c, v, e, uc);
        }
    }
}
