package io.formulary.properties.init;

import java.util.random.RandomGenerator;

/** Small helpers to draw rows for the stack and layer properties. */
final class ResidualStackGen {

    private ResidualStackGen() {
    }

    static double[] row(RandomGenerator rng, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }
}
