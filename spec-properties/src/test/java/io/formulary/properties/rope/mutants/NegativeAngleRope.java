package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: rotates by {@code -n theta_i} (clockwise), i.e. uses {@code R_{-n}}. Still relative, but its scores depend
 * on {@code m - n} and its generator has the opposite sign (ROPE-P26 catches it; ROPE-P3 too).
 */
public class NegativeAngleRope extends ReferenceRope {
    @Override
    public double[] rotate(double[] v, double n, double base) {
        return RotaryEmbedding.rotate(v, -n, base);
    }
}
