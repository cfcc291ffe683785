package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.NormKind;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: LayerNorm with the unbiased variance {@code 1/(d-1)} (older code; erratum E9), which breaks the epsilon and gain rule under widening. Caught by WIDEN-P6. */
public class UnbiasedVarianceNorm extends ReferenceWidening {

    @Override
    public double[] normalize(NormKind kind, double[] x, double[] gamma, double[] beta, double epsilon) {
        if (kind != NormKind.LAYER_NORM || x.length < 2) {
            return super.normalize(kind, x, gamma, beta, epsilon);
        }
        double mu = 0;
        for (double v : x) {
            mu += v;
        }
        mu /= x.length;
        double s2 = 0;
        for (double v : x) {
            s2 += (v - mu) * (v - mu);
        }
        s2 /= x.length - 1;
        double r = 1 / Math.sqrt(s2 + epsilon);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gamma[i] * (x[i] - mu) * r + beta[i];
        }
        return y;
    }
}
