package io.formulary.properties.init.mutants;

import io.formulary.core.init.AttentionInit;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong evaluation order: {@code ||J||_F^2 = sum p^2 - 2 sum p^3 + (sum p^2)^2}, which cancels to negative values
 * (NaN after the square root) near one-hot softmax outputs. Caught by INIT-P24.
 */
public class ExpandedJacobianNorm extends ReferenceInit {

    @Override
    public double softmaxJacobianNorm(double[] logits) {
        double[] p = AttentionInit.softmax(logits);
        double s2 = 0;
        double s3 = 0;
        for (double v : p) {
            s2 += v * v;
            s3 += v * v * v;
        }
        return Math.sqrt(s2 - 2 * s3 + s2 * s2);
    }
}
