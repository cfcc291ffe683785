package io.formulary.properties.init;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.init.mutants.AccumulatedSchedule;
import io.formulary.properties.init.mutants.CenteredAfterScaling;
import io.formulary.properties.init.mutants.ClosedFormGamma;
import io.formulary.properties.init.mutants.ExpandedJacobianNorm;
import io.formulary.properties.init.mutants.MicroTunedWithHeFactor;
import io.formulary.properties.init.mutants.MissingLogitScale;
import io.formulary.properties.init.mutants.MultiplyByZeroGate;
import io.formulary.properties.init.mutants.UncorrectedTruncatedStd;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deliberately wrong subject is caught by a named property, which the reference passes. */
class InitMutantTest {

    private static final ReferenceInit REFERENCE = new ReferenceInit();

    @Test
    @DisplayName("the uncorrected truncated-normal std is caught by INIT-P7")
    void uncorrectedTruncatedStd() {
        assertThat(PropertyHarness.falsify("INIT-P7",
                () -> PropagationProperties.of(new UncorrectedTruncatedStd()).schemesRealizeTheirVariance())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P7",
                () -> PropagationProperties.of(REFERENCE).schemesRealizeTheirVariance())).isEmpty();
    }

    @Test
    @DisplayName("He's factor applied to every activation is caught by INIT-P9")
    void heFactorForTanh() {
        assertThat(PropertyHarness.falsify("INIT-P9",
                () -> ActivationProperties.of(new MicroTunedWithHeFactor()).microTunedActivationsAreNormalized())).isPresent();
    }

    @Test
    @DisplayName("centring after scaling is caught by INIT-P9")
    void centredAfterScaling() {
        assertThat(PropertyHarness.falsify("INIT-P9",
                () -> ActivationProperties.of(new CenteredAfterScaling()).microTunedActivationsAreNormalized())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P9",
                () -> ActivationProperties.of(REFERENCE).microTunedActivationsAreNormalized())).isEmpty();
    }

    @Test
    @DisplayName("a missing 1/sqrt(d_k) is caught by INIT-P15")
    void missingLogitScale() {
        assertThat(PropertyHarness.falsify("INIT-P15",
                () -> AttentionProperties.of(new MissingLogitScale()).t5AllocationMatchesScaledLogits())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P15",
                () -> AttentionProperties.of(REFERENCE).t5AllocationMatchesScaledLogits())).isEmpty();
    }

    @Test
    @DisplayName("the cancelling closed form of gamma(c) is caught by INIT-P4")
    void closedFormGamma() {
        assertThat(PropertyHarness.falsify("INIT-P4",
                () -> TruncationProperties.of(new ClosedFormGamma()).generalWindowIdentities())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P4",
                () -> TruncationProperties.of(REFERENCE).generalWindowIdentities())).isEmpty();
    }

    @Test
    @DisplayName("the expanded softmax-Jacobian norm is caught by INIT-P24")
    void expandedJacobianNorm() {
        assertThat(PropertyHarness.falsify("INIT-P24",
                () -> AttentionProperties.of(new ExpandedJacobianNorm()).softmaxConcentratesWithoutScaling())).isPresent();
    }

    @Test
    @DisplayName("the accumulated gate schedule is caught by INIT-P23")
    void accumulatedSchedule() {
        assertThat(PropertyHarness.falsify("INIT-P23",
                () -> ResidualProperties.of(new AccumulatedSchedule()).scheduleReachesOneOnTime())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P23",
                () -> ResidualProperties.of(REFERENCE).scheduleReachesOneOnTime())).isEmpty();
    }

    @Test
    @DisplayName("x + 0 * F at gate 0 is caught by INIT-P22")
    void multiplyByZeroGate() {
        assertThat(PropertyHarness.falsify("INIT-P22",
                () -> ResidualProperties.of(new MultiplyByZeroGate()).reZeroIsTheIdentityAtInitialization())).isPresent();
        assertThat(PropertyHarness.falsify("INIT-P22",
                () -> ResidualProperties.of(REFERENCE).reZeroIsTheIdentityAtInitialization())).isEmpty();
    }
}
