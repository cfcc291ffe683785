package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.nn.Activation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chapter's activations agree with the reference Transformer's where both define them (INIT-F11: "must match nn"). */
class ActivationAgreementTest {

    @Test
    @DisplayName("RELU, GELU (erf), GELU (tanh) and LINEAR agree with nn.Activation on [-30, 30]")
    void activationsMatchTheReferenceTransformer() {
        for (int i = -3000; i <= 3000; i++) {
            double x = i / 100.0 + 1e-3;
            check(ActivationFunction.RELU, Activation.RELU, x, 0);
            check(ActivationFunction.LINEAR, Activation.LINEAR, x, 0);
            // Both now evaluate x Phi(x) through numeric.ErrorFunctions (nn's own erfc was 116 ulps off near
            // x = -2.1 and was folded into it); each side is within 4 ulps, so they agree within 8.
            check(ActivationFunction.GELU, Activation.GELU_ERF, x, 8);
            // nn's tanh form carries 4 + 4|z| ulps (its documented bound); both are x sigmoid(2z).
            double z = 0.7978845608028654 * (x + 0.044715 * x * x * x);
            check(ActivationFunction.GELU_TANH, Activation.GELU_TANH, x, 8 + 8 * Math.abs(z));
        }
    }

    private static void check(ActivationFunction mine, Activation nn, double x, double ulps) {
        double a = mine.apply(x);
        double b = nn.apply(x);
        if (Math.abs(a) < 1e-300 && Math.abs(b) < 1e-300) {
            return; // both underflowed (nn's tanh form flushes to -0.0 where x sigmoid(2z) is still subnormal)
        }
        double err = Math.abs(a - b) / Math.ulp(Math.max(Math.abs(a), Math.abs(b)) == 0 ? Double.MIN_VALUE
                : Math.max(Math.abs(a), Math.abs(b)));
        assertThat(err).as("%s at x=%s: %s vs nn %s", mine, x, a, b).isLessThanOrEqualTo(ulps);
    }
}
