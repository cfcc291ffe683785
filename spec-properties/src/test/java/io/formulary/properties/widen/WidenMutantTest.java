package io.formulary.properties.widen;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.widen.mutants.ArticleSecondBiasWidener;
import io.formulary.properties.widen.mutants.FanInOnlyLinearFactors;
import io.formulary.properties.widen.mutants.FlatRopeScore;
import io.formulary.properties.widen.mutants.KeptEpsilonWidener;
import io.formulary.properties.widen.mutants.MissingQuarterPowerWidener;
import io.formulary.properties.widen.mutants.NarrowWithoutFactorNarrower;
import io.formulary.properties.widen.mutants.ShiftedInterleavePattern;
import io.formulary.properties.widen.mutants.TiledHeadWidener;
import io.formulary.properties.widen.mutants.UnbiasedVarianceNorm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each deliberately wrong subject is caught by a named WIDEN property that the reference passes. The reference's
 * runs of the two whole-model properties P8 and P9 are the property tests themselves (ModelWideningProperties), so
 * they are not repeated here; the cheaper properties are re-run against the reference beside their mutant.
 */
class WidenMutantTest {

    private static final ReferenceWidening REFERENCE = new ReferenceWidening();

    @Test
    void articleSecondBiasIsCaughtByP8() {
        assertThat(PropertyHarness.falsify("WIDEN-P8",
                () -> ModelWideningProperties.of(new ArticleSecondBiasWidener()).exactWideningIsLossless())).isPresent();
    }

    @Test
    void keptEpsilonIsCaughtByP8() {
        assertThat(PropertyHarness.falsify("WIDEN-P8",
                () -> ModelWideningProperties.of(new KeptEpsilonWidener()).exactWideningIsLossless())).isPresent();
    }

    @Test
    void missingQuarterPowerIsCaughtByP8() {
        assertThat(PropertyHarness.falsify("WIDEN-P8",
                () -> ModelWideningProperties.of(new MissingQuarterPowerWidener()).exactWideningIsLossless())).isPresent();
    }

    @Test
    void tiledHeadsAreCaughtByP9() {
        assertThat(PropertyHarness.falsify("WIDEN-P9",
                () -> ModelWideningProperties.of(new TiledHeadWidener()).everyTracedTensorIsTheScaledRepetition()))
                .isPresent();
    }

    @Test
    void narrowingWithoutTheFactorIsCaughtByP13() {
        assertThat(PropertyHarness.falsify("WIDEN-P13",
                () -> ModelWideningProperties.of(new NarrowWithoutFactorNarrower()).narrowingUndoesWidening())).isPresent();
        assertThat(PropertyHarness.falsify("WIDEN-P13",
                () -> ModelWideningProperties.of(REFERENCE).narrowingUndoesWidening())).isEmpty();
    }

    @Test
    void flatRopeScoreIsCaughtByP11() {
        assertThat(PropertyHarness.falsify("WIDEN-P11",
                () -> ModelWideningProperties.of(new FlatRopeScore()).ropeWideningObeysTheErrorLaw())).isPresent();
    }

    @Test
    void shiftedInterleaveIsCaughtByP2() {
        assertThat(PropertyHarness.falsify("WIDEN-P2",
                () -> RepetitionProperties.of(new ShiftedInterleavePattern()).patternsAreSane())).isPresent();
        assertThat(PropertyHarness.falsify("WIDEN-P2",
                () -> RepetitionProperties.of(REFERENCE).patternsAreSane())).isEmpty();
    }

    @Test
    void unbiasedVarianceIsCaughtByP6() {
        assertThat(PropertyHarness.falsify("WIDEN-P6",
                () -> SublayerProperties.of(new UnbiasedVarianceNorm()).normsCommuteWithTheEpsilonRule())).isPresent();
        assertThat(PropertyHarness.falsify("WIDEN-P6",
                () -> SublayerProperties.of(REFERENCE).normsCommuteWithTheEpsilonRule())).isEmpty();
    }

    @Test
    void fanInOnlyFactorsAreCaughtByP4() {
        assertThat(PropertyHarness.falsify("WIDEN-P4",
                () -> SublayerProperties.of(new FanInOnlyLinearFactors()).linearLayersCommuteWithRepetition())).isPresent();
        assertThat(PropertyHarness.falsify("WIDEN-P4",
                () -> SublayerProperties.of(REFERENCE).linearLayersCommuteWithRepetition())).isEmpty();
    }
}
