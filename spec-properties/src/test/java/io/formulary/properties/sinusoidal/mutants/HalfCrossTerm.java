package io.formulary.properties.sinusoidal.mutants;

import io.formulary.properties.sinusoidal.SinusoidalReference;

/** Wrong (erratum 5): the Taylor cross term p_m^T H p_n with coefficient 1/2 instead of 1. */
public class HalfCrossTerm extends SinusoidalReference {
    @Override
    public double taylorSecondOrder(double f0, double[] gradM, double[] gradN, double[][] hessMM, double[][] hessNN,
                                    double[][] hessMN, double[] pm, double[] pn) {
        double[][] half = new double[hessMN.length][];
        for (int r = 0; r < half.length; r++) {
            half[r] = hessMN[r].clone();
            for (int c = 0; c < half[r].length; c++) {
                half[r][c] *= 0.5;
            }
        }
        return super.taylorSecondOrder(f0, gradM, gradN, hessMM, hessNN, half, pm, pn);
    }
}
