package io.formulary.properties.reportfixture;

import io.formulary.properties.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Test-only properties for the report's run of the suite through the JUnit Platform Launcher: one that holds, one
 * false on purpose (so a failure with a shrunk counterexample is recorded), one plain test. Never run by Surefire
 * itself: the class name matches no include pattern and the tag {@code launcher-fixture} is excluded in the POM.
 */
@Tag("launcher-fixture")
class LauncherFixtures {

    @Property
    @Tag("FIXTURE-P1")
    @DisplayName("FIXTURE-P1: squares are non-negative")
    void squaresAreNonNegative() {
        qt().forAll(integers().between(-1000, 1000)).checkAssert(i -> assertThat((long) i * i).isNotNegative());
    }

    @Property
    @Tag("FIXTURE-P2")
    @DisplayName("FIXTURE-P2: every integer is below 10 (false on purpose)")
    void everyIntegerIsBelowTen() {
        qt().forAll(integers().between(0, 1000)).checkAssert(i -> assertThat(i).isLessThan(10));
    }

    @Test
    void aPlainTest() {
        assertThat(1 + 1).isEqualTo(2);
    }
}
