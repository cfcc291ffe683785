package io.formulary.properties.sinusoidal;

import io.formulary.core.numeric.AccurateSums;

/** Test-side bilinear form (compensated), independent of the reference's package-private helper. */
final class SinusoidalEncodingAccess {

    private SinusoidalEncodingAccess() {
    }

    static double bilinear(double[] y, double[][] a, double[] z) {
        double[] az = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            az[r] = AccurateSums.dot(a[r], z);
        }
        return AccurateSums.dot(y, az);
    }
}
