package io.formulary.properties.orthogonal;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.orthogonal.mutants.FallbackLargestEntry;
import io.formulary.properties.orthogonal.mutants.MissingFactorTwoReflector;
import io.formulary.properties.orthogonal.mutants.NaiveDenominatorHouseholder;
import io.formulary.properties.orthogonal.mutants.NoReorthogonalizationGeneral;
import io.formulary.properties.orthogonal.mutants.SwappedReflectorOrderApply;
import io.formulary.properties.orthogonal.mutants.TransposedRotation;
import io.formulary.properties.orthogonal.mutants.UnnormalizedRotation;
import io.formulary.properties.orthogonal.mutants.WrongDirectionProjection;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each deliberately wrong ORTHO implementation (package {@code mutants}) is caught by a named property, and the
 * reference passes that same property: a property that no mutant can fail would be a defect.
 */
class OrthogonalMutantTest {

    private static Optional<String> run(String id, OrthogonalMapsContract subject, Consumer<OrthogonalProperties> property) {
        return PropertyHarness.falsify(id, () -> property.accept(OrthogonalProperties.checking(subject)));
    }

    private static void caught(String id, OrthogonalMapsContract mutant, Consumer<OrthogonalProperties> property) {
        assertThat(run(id, mutant, property)).as("%s must catch %s", id, mutant.getClass().getSimpleName()).isPresent();
        assertThat(run(id, new ReferenceOrthogonalMaps(), property)).as("the reference passes %s", id).isEmpty();
    }

    @Test
    void naiveDenominatorIsCaughtByNearSingularStability() {
        caught("ORTHO-P18", new NaiveDenominatorHouseholder(), OrthogonalProperties::nearSingularStability);
    }

    @Test
    void transposedRotationIsCaughtByTheMappingProperty() {
        caught("ORTHO-P2", new TransposedRotation(), OrthogonalProperties::everyFormMapsAToB);
    }

    @Test
    void missingFactorTwoIsCaughtByOrthogonality() {
        caught("ORTHO-P1", new MissingFactorTwoReflector(), OrthogonalProperties::everyFormIsOrthogonal);
    }

    @Test
    void missingReorthogonalizationIsCaughtByNearSingularStability() {
        caught("ORTHO-P18", new NoReorthogonalizationGeneral(), OrthogonalProperties::nearSingularStability);
    }

    @Test
    void projectingInTheWrongDirectionIsCaughtByNearSingularStability() {
        caught("ORTHO-P18", new WrongDirectionProjection(), OrthogonalProperties::nearSingularStability);
    }

    @Test
    void largestEntryFallbackIsCaughtByTheFallbackProperty() {
        caught("ORTHO-P19", new FallbackLargestEntry(), OrthogonalProperties::fallbackVectorIsOrthogonalAndDeterministic);
    }

    @Test
    void unnormalizedRotationIsCaughtByScaleInvariance() {
        caught("ORTHO-P12", new UnnormalizedRotation(), OrthogonalProperties::scaleInvariance);
    }

    @Test
    void swappedReflectorOrderIsCaughtByMatrixFreeEqualsMatrix() {
        caught("ORTHO-P16", new SwappedReflectorOrderApply(), OrthogonalProperties::matrixFreeEqualsMatrix);
    }
}
