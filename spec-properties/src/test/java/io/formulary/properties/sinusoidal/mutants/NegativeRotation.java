package io.formulary.properties.sinusoidal.mutants;

import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.sinusoidal.SinusoidalReference;

/** Wrong: the shift map rotates by -theta (uses the STANDARD block T(phi) for the ARTICLE layout and vice versa). */
public class NegativeRotation extends SinusoidalReference {
    @Override
    public double[] shift(double[] p, double k, int d, double base, Layout layout) {
        return SinusoidalEncoding.shift(p, -k, d, base, layout);
    }
}
