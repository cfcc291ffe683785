package io.formulary.properties.linear.mutants;

import io.formulary.core.linear.LogisticMle;
import io.formulary.properties.linear.ReferenceLogistic;

/**
 * Wrong: an MLE comparator with a loose stopping rule, modelled as the optimum off by a relative {@code 1e-4} in every
 * weight (what a gradient tolerance of about {@code 1e-4 N} leaves behind).
 */
public class LooselyStoppedMle extends ReferenceLogistic {
    @Override
    public LogisticMle.BinaryFit mleBinary(double[][] X, int[] y, double lambda) {
        LogisticMle.BinaryFit f = super.mleBinary(X, y, lambda);
        double[] w = f.w();
        for (int a = 0; a < w.length; a++) {
            w[a] *= 1 + 1e-4;
        }
        return new LogisticMle.BinaryFit(w, f.b(), f.iterations(), f.gradientNorm());
    }
}
