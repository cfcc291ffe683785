package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: the upper-right sine of the first block has the wrong sign ({@code +sin} instead of {@code -sin}), so the
 * block is no longer a rotation (ROPE-P2 catches it, as the chapter names; ROPE-P1 too).
 */
public class SineSignErrorRope extends ReferenceRope {
    @Override
    public double[][] matrix(int d, double n, double base, Layout layout, PhaseMode mode) {
        double[][] r = super.matrix(d, n, base, layout, mode);
        r[0][1] = -r[0][1];
        return r;
    }
}
