package io.formulary.properties.rope.mutants;

import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: the matrix exponential as the power series truncated at 20 terms, without scaling and squaring. Fine for
 * small norms, useless at {@code ||A|| = 1e4} (ROPE-P6 catches it).
 */
public class NaiveSeriesExpmRope extends ReferenceRope {
    @Override
    public double[][] expm(double[][] a) {
        int n = a.length;
        double[][] sum = new double[n][n];
        double[][] term = new double[n][n];
        for (int i = 0; i < n; i++) {
            sum[i][i] = 1;
            term[i][i] = 1;
        }
        for (int k = 1; k <= 20; k++) {
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int l = 0; l < n; l++) {
                        s += term[i][l] * a[l][j];
                    }
                    next[i][j] = s / k;
                }
            }
            term = next;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i][j] += term[i][j];
                }
            }
        }
        return sum;
    }
}
