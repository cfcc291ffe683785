package io.formulary.properties.init;

import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.PropertyHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** The chapter's one assertion helper: messages name the property, the case, expected, actual, error and bound. */
final class InitAssert {

    private InitAssert() {
    }

    static void close(String what, double actual, double expected, Tolerance tol) {
        double err = Math.abs(actual - expected);
        double bound = tol.allowed(Math.max(Math.abs(actual), Math.abs(expected)));
        assertThat(tol.accepts(actual, expected))
                .as("%s %s: expected %s, actual %s, error %s, bound %s (%s)", id(), what, expected, actual, err, bound, tol)
                .isTrue();
    }

    static void within(String what, double actual, double expected, double bound) {
        double err = Math.abs(actual - expected);
        assertThat(err <= bound)
                .as("%s %s: expected %s, actual %s, error %s, bound %s", id(), what, expected, actual, err, bound)
                .isTrue();
    }

    static void holds(String what, boolean condition) {
        assertThat(condition).as("%s %s", id(), what).isTrue();
    }

    private static String id() {
        try {
            return PropertyHarness.id();
        } catch (IllegalStateException e) {
            return "INIT";
        }
    }
}
