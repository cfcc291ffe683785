package io.formulary.properties.sinusoidal.mutants;

import io.formulary.core.sinusoidal.FrequencyRule;
import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.PhaseMode;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.sinusoidal.SinusoidalReference;

/** Wrong as an oracle: the frequency and the phase k*theta are rounded to double before the sine (float64 recipe). */
public class AngleRoundedInDouble extends SinusoidalReference {
    @Override
    public double[] encode(double k, int d, double base) {
        return SinusoidalEncoding.encode(k, d, base, Layout.STANDARD, FrequencyRule.PAPER, PhaseMode.FLOAT64_RECIPE);
    }
}
