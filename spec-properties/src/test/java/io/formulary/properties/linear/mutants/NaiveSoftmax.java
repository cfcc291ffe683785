package io.formulary.properties.linear.mutants;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.properties.linear.ReferenceLogistic;

/** Wrong: softmax without subtracting the maximum logit, so {@code exp} overflows for logits above 709. */
public class NaiveSoftmax extends ReferenceLogistic {
    @Override
    public double[] softmaxProbabilities(double[] x, double[][] weights, double[] bias) {
        double[] e = exps(x, weights, bias);
        double s = 0;
        for (double v : e) {
            s += v;
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    @Override
    public double[] logProbabilities(double[] x, double[][] weights, double[] bias) {
        double[] e = exps(x, weights, bias);
        double s = 0;
        for (double v : e) {
            s += v;
        }
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = Math.log(e[i] / s);
        }
        return out;
    }

    private static double[] exps(double[] x, double[][] weights, double[] bias) {
        double[] e = new double[weights.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.exp(AccurateSums.dot(x, weights[i]) + bias[i]);
        }
        return e;
    }
}
