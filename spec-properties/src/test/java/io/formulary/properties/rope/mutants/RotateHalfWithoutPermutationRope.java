package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: the rotate-half entry point rotates interleaved pairs, as if the two layouts were interchangeable on the
 * same vector (ROPE-P23 catches it).
 */
public class RotateHalfWithoutPermutationRope extends ReferenceRope {
    @Override
    public double[] rotateHalf(double[] v, double n, double base) {
        return RotaryEmbedding.rotate(v, n, base);
    }
}
