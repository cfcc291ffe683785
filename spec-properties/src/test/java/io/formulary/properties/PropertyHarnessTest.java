package io.formulary.properties;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

class PropertyHarnessTest {

    @Test
    void falsifiedBodyReportsShrunkCounterexampleSeedAndReplayCommand() {
        Optional<String> failure = PropertyHarness.falsify("ORTHO-P1",
                () -> qt().forAll(integers().between(0, 1000)).check(i -> i < 10));
        assertThat(failure).isPresent();
        assertThat(failure.get())
                .contains("smallest counterexample: 10")
                .contains("seed: " + PropertyPolicy.fixedSeed("ORTHO-P1"))
                .contains("-Dgroups=ORTHO-P1 -Dformulary.seed=" + PropertyPolicy.fixedSeed("ORTHO-P1"));
    }

    @Test
    void heldBodyReportsNothing() {
        assertThat(PropertyHarness.falsify("ORTHO-P1",
                () -> qt().forAll(integers().between(0, 1000)).check(i -> i >= 0))).isEmpty();
    }

    @Test
    void fixedSeedsAreStableAndDistinctPerProperty() {
        // FNV-1a of the ID: a change of hash would silently change every property's inputs.
        assertThat(PropertyPolicy.fixedSeed("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(PropertyPolicy.fixedSeed("ORTHO-P1")).isNotEqualTo(PropertyPolicy.fixedSeed("ORTHO-P2"));
    }

    @Test
    void sameSeedDrawsTheSameInputs() {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        PropertyHarness.falsify("GAUSS-P4", () -> qt(20).forAll(integers().all()).check(i -> first.append(i).append(',') != null));
        PropertyHarness.falsify("GAUSS-P4", () -> qt(20).forAll(integers().all()).check(i -> second.append(i).append(',') != null));
        assertThat(first.toString()).isNotEmpty().isEqualTo(second.toString());
    }

    @Test
    void regimesAreCountedPerRun() {
        PropertyHarness.Context c = PropertyHarness.begin("ORTHO-P1");
        try {
            PropertyHarness.regime("near-antipodal");
            PropertyHarness.regime("near-antipodal");
            assertThat(c.regimes).containsEntry("near-antipodal", 2L);
        } finally {
            PropertyHarness.end();
        }
    }
}
