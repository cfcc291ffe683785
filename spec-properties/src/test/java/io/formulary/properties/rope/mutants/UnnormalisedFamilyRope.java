package io.formulary.properties.rope.mutants;

import io.formulary.core.rope.RotaryGenerators;
import io.formulary.core.rope.RotaryGenerators.GeneratorPair;
import io.formulary.properties.rope.ReferenceRope;

/**
 * Wrong: the article's {@code d = cf}, {@code e = -bf} used for every {@code a}, i.e. without dividing by {@code a}
 * (erratum 6); commutes only when {@code a = 1} (ROPE-P22 catches it).
 */
public class UnnormalisedFamilyRope extends ReferenceRope {
    @Override
    public GeneratorPair family4(double a, double b, double c, double f) {
        return new GeneratorPair(RotaryGenerators.skew4(a, b, c, 0, 0, 0), RotaryGenerators.skew4(0, 0, 0, c * f, -b * f, f));
    }
}
