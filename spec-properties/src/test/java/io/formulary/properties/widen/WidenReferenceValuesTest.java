package io.formulary.properties.widen;

import io.formulary.core.nn.Activations;
import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Norms;
import io.formulary.core.widen.Repeat;
import io.formulary.core.widen.RopeWidening;
import io.formulary.core.widen.ScaleCalculus;
import io.formulary.core.widen.WideningFactors;
import org.junit.jupiter.api.Test;

import static io.formulary.properties.widen.WidenAsserts.ulps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reference values of the chapter ("Reference values" table and F13/F17 text; mpmath unless said otherwise). */
class WidenReferenceValuesTest {

    private static void near(double actual, String chapterDigits, double ulpsAllowed) {
        double expected = Double.parseDouble(chapterDigits);
        assertThat(ulps(actual, expected)).as("%s vs chapter %s", actual, chapterDigits).isLessThanOrEqualTo(ulpsAllowed);
    }

    @Test
    void wideningFactorsMatchTheChapter() {
        WideningFactors two = WideningFactors.of(2);
        near(1 / two.invK14(), "1.18920711500272106671749997", 1);
        near(two.invK14(), "0.840896415253714543", 1);
        near(two.invK34(), "0.594603557501360533", 1);
        near(two.invK32(), "0.353553390593273762", 1);
        near(two.invSqrtK(), "0.70710678118654752", 1);
        WideningFactors three = WideningFactors.of(3);
        near(three.invK14(), "0.759835685651592547", 1);
        near(three.invK34(), "0.438691337650830820", 1);
        near(three.invK32(), "0.192450089729875255", 1);
        near(three.invSqrtK(), "0.57735026918962576", 1);
        near(three.invK(), "0.33333333333333333", 1);
        WideningFactors eight = WideningFactors.of(8);
        near(eight.invK14(), "0.594603557501360533", 1);
        near(eight.invK34(), "0.210224103813428636", 1);
        near(eight.invK32(), "0.0441941738241592203", 1);
        WideningFactors four = WideningFactors.of(4);
        assertThat(four.invSqrtK()).isEqualTo(0.5);
        assertThat(four.invK32()).isEqualTo(0.125);
        near(four.invK14(), "0.70710678118654752", 1);
        near(four.invK34(), "0.35355339059327376", 1);
        WideningFactors one = WideningFactors.of(1);
        assertThat(new double[] {one.invSqrtK(), one.invK(), one.invK32(), one.invK14(), one.invK34()}).containsOnly(1.0);
    }

    @Test
    void geluValuesMatchTheChapter() {
        near(Activations.gelu(1), "0.841344746068542949", 1);
        near(Activations.gelu(-1), "-0.158655253931457051", 2);
        near(Activations.gelu(0.7071067811865476), "0.537577887197461073", 2);
        near(Activations.gelu(1) * 0.7071067811865476, "0.594920575260740589", 2);
        near(Activations.gelu(-0.7071067811865476), "-0.169528893989086452", 2);
        near(Activations.gelu(-1) * 0.7071067811865476, "-0.112186205925806935", 2);
        near(Activations.geluTanh(1), "0.841191990608276705", 2);
        near(Activations.gelu(-10), "-7.61985302416052607e-23", 4);
        near(Activations.gelu(-30), "-1.47201417814445612e-196", 4);
        // F17: GELU(1/sqrt2) and GELU(1)/sqrt2 as printed with 17 digits.
        near(Activations.gelu(0.7071067811865476), "0.53757788719746107", 2);
        near(Activations.gelu(1) / Math.sqrt(2), "0.59492057526074059", 2);
        assertThat(ScaleCalculus.activationDefect(io.formulary.core.nn.ActivationKind.GELU_ERF, 0, 0.7071067811865476, 1))
                .isCloseTo(-0.0573426880632795, within(2e-16));
    }

    @Test
    void layerNormExampleMatchesTheChapter() {
        double[] x = {1, 2, 3, 4};
        assertThat(Norms.secondMoment(NormKind.LAYER_NORM, x)).isEqualTo(1.25);
        assertThat(Norms.normalizedPart(NormKind.LAYER_NORM, x, 0)).containsExactly(
                new double[] {-1.3416407864998738, -0.44721359549995794, 0.44721359549995794, 1.3416407864998738},
                within(2e-16));
        double[] wide = Repeat.repeatDivide(x, 2);
        double mean = 0;
        for (double v : wide) {
            mean += v;
        }
        near(mean / wide.length, "1.76776695296636881", 1);
        assertThat(Norms.secondMoment(NormKind.LAYER_NORM, wide)).isCloseTo(0.625, within(1e-16));
    }

    @Test
    void keptEpsilonFactorsMatchTheChapter() {
        assertThat(1 - ScaleCalculus.keptEpsilonFactor(1.25, 1e-12, 2)).isCloseTo(4.0e-13, within(1e-16));
        near(ScaleCalculus.keptEpsilonFactor(1.25, 1e-5, 2), "0.999996000055999200", 1);
        near(ScaleCalculus.keptEpsilonFactor(1.25, 0.1, 2), "0.964901281354015350", 1);
    }

    @Test
    void ropeRatiosAndExpectedErrorsMatchTheChapter() {
        double[] r64x2 = RopeWidening.rho(64, 10_000, 2);
        assertThat(r64x2[0]).isEqualTo(1.0);
        near(r64x2[1], "0.865964323360065352", 2);
        double[] r64x4 = RopeWidening.rho(64, 10_000, 4);
        near(r64x4[1], "0.930572040929698979", 2);
        near(r64x4[2], "0.865964323360065352", 2);
        near(r64x4[3], "0.805842187761481817", 2);
        double[] r128x4 = RopeWidening.rho(128, 10_000, 4);
        near(r128x4[1], "0.964661619911199214", 2);
        near(r128x4[2], "0.930572040929698979", 2);
        near(r128x4[3], "0.897687132447314195", 2);
        near(RopeWidening.rho(8, 10_000, 2)[1], "0.316227766016837933", 2);
        String[] k2 = {"3.203901440788148e-4", "2.914526775671439e-2", "0.1763079943684435", "0.2350285398593798"};
        String[] k4 = {"7.043643903787009e-4", "5.96725314724479e-2", "0.2715754756432558", "0.4038481356674523"};
        double[] deltas = {1, 10, 100, 1000};
        for (int i = 0; i < deltas.length; i++) {
            assertThat(RopeWidening.expectedSquaredError(64, 10_000, 2, deltas[i]))
                    .isCloseTo(Double.parseDouble(k2[i]), within(1e-12 * Double.parseDouble(k2[i])));
            assertThat(RopeWidening.expectedSquaredError(64, 10_000, 4, deltas[i]))
                    .isCloseTo(Double.parseDouble(k4[i]), within(1e-12 * Double.parseDouble(k4[i])));
        }
    }
}
