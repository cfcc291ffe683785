package io.formulary.properties.rope.mutants;

import io.formulary.properties.rope.ReferenceRope;

/** Wrong: the {@code k} component of the Hamilton product has its sign flipped (ROPE-P14 catches it). */
public class QuaternionKSignRope extends ReferenceRope {
    @Override
    public double[] multiply(double[] p1, double[] p2) {
        double[] r = super.multiply(p1, p2);
        r[3] = -r[3];
        return r;
    }
}
