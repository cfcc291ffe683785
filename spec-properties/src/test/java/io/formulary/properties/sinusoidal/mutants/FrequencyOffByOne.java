package io.formulary.properties.sinusoidal.mutants;

import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.PhaseMode;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.sinusoidal.SinusoidalReference;

/** Wrong: pair i uses the frequency of pair i+1, theta = base^(-2(i+1)/d) (a 1-based index). */
public class FrequencyOffByOne extends SinusoidalReference {
    @Override
    public double[] encode(double k, int d, double base) {
        double[] theta = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            theta[i] = StrictMath.pow(base, -(2.0 * (i + 1)) / d);
        }
        return SinusoidalEncoding.encode(k, theta, Layout.STANDARD, PhaseMode.EXACT);
    }
}
