package io.formulary.core.numeric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Huge arguments, where {@code x * x} overflows: the Gaussian factor is 0, never {@code 0 * Infinity = NaN} (the values
 * are exact: erfc underflows to 0 above about 27.3 and Phi rounds to 0 or 1 beyond about 38.6).
 */
class ErrorFunctionsTest {

    @Test
    void hugeArgumentsGiveTheLimitsNotNaN() {
        for (double x : new double[] {40, 1e10, 1.4e154, 1e200, Double.MAX_VALUE}) {
            assertThat(ErrorFunctions.erfc(x)).as("erfc(%s)", x).isEqualTo(0.0);
            assertThat(ErrorFunctions.erfc(-x)).as("erfc(-%s)", x).isEqualTo(2.0);
            assertThat(ErrorFunctions.erf(x)).as("erf(%s)", x).isEqualTo(1.0);
            assertThat(ErrorFunctions.erf(-x)).as("erf(-%s)", x).isEqualTo(-1.0);
            assertThat(ErrorFunctions.normalCdf(x)).as("Phi(%s)", x).isEqualTo(1.0);
            assertThat(ErrorFunctions.normalCdf(-x)).as("Phi(-%s)", x).isEqualTo(0.0);
        }
    }
}
