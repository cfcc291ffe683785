package io.formulary.properties.sinusoidal;

import io.formulary.core.sinusoidal.DecayIntegrals;
import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.Evaluates;

/** The SIN chapter as a contract: the formulas the properties exercise, with the reference's argument names. */
public interface SinusoidalContract {

    @Evaluates("SIN-F1")
    double[] frequencies(int d, double base);

    @Evaluates("SIN-F2")
    double[] encode(double k, int d, double base);

    @Evaluates("SIN-F3")
    double[] encodeArticle(double k, int d, double base);

    @Evaluates("SIN-F4")
    double taylorSecondOrder(double f0, double[] gradM, double[] gradN, double[][] hessMM, double[][] hessNN,
                             double[][] hessMN, double[] pm, double[] pn);

    @Evaluates("SIN-F5")
    double[] complexInnerProduct(double[] y, double[] z);

    @Evaluates("SIN-F7")
    double relativeInnerProduct(double m, double n, int d, double base);

    @Evaluates("SIN-F8")
    double[] shift(double[] p, double k, int d, double base, Layout layout);

    @Evaluates("SIN-F9")
    SinusoidalEncoding.BilinearForm diagonalBilinear(double m, double n, double[] h, int d, double base, Layout layout);

    @Evaluates("SIN-F10")
    double[] decaySum(double k, int d, double base);

    @Evaluates("SIN-F12")
    DecayIntegrals.Integral exponentialSchedule(double x, double base);
}
