package io.formulary.properties.rope.mutants;

import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: recovers each coordinate from the highest-frequency block alone ({@code atan2 / omega_0}), without
 * unwrapping through the lower frequencies; correct only for {@code |x| < pi} (ROPE-P8 catches it).
 */
public class HighestFrequencyRecoveryRope extends ReferenceRope {
    @Override
    public double[] recover2d(double[][] r, double base, double tau) {
        int c = r.length / 2;
        return new double[] {Math.atan2(r[1][0], r[0][0]), Math.atan2(r[c + 1][c], r[c][c])};
    }
}
