package io.formulary.properties.sinusoidal;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.sinusoidal.mutants.AngleRoundedInDouble;
import io.formulary.properties.sinusoidal.mutants.ArticleRolesInStandardLayout;
import io.formulary.properties.sinusoidal.mutants.FrequencyOffByOne;
import io.formulary.properties.sinusoidal.mutants.HalfCrossTerm;
import io.formulary.properties.sinusoidal.mutants.NegativeRotation;
import io.formulary.properties.sinusoidal.mutants.SwappedLayout;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deliberately wrong SIN implementation is caught by a named property that the reference passes. */
class SinusoidalMutantTest {

    private static void caught(String id, SinusoidalContract mutant, Consumer<SinusoidalProperties> property) {
        assertThat(PropertyHarness.falsify(id, () -> property.accept(SinusoidalProperties.against(mutant))))
                .as("%s must catch %s", id, mutant.getClass().getSimpleName()).isPresent();
        assertThat(PropertyHarness.falsify(id, () -> property.accept(SinusoidalProperties.against(new SinusoidalReference()))))
                .as("the reference passes %s", id).isEmpty();
    }

    @Test
    void swappedLayoutIsCaughtByTheOriginCheck() {
        caught("SIN-P2", new SwappedLayout(), SinusoidalProperties::originAndLayoutRelation);
    }

    @Test
    void frequencyOffByOneIsCaughtByTheInnerProductIdentity() {
        caught("SIN-P3", new FrequencyOffByOne(), SinusoidalProperties::innerProductIdentity);
    }

    @Test
    void negativeRotationIsCaughtByTheShiftMatrixProperty() {
        caught("SIN-P5", new NegativeRotation(), SinusoidalProperties::shiftMatrix);
    }

    @Test
    void angleRoundedInDoubleIsCaughtByLargePositionAccuracy() {
        caught("SIN-P18", new AngleRoundedInDouble(), SinusoidalProperties::largePositionAccuracy);
    }

    @Test
    void articleRolesInStandardLayoutAreCaughtByTheDiagonalHessianIdentity() {
        caught("SIN-P8", new ArticleRolesInStandardLayout(), SinusoidalProperties::diagonalHessianIdentity);
    }

    @Test
    void halfCrossTermIsCaughtByTheTaylorProperty() {
        caught("SIN-P9", new HalfCrossTerm(), SinusoidalProperties::taylorExpansion);
    }
}
