package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.Selu;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.properties.AccuracyLog;
import ch.obermuhlner.math.big.BigDecimalMath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Accuracy of the INIT formulas against independent 50-digit evaluations, recorded with {@link AccuracyLog}. */
class InitAccuracyTest {

    private static final String SERIES = "big-math, alternating Maclaurin series of int s^p e^{-s^2/2}, 50 digits";
    private static final String QUAD = "big-math, 20-point Gauss-Legendre in BigDecimal on [-14, 14], 45 digits";

    private static void check(String id, String what, double errUlps, double bound, String oracle) {
        AccuracyLog.record(id, what, "ulps", errUlps, bound, oracle);
        assertThat(errUlps).as("%s %s: error %s ulps > %s", id, what, errUlps, bound).isLessThanOrEqualTo(bound);
    }

    /** 61 half-widths log-spaced over [1e-8, 40], plus the chapter's named ones. */
    private static double[] halfWidths() {
        double[] c = new double[66];
        double lo = Math.log10(1e-8);
        double hi = Math.log10(40);
        for (int i = 0; i <= 60; i++) {
            c[i] = StrictMath.pow(10, lo + (hi - lo) * i / 60);
        }
        double[] named = {0.5, 1, 2, 3, 5.999};
        System.arraycopy(named, 0, c, 61, named.length);
        return c;
    }

    @Test
    @DisplayName("INIT-F4/F5: gamma(c), m4(c) within 4 ulps and 1/sqrt(gamma(c)) within 2 ulps for c in [1e-8, 40]")
    void truncationFactorIsAccurate() {
        for (double c : halfWidths()) {
            BigDecimal g = BigGaussian.gamma(c);
            check("INIT-F4", "gamma(c), c=" + c, BigGaussian.ulpError(TruncatedNormal.gamma(c), g), 4, SERIES);
            check("INIT-F4", "m4(c), c=" + c, BigGaussian.ulpError(TruncatedNormal.fourthMoment(c), BigGaussian.fourth(c)),
                    4, SERIES);
            BigDecimal corr = BigDecimal.ONE.divide(BigDecimalMath.sqrt(g, BigGaussian.out()), BigGaussian.out());
            check("INIT-F5", "1/sqrt(gamma(c)), c=" + c, BigGaussian.ulpError(TruncatedNormal.stdCorrection(c), corr), 2,
                    SERIES);
        }
    }

