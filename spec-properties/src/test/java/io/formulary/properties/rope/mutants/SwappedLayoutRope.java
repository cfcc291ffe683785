package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: the canonical F3 rotation pairs components {@code (i, i + d/2)} (rotate-half) instead of
 * {@code (2i, 2i+1)}, the classic mix-up when porting between Meta-style and Hugging Face-style code. Still
 * orthogonal and relative, so only a property that fixes the pairing catches it (ROPE-P5).
 */
public class SwappedLayoutRope extends ReferenceRope {
    @Override
    public double[] rotate(double[] v, double n, double base) {
        return RotaryEmbedding.rotate(v, n, base, Layout.ROTATE_HALF, PhaseMode.EXACT);
    }
}
