package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.widen.RopeWidening;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: the F20 widened score ignores the slower copies ({@code rho_r = 1}), i.e. claims standard-schedule RoPE widening is exact. Caught by WIDEN-P11. */
public class FlatRopeScore extends ReferenceWidening {

    @Override
    public RopeWidening.Scores widenedScore(double[] q, double[] key, int delta, double base, int k,
                                            AttentionScaling scaling) {
        RopeWidening.Scores s = super.widenedScore(q, key, delta, base, k, scaling);
        return new RopeWidening.Scores(s.original(), s.original(), s.bound());
    }
}
