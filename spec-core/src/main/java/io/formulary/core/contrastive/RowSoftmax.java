package io.formulary.core.contrastive;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;

/**
 * The shared, stable evaluation of the row softmax of a similarity matrix: per row the maximum {@code m_i} over the
 * candidate set, its first arg-max {@code j*}, and {@code Z_i = 1 + sum_{j != j*} e^{s_ij - m_i}}. Everything in
 * the chapter (probabilities, losses, gradients, label vectors) is derived from these, so no formula re-derives
 * the softmax differently.
 */
final class RowSoftmax {

    private final double[][] s;
    private final boolean masked;
    private final double[] max;
    private final int[] argMax;
    /** {@code sum_{j in K_i, j != j*} e^{s_ij - m_i}}: the part of {@code Z_i - 1} that log1p sees. */
    private final double[] rest;

    private RowSoftmax(double[][] s, boolean masked) {
        this.s = s;
        this.masked = masked;
        int b = s.length;
        max = new double[b];
        argMax = new int[b];
        rest = new double[b];
        for (int i = 0; i < b; i++) {
            int best = -1;
            for (int j = 0; j < b; j++) {
                if (masked && j == i) {
                    continue;
                }
                if (best < 0 || s[i][j] > s[i][best]) {
                    best = j;
                }
            }
            argMax[i] = best;
            max[i] = s[i][best];
            double[] terms = new double[b];
            for (int j = 0; j < b; j++) {
                if ((masked && j == i) || j == best) {
                    continue;
                }
                terms[j] = StrictMath.exp(s[i][j] - max[i]);
            }
            rest[i] = AccurateSums.sum(terms);
        }
    }

    static RowSoftmax of(double[][] s, boolean masked) {
        return new RowSoftmax(s, masked);
    }

    /** {@code S = H H^T / tau}: upper triangle by compensated dot products, mirrored so S is exactly symmetric. */
    static double[][] similarities(double[][] h, double tau) {
        int b = h.length;
        double[][] s = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = i; j < b; j++) {
                // Divide after the dot product (never pre-scale H), as the error bound of F2 assumes.
                double dot = AccurateSums.dot(h[i], h[j]);
                double v = Double.isFinite(dot) ? dot / tau : scaledQuotient(h[i], h[j], tau);
                if (!Double.isFinite(v)) {
                    throw Checks.fail("tau", "similarity s[" + i + "][" + j + "] = <h_" + i + ",h_" + j
                            + ">/tau overflows double (tau=" + tau + ")");
                }
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /**
     * {@code <x, y> / tau} when {@code <x, y>} itself overflows but the quotient may not ({@code |h| ~ 1e200},
     * {@code tau = 1e300}): both rows are scaled by the same power of two (exact), divided, and scaled back.
     */
    private static double scaledQuotient(double[] x, double[] y, double tau) {
        int k = Math.max(Math.getExponent(AccurateSums.maxAbs(x)), Math.getExponent(AccurateSums.maxAbs(y)));
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int a = 0; a < x.length; a++) {
            xs[a] = Math.scalb(x[a], -k);
            ys[a] = Math.scalb(y[a], -k);
        }
        return Math.scalb(AccurateSums.dot(xs, ys) / tau, 2 * k);
    }

    double[][] probabilities() {
        int b = s.length;
        double[][] p = new double[b][b];
        for (int i = 0; i < b; i++) {
            double z = 1 + rest[i];
            for (int j = 0; j < b; j++) {
                if (masked && j == i) {
                    continue;
                }
                p[i][j] = (j == argMax[i] ? 1.0 : StrictMath.exp(s[i][j] - max[i])) / z;
            }
        }
        return p;
    }

    /** {@code L_i = (m_i - s_{i pi(i)}) + log1p(rest_i)}: two non-negative terms, no cancellation. */
    double[] rowLosses(int[] partner) {
        int b = s.length;
        double[] l = new double[b];
        for (int i = 0; i < b; i++) {
            l[i] = (max[i] - s[i][partner[i]]) + StrictMath.log1p(rest[i]);
        }
        return l;
    }

    /**
     * {@code G = P - T}. When the positive is the row's arg-max, {@code p - 1} would cancel (p rounds to 1 once the
     * positive dominates); it is evaluated as {@code -rest / (1 + rest)} instead, which keeps full relative accuracy.
     */
    double[][] minusTarget(int[] partner) {
        double[][] g = probabilities();
        for (int i = 0; i < g.length; i++) {
            int j = partner[i];
            g[i][j] = j == argMax[i] ? -rest[i] / (1 + rest[i]) : g[i][j] - 1;
        }
        return g;
    }

    /**
     * Log-sum-exp of row {@code i} over its candidates inside ({@code inside = true}) or outside the row range
     * {@code [from, to)}; {@code -Infinity} for an empty set.
     */
    static double logSumExp(double[] row, int i, boolean masked, int from, int to, boolean inside) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < row.length; j++) {
            if (candidate(j, i, masked, from, to, inside)) {
                m = Math.max(m, row[j]);
            }
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        double[] terms = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            if (candidate(j, i, masked, from, to, inside)) {
                terms[j] = StrictMath.exp(row[j] - m);
            }
        }
        return m + StrictMath.log(AccurateSums.sum(terms));
    }

    /** The loss of row {@code i} when its candidates are restricted to the chunk {@code [from, to)}, F4's form. */
    static double rowLossWithin(double[] row, int i, int partner, boolean masked, int from, int to) {
        int best = -1;
        for (int j = from; j < to; j++) {
            if ((masked && j == i)) {
                continue;
            }
            if (best < 0 || row[j] > row[best]) {
                best = j;
            }
        }
        double[] terms = new double[to - from];
        for (int j = from; j < to; j++) {
            if ((masked && j == i) || j == best) {
                continue;
            }
            terms[j - from] = StrictMath.exp(row[j] - row[best]);
        }
        return (row[best] - row[partner]) + StrictMath.log1p(AccurateSums.sum(terms));
    }

    private static boolean candidate(int j, int i, boolean masked, int from, int to, boolean inside) {
        if (masked && j == i) {
            return false;
        }
        boolean in = j >= from && j < to;
        return in == inside;
    }
}
