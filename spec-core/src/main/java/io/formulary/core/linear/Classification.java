package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.Arrays;

/** Decisions, accuracy and the few-shot subset of the experiment protocol (LOGIT-F21). */
public final class Classification {

    private Classification() {
    }

    /** {@code argmax_i z_i}, ties broken toward the smaller index. */
    public static int argmax(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Accuracy of the decisions encoded by logits:
     * $$\mathrm{acc}=\frac1N\sum_j\big[\arg\max_i z_{ji}=y_j\big],$$
     * ties broken toward the smaller class index; a single logit column is the binary rule "predict 1 iff
     * {@code t > 0}". Domain: {@code logits} {@code N x k} finite ({@code k = 1} binary), labels in range.
     * Accuracy: exact (a count divided by {@code N}). Source: LOGIT-F21.
     *
     * @param logits one row of logits per sample, {@code N x k} or {@code N x 1}
     * @param y      labels, length {@code N}, in {@code [0, max(k,2))}
     * @return the fraction of correct decisions in {@code [0, 1]}
     */
    @Formula(value = "LOGIT-F21", title = "Accuracy (argmax decisions, ties to the smaller index)",
            args = {@Formula.Arg(name = "logits", shape = "matrix[N][k]", domain = "finite; k = 1 means binary"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "[0, max(k,2))")},
            output = "scalar: accuracy in [0, 1]", accuracy = "exact count / N")
    public static double accuracy(double[][] logits, int[] y) {
        return (double) correct(logits, y) / logits.length;
    }

    /** The number of correct decisions (counts are reported beside percentages). */
    public static int correct(double[][] logits, int[] y) {
        Checks.finite(logits, "logits");
        int k = logits[0].length;
        Inputs.labels(y, logits.length, Math.max(k, 2), "y");
        int c = 0;
        for (int j = 0; j < logits.length; j++) {
            int pred = k == 1 ? (logits[j][0] > 0 ? 1 : 0) : argmax(logits[j]);
            c += pred == y[j] ? 1 : 0;
        }
        return c;
    }

    /** The first {@code count} rows ("few-shot" = the first rows in stored order). */
    public static double[][] firstRows(double[][] X, int count) {
        Checks.notNull(X, "X");
        Checks.inRange(count, 1, X.length, "count");
        return Checks.copy(Arrays.copyOf(X, count));
    }

    /** The first {@code count} labels. */
    public static int[] firstLabels(int[] y, int count) {
        Checks.notNull(y, "y");
        Checks.inRange(count, 1, y.length, "count");
        return Arrays.copyOf(y, count);
    }
}
