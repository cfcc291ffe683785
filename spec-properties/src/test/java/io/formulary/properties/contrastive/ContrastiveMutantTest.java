package io.formulary.properties.contrastive;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.contrastive.mutants.AssumesInterleavedPartners;
import io.formulary.properties.contrastive.mutants.DiagonalZeroedWithoutRenormalizing;
import io.formulary.properties.contrastive.mutants.DropoutMasksByCallPosition;
import io.formulary.properties.contrastive.mutants.LabelVectorsWithoutTemperature;
import io.formulary.properties.contrastive.mutants.NormalizationWithoutProjection;
import io.formulary.properties.contrastive.mutants.MissingFactorTwoLabelVectors;
import io.formulary.properties.contrastive.mutants.NaiveAccumulationAsTwoPass;
import io.formulary.properties.contrastive.mutants.TextbookLogSumExpLoss;
import io.formulary.properties.contrastive.mutants.UnshiftedSoftmax;
import io.formulary.properties.contrastive.mutants.UnsymmetrizedLabelVectors;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each deliberately wrong CONTRA implementation is caught by a named property. (That the reference passes the same
 * properties is what {@link ContrastiveProperties} itself shows in every build.)
 */
class ContrastiveMutantTest {

    private static void caught(String id, ContrastiveContract mutant, Consumer<ContrastiveProperties> property) {
        assertThat(PropertyHarness.falsify(id, () -> property.accept(ContrastiveProperties.against(mutant))))
                .as("%s must catch %s", id, mutant.getClass().getSimpleName()).isPresent();
    }

    @Test
    void unsymmetrizedLabelVectorsAreCaughtByTheEmbeddingGradientCheck() {
        caught("CONTRA-P2", new UnsymmetrizedLabelVectors(), ContrastiveProperties::labelVectorsAreTheEmbeddingGradient);
    }

    @Test
    void missingFactorTwoIsCaughtByTheEmbeddingGradientCheck() {
        caught("CONTRA-P2", new MissingFactorTwoLabelVectors(), ContrastiveProperties::labelVectorsAreTheEmbeddingGradient);
    }

    @Test
    void missingFactorTwoIsCaughtByTheGoldenVectors() {
        caught("CONTRA-P14", new MissingFactorTwoLabelVectors(), ContrastiveProperties::goldenVectors);
    }

    @Test
    void labelVectorsWithoutTemperatureAreCaughtByTheTemperatureMetamorphism() {
        caught("CONTRA-P12", new LabelVectorsWithoutTemperature(), ContrastiveProperties::temperatureMetamorphic);
    }

    @Test
    void naiveAccumulationIsCaughtByAccumulationEqualsFullBatch() {
        caught("CONTRA-P3", new NaiveAccumulationAsTwoPass(), ContrastiveProperties::accumulationEqualsFullBatch);
    }

    @Test
    void textbookLossIsCaughtByTheTinyLossProperty() {
        caught("CONTRA-P9", new TextbookLogSumExpLoss(), ContrastiveProperties::tinyLossKeepsRelativeAccuracy);
    }

    @Test
    void hardCodedInterleavedPartnersAreCaughtByPermutationEquivariance() {
        caught("CONTRA-P7", new AssumesInterleavedPartners(), ContrastiveProperties::permutationEquivariance);
    }

    @Test
    void unshiftedSoftmaxIsCaughtByShiftInvariance() {
        caught("CONTRA-P8", new UnshiftedSoftmax(), ContrastiveProperties::shiftInvarianceAndHugeMagnitudes);
    }

    @Test
    void diagonalZeroedWithoutRenormalizingIsCaughtByTheProbabilityProperty() {
        caught("CONTRA-P11", new DiagonalZeroedWithoutRenormalizing(),
                ContrastiveProperties::probabilitiesAreDistributions);
    }

    @Test
    void dropoutMasksByCallPositionAreCaughtByTheDropoutProperty() {
        caught("CONTRA-P13", new DropoutMasksByCallPosition(), ContrastiveProperties::dropoutNeedsReplayedMasks);
    }

    @Test
    void normalizationWithoutProjectionIsCaughtByTheFiniteDifferenceCheck() {
        caught("CONTRA-P1", new NormalizationWithoutProjection(),
                ContrastiveProperties::parameterGradientMatchesFiniteDifferences);
    }

    @Test
    void unsymmetrizedLabelVectorsAreCaughtByTheSurrogateGradients() {
        caught("CONTRA-P6", new UnsymmetrizedLabelVectors(), ContrastiveProperties::surrogatesShareTheGradientNotTheValue);
    }
}