    @Test
    @DisplayName("INIT-F6: erf, erfc, Q, Phi and the acceptance probability within 4 ulps")
    void errorFunctionsAreAccurate() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(6);
        for (int i = 0; i < 120; i++) {
            double x = i < 60 ? r.nextDouble(-6, 6) : StrictMath.pow(10, r.nextDouble(-8, 1.4));
            check("INIT-F6", "erf(" + x + ")", BigGaussian.ulpError(ErrorFunctions.erf(x), BigGaussian.erf(x)), 4, SERIES);
            if (x < 26) {
                check("INIT-F6", "erfc(" + x + ")", BigGaussian.ulpError(ErrorFunctions.erfc(x), BigGaussian.erfc(x)), 4,
                        SERIES);
            }
            if (x < 37) {
                check("INIT-F6", "Q(" + x + ")", BigGaussian.ulpError(ErrorFunctions.normalUpperTail(x),
                        BigGaussian.upperTail(x)), 4, SERIES);
            }
            if (x > 0 && x < 37) {
                BigDecimal acc = BigDecimal.ONE.subtract(BigGaussian.upperTail(x).multiply(BigDecimal.valueOf(2)));
                check("INIT-F6", "acceptance(" + x + ")", BigGaussian.ulpError(TruncatedNormal.rejectionAcceptance(x),
                        acc), 4, SERIES);
            }
        }
    }

    @Test
    @DisplayName("INIT-F14: solved SELU constants within 1 ulp of the correctly rounded values")
    void seluConstantsAreCorrectlyRounded() {
        Selu.Constants c = Selu.solveConstants();
        BigDecimal alpha = new BigDecimal("1.6732632423543772848170429916716520384612");
        BigDecimal lambda = new BigDecimal("1.0507009873554804934193349852946063519590");
        String oracle = "chapter R4 (mpmath, 50 digits)";
        check("INIT-F14", "alpha", BigGaussian.ulpError(c.alpha(), alpha), 1, oracle);
        check("INIT-F14", "lambda", BigGaussian.ulpError(c.lambda(), lambda), 1, oracle);
        assertThat(c.alpha()).isEqualTo(alpha.doubleValue());
        assertThat(c.lambda()).isEqualTo(lambda.doubleValue());
    }

    private static final double[] SCALES = {1e-3, 0.37, 1, 2.5, 1e3};

    private void activationCase(ActivationFunction f, BiFunction<BigDecimal, MathContext, BigDecimal> big, double s) {
        BigDecimal exact = BigQuadrature.secondMoment(big, s);
        double got = ActivationMoments.moment(f, 2, s);
        check("INIT-F10", "E[" + f + "(s z)^2], s=" + s, BigGaussian.ulpError(got, exact), 4, QUAD);
    }

    private void activationSweep(double[] quadratureScales, double[] closedFormScales) {
        for (double s : quadratureScales) {
            activationCase(ActivationFunction.SIGMOID, BigQuadrature::sigmoid, s);
            activationCase(ActivationFunction.TANH, BigQuadrature::tanh, s);
            activationCase(ActivationFunction.SILU, BigQuadrature::silu, s);
            activationCase(ActivationFunction.ELU, BigQuadrature::elu, s);
            activationCase(ActivationFunction.SOFTPLUS, BigQuadrature::softplus, s);
        }
        for (double s : closedFormScales) {
            check("INIT-F10", "E[GELU(s z)^2], s=" + s, BigGaussian.ulpError(ActivationMoments.moment(
                    ActivationFunction.GELU, 2, s), BigQuadrature.geluSecondMoment(s)), 4, "big-math closed form, 45 digits");
            BigDecimal relu = new BigDecimal(s).pow(2).divide(BigDecimal.valueOf(2));
            check("INIT-F10", "E[RELU(s z)^2], s=" + s, BigGaussian.ulpError(ActivationMoments.moment(
                    ActivationFunction.RELU, 2, s), relu), 4, "exact s^2/2");
        }
    }

    @Test
    @DisplayName("INIT-F10: E[f(s z)^2] within 4 ulps for sigmoid, tanh, SiLU, ELU, softplus, GELU, ReLU at s in {1e-3 .. 1e3}")
    void activationSecondMomentsAreAccurate() {
        // The BigDecimal quadrature costs seconds per case: two scales by default, the grid in the exhaustive run.
        activationSweep(new double[] {1.0}, SCALES);
    }

    @Test
    @Tag("exhaustive")
    @DisplayName("INIT-F10: E[f(s z)^2] within 4 ulps on a log grid of 25 scales in [1e-3, 1e3]")
    void activationSecondMomentsOnAFineGrid() {
        double[] s = new double[25];
        for (int i = 0; i < s.length; i++) {
            s[i] = StrictMath.pow(10, -3 + 0.25 * i);
        }
        activationSweep(s, s);
    }

    @Test
    @DisplayName("INIT-F1: the uniform bound sqrt(3) sigma within 1 ulp")
    void uniformBoundIsAccurate() {
        for (double sigma : new double[] {1e-6, 0.02, 1, 3, 1e3}) {
            BigDecimal exact = BigDecimalMath.sqrt(BigDecimal.valueOf(3), MathContext.DECIMAL128).multiply(new BigDecimal(sigma));
            check("INIT-F1", "sqrt3 sigma, sigma=" + sigma, BigGaussian.ulpError(Sampling.uniformFor(0, sigma).upper(), exact),
                    1, "big-math sqrt, 34 digits");
        }
    }
}
