package io.formulary.core.nn;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** Multi-head self-attention (WIDEN-F6). */
public final class Attention {

    private Attention() {
    }

    /**
     * Multi-head self-attention of a sequence.
     *
     * <p>$$Q=XW_q+\mathbf1b_q,\ K=XW_k+\mathbf1b_k,\ V=XW_v+\mathbf1b_v;\quad
     * S^{(h)}_{m,m'}=\tau\langle\mathrm{RoPE}_m(Q_{h,m}),\mathrm{RoPE}_{m'}(K_{h,m'})\rangle,\quad
     * P^{(h)}=\mathrm{softmax}_{\text{row}}(S^{(h)}),\quad O_{:,J_h}=P^{(h)}V_h,\quad \mathrm{Attn}(X)=OW_o+\mathbf1b_o$$
     * with {@code tau = 1/sqrt(d_h)} or 1, head {@code h} owning the contiguous columns
     * {@code [h d_h, (h+1) d_h)}, and {@code S = -inf} above the diagonal when causal.
     *
     * <p>Domain: finite inputs of matching shapes; {@code d} divisible by {@code numHeads}; RoPE (when
     * {@code theta} is not null) needs an even head size. Evaluation: Dot2 scores, row softmax with the row maximum
     * subtracted (no overflow), {@code StrictMath.exp}, compensated row sum, then division; masked entries are
     * exactly 0 and no row is fully masked (the diagonal is kept). RoPE positions are
     * {@code positionOffset + m}. Accuracy: entries of {@code P} within a few ulps times the score magnitude.
     * Source: WIDEN-F6.
     *
     * @param x              input rows, {@code n x d}
     * @param wQ             {@code d x d}
     * @param bQ             {@code d}
     * @param wK             {@code d x d}
     * @param bK             {@code d}
     * @param wV             {@code d x d}
     * @param bV             {@code d}
     * @param wO             {@code d x d}
     * @param bO             {@code d}
     * @param numHeads       {@code H >= 1}, divides {@code d}
     * @param scaling        score scaling
     * @param causal         whether to mask {@code m' > m}
     * @param theta          RoPE frequencies ({@code d_h/2}), or null for no RoPE
     * @param layout         RoPE layout (ignored without RoPE)
     * @param positionOffset position of row 0 for RoPE
     * @return q, k, v, per-head probabilities, concatenated heads and the output
     * @throws IllegalArgumentException on non-finite input or mismatched shapes
     */
    @Formula(value = "WIDEN-F6", title = "Multi-head self-attention",
            args = {@Formula.Arg(name = "x", shape = "matrix[n][d]"),
                    @Formula.Arg(name = "wQ", shape = "matrix[d][d]"), @Formula.Arg(name = "bQ", shape = "vector[d]"),
                    @Formula.Arg(name = "wK", shape = "matrix[d][d]"), @Formula.Arg(name = "bK", shape = "vector[d]"),
                    @Formula.Arg(name = "wV", shape = "matrix[d][d]"), @Formula.Arg(name = "bV", shape = "vector[d]"),
                    @Formula.Arg(name = "wO", shape = "matrix[d][d]"), @Formula.Arg(name = "bO", shape = "vector[d]"),
                    @Formula.Arg(name = "numHeads", shape = "int", domain = ">= 1, divides d"),
                    @Formula.Arg(name = "scaling", shape = "enum(INV_SQRT_HEAD|NONE)"),
                    @Formula.Arg(name = "causal", shape = "boolean"),
                    @Formula.Arg(name = "theta", shape = "vector[dh/2]", domain = "> 0, or absent (no RoPE)"),
                    @Formula.Arg(name = "layout", shape = "enum(INTERLEAVED_PAIRS|HALF_SPLIT)"),
                    @Formula.Arg(name = "positionOffset", shape = "int")},
            output = "record: q, k, v (n x d), probabilities (H x n x n), heads (n x d), output (n x d)",
            accuracy = "probabilities within a few ulps times the score magnitude")
    public static AttentionResult selfAttention(double[][] x, double[][] wQ, double[] bQ, double[][] wK, double[] bK,
                                                double[][] wV, double[] bV, double[][] wO, double[] bO, int numHeads,
                                                AttentionScaling scaling, boolean causal, double[] theta,
                                                RopeLayout layout, int positionOffset) {
        Checks.finite(x, "x");
        int d = x[0].length;
        Checks.atLeast(numHeads, 1, "numHeads");
        if (d % numHeads != 0) {
            throw Checks.fail("numHeads", "d=" + d + " is not divisible by H=" + numHeads);
        }
        String[] names = {"wQ", "wK", "wV", "wO"};
        double[][][] ws = {wQ, wK, wV, wO};
        for (int i = 0; i < 4; i++) {
            Checks.finite(ws[i], names[i]);
            Arrays2.matrix(ws[i], d, d, names[i]);
        }
        Checks.length(bQ, d, "bQ");
        Checks.length(bK, d, "bK");
        Checks.length(bV, d, "bV");
        Checks.length(bO, d, "bO");
        Checks.notNull(scaling, "scaling");
        if (theta != null) {
            Checks.notNull(layout, "layout");
            int dh = d / numHeads;
            if (dh % 2 != 0) {
                throw Checks.fail("numHeads", "RoPE needs an even head size, got d_h=" + dh);
            }
            Checks.length(theta, dh / 2, "theta");
        }
        return compute(x, wQ, bQ, wK, bK, wV, bV, wO, bO, numHeads, scaling, causal, theta, layout, positionOffset);
    }

