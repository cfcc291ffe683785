package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: pair {@code i} rotates with the frequency of pair {@code i+1}, {@code base^(-2(i+1)/d)} (an off-by-one
 * in the schedule index). Relativity and orthogonality survive, so only a comparison with the exact formula
 * catches it (ROPE-P25; the chapter notes that ROPE-P2 cannot).
 */
public class FrequencyOffByOneRope extends ReferenceRope {
    @Override
    public double[] rotate(double[] v, double n, double base, Layout layout, PhaseMode mode) {
        int d = v.length;
        double[] theta = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            theta[i] = StrictMath.pow(base, -(2.0 * (i + 1)) / d);
        }
        return RotaryEmbedding.rotate(v, n, theta, layout, mode);
    }

    @Override
    public double[] rotate(double[] v, double n, double base) {
        return rotate(v, n, base, Layout.INTERLEAVED, PhaseMode.EXACT);
    }
}
