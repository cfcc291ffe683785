package io.formulary.properties.sinusoidal;

import io.formulary.core.sinusoidal.DecayIntegrals;
import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.SinusoidalEncoding;

/** The reference subject: delegates to {@link SinusoidalEncoding} and {@link DecayIntegrals}. */
public class SinusoidalReference implements SinusoidalContract {

    @Override
    public double[] frequencies(int d, double base) {
        return SinusoidalEncoding.frequencies(d, base);
    }

    @Override
    public double[] encode(double k, int d, double base) {
        return SinusoidalEncoding.encode(k, d, base);
    }

    @Override
    public double[] encodeArticle(double k, int d, double base) {
        return SinusoidalEncoding.encodeArticle(k, d, base);
    }

    @Override
    public double taylorSecondOrder(double f0, double[] gradM, double[] gradN, double[][] hessMM, double[][] hessNN,
                                    double[][] hessMN, double[] pm, double[] pn) {
        return SinusoidalEncoding.taylorSecondOrder(f0, gradM, gradN, hessMM, hessNN, hessMN, pm, pn);
    }

    @Override
    public double[] complexInnerProduct(double[] y, double[] z) {
        return SinusoidalEncoding.complexInnerProduct(y, z);
    }

    @Override
    public double relativeInnerProduct(double m, double n, int d, double base) {
        return SinusoidalEncoding.relativeInnerProduct(m, n, d, base);
    }

    @Override
    public double[] shift(double[] p, double k, int d, double base, Layout layout) {
        return SinusoidalEncoding.shift(p, k, d, base, layout);
    }

    @Override
    public SinusoidalEncoding.BilinearForm diagonalBilinear(double m, double n, double[] h, int d, double base,
                                                            Layout layout) {
        return SinusoidalEncoding.diagonalBilinear(m, n, h, d, base, layout);
    }

    @Override
    public double[] decaySum(double k, int d, double base) {
        return SinusoidalEncoding.decaySum(k, d, base);
    }

    @Override
    public DecayIntegrals.Integral exponentialSchedule(double x, double base) {
        return DecayIntegrals.exponentialSchedule(x, base);
    }
}
