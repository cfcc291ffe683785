package io.formulary.properties.widen.mutants;

import io.formulary.core.widen.RepeatPattern;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: an off-by-one INTERLEAVED index map ({@code ceil(i/k)} used 0-based, clipped), so unit 0 gets fewer copies. Caught by WIDEN-P2. */
public class ShiftedInterleavePattern extends ReferenceWidening {

    @Override
    public int[] indexMap(RepeatPattern pattern, int n, int k) {
        int[] pi = super.indexMap(pattern, n, k);
        if (pattern == RepeatPattern.INTERLEAVED) {
            for (int i = 0; i < pi.length; i++) {
                pi[i] = Math.min(n - 1, (i + k - 1) / k);
            }
        }
        return pi;
    }
}