    static AttentionResult compute(double[][] x, double[][] wQ, double[] bQ, double[][] wK, double[] bK,
                                   double[][] wV, double[] bV, double[][] wO, double[] bO, int numHeads,
                                   AttentionScaling scaling, boolean causal, double[] theta, RopeLayout layout,
                                   long positionOffset) {
        int n = x.length;
        int d = wQ.length;
        int dh = d / numHeads;
        double[][] q = Linear.rows(x, wQ, bQ);
        double[][] k = Linear.rows(x, wK, bK);
        double[][] v = Linear.rows(x, wV, bV);
        double tau = scaling == AttentionScaling.INV_SQRT_HEAD ? 1.0 / Math.sqrt(dh) : 1.0;
        double[][][] probs = new double[numHeads][n][n];
        double[][] heads = new double[n][d];
        for (int h = 0; h < numHeads; h++) {
            double[][] qh = new double[n][];
            double[][] kh = new double[n][];
            double[][] vhT = new double[dh][n];
            for (int m = 0; m < n; m++) {
                qh[m] = java.util.Arrays.copyOfRange(q[m], h * dh, (h + 1) * dh);
                kh[m] = java.util.Arrays.copyOfRange(k[m], h * dh, (h + 1) * dh);
                if (theta != null) {
                    qh[m] = Rope.rotateUnchecked(qh[m], positionOffset + m, theta, layout);
                    kh[m] = Rope.rotateUnchecked(kh[m], positionOffset + m, theta, layout);
                }
                for (int j = 0; j < dh; j++) {
                    vhT[j][m] = v[m][h * dh + j];
                }
            }
            for (int m = 0; m < n; m++) {
                int last = causal ? m : n - 1;
                double[] s = new double[last + 1];
                for (int mm = 0; mm <= last; mm++) {
                    s[mm] = tau * AccurateSums.dot(qh[m], kh[mm]);
                }
                double[] p = softmax(s);
                System.arraycopy(p, 0, probs[h][m], 0, p.length);
                for (int j = 0; j < dh; j++) {
                    heads[m][h * dh + j] = AccurateSums.dot(probs[h][m], vhT[j]);
                }
            }
        }
        double[][] out = Linear.rows(heads, wO, bO);
        return new AttentionResult(q, k, v, probs, heads, out);
    }

    /** Row softmax: maximum subtracted (no overflow), StrictMath.exp, compensated sum, one division per entry. */
    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = StrictMath.exp(s[i] - max);
        }
        double sum = AccurateSums.sum(e);
        for (int i = 0; i < e.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
