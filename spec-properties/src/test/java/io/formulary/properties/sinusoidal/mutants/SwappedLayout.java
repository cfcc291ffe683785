package io.formulary.properties.sinusoidal.mutants;

import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.sinusoidal.SinusoidalReference;

/** Wrong: the "standard" encoding puts cos at 2i and sin at 2i+1 (the two layouts swapped). */
public class SwappedLayout extends SinusoidalReference {
    @Override
    public double[] encode(double k, int d, double base) {
        return SinusoidalEncoding.encodeArticle(k, d, base);
    }
}
