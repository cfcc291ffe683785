package io.formulary.properties.gauss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.gauss.mutants.BhattacharyyaWithoutEighth;
import io.formulary.properties.gauss.mutants.ExplicitInverseKl;
import io.formulary.properties.gauss.mutants.NonSymmetricSqrtW2;
import io.formulary.properties.gauss.mutants.SqrtMissingOneRoot;
import io.formulary.properties.gauss.mutants.SwappedKl;
import io.formulary.properties.gauss.mutants.W2WithoutMeanTerm;

/** Each deliberately wrong GAUSS implementation is caught by a named property, which the reference passes. */
class GaussMutantTest {

    private static final GaussianProperties REFERENCE = GaussianProperties.against(new ReferenceGauss());

    @Test
    void explicitInverseKlIsCaughtByNearEqualAccuracy() {
        assertThat(PropertyHarness.falsify("GAUSS-P7",
                () -> GaussianProperties.against(new ExplicitInverseKl()).nearEqualPairsKeepRelativeAccuracy())).isPresent();
        assertThat(PropertyHarness.falsify("GAUSS-P7", REFERENCE::nearEqualPairsKeepRelativeAccuracy)).isEmpty();
    }

    @Test
    void nonSymmetricSqrtW2IsCaughtByNearEqualAccuracy() {
        assertThat(PropertyHarness.falsify("GAUSS-P7",
                () -> GaussianProperties.against(new NonSymmetricSqrtW2()).nearEqualPairsKeepRelativeAccuracy())).isPresent();
    }

    @Test
    void bhattacharyyaWithoutEighthIsCaughtByBhattacharyyaProperties() {
        assertThat(PropertyHarness.falsify("GAUSS-P9",
                () -> GaussianProperties.against(new BhattacharyyaWithoutEighth()).bhattacharyyaProperties())).isPresent();
        assertThat(PropertyHarness.falsify("GAUSS-P9", REFERENCE::bhattacharyyaProperties)).isEmpty();
    }

    @Test
    void swappedKlIsCaughtByCrossEntropyIdentity() {
        assertThat(PropertyHarness.falsify("GAUSS-P5",
                () -> GaussianProperties.against(new SwappedKl()).klIdentitiesHold())).isPresent();
        assertThat(PropertyHarness.falsify("GAUSS-P5", REFERENCE::klIdentitiesHold)).isEmpty();
    }

    @Test
    void w2WithoutMeanTermIsCaughtByMetricProperties() {
        assertThat(PropertyHarness.falsify("GAUSS-P11",
                () -> GaussianProperties.against(new W2WithoutMeanTerm()).w2IsAMetricWithTraceBounds())).isPresent();
        assertThat(PropertyHarness.falsify("GAUSS-P11", REFERENCE::w2IsAMetricWithTraceBounds)).isEmpty();
    }

    @Test
    void wrongSquareRootIsCaughtByLinearAlgebraFacts() {
        assertThat(PropertyHarness.falsify("GAUSS-P20",
                () -> GaussianProperties.against(new SqrtMissingOneRoot()).linearAlgebraFacts())).isPresent();
        assertThat(PropertyHarness.falsify("GAUSS-P20", REFERENCE::linearAlgebraFacts)).isEmpty();
    }
}
