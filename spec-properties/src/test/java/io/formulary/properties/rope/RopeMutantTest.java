package io.formulary.properties.rope;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.rope.mutants.FrequencyOffByOneRope;
import io.formulary.properties.rope.mutants.HighestFrequencyRecoveryRope;
import io.formulary.properties.rope.mutants.NaiveSeriesExpmRope;
import io.formulary.properties.rope.mutants.NegativeAngleRope;
import io.formulary.properties.rope.mutants.QuaternionKSignRope;
import io.formulary.properties.rope.mutants.RotateHalfWithoutPermutationRope;
import io.formulary.properties.rope.mutants.SineSignErrorRope;
import io.formulary.properties.rope.mutants.SwappedLayoutRope;
import io.formulary.properties.rope.mutants.UnnormalisedFamilyRope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deliberately wrong subject is caught by a named property, which the reference passes. */
class RopeMutantTest {

    @Test
    @DisplayName("swapped layout (rotate-half pairing in F3) is caught by ROPE-P5")
    void swappedLayout() {
        assertThat(PropertyHarness.falsify("ROPE-P5",
                () -> RotaryEmbeddingProperties.against(new SwappedLayoutRope()).complexMultiplicationEquivalence())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P5",
                () -> new RotaryEmbeddingProperties().complexMultiplicationEquivalence())).isEmpty();
    }

    @Test
    @DisplayName("frequency off by one index is caught by ROPE-P25 (and not by relativity)")
    void frequencyOffByOne() {
        assertThat(PropertyHarness.falsify("ROPE-P25",
                () -> RotaryEmbeddingProperties.against(new FrequencyOffByOneRope()).largePositionAccuracy())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P25",
                () -> new RotaryEmbeddingProperties().largePositionAccuracy())).isEmpty();
    }

    @Test
    @DisplayName("rotating by -theta is caught by ROPE-P26 and ROPE-P3")
    void negativeAngle() {
        assertThat(PropertyHarness.falsify("ROPE-P26",
                () -> RotaryEmbeddingProperties.against(new NegativeAngleRope()).generatorOdeForm())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P26",
                () -> new RotaryEmbeddingProperties().generatorOdeForm())).isEmpty();
        assertThat(PropertyHarness.falsify("ROPE-P3",
                () -> RotaryEmbeddingProperties.against(new NegativeAngleRope()).scoreIdentityAndShiftInvariance())).isPresent();
    }

    @Test
    @DisplayName("a sign error in one sine is caught by ROPE-P2 and ROPE-P1")
    void sineSignError() {
        assertThat(PropertyHarness.falsify("ROPE-P2",
                () -> RotaryEmbeddingProperties.against(new SineSignErrorRope()).relativityMatrixForm())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P2",
                () -> new RotaryEmbeddingProperties().relativityMatrixForm())).isEmpty();
        assertThat(PropertyHarness.falsify("ROPE-P1",
                () -> RotaryEmbeddingProperties.against(new SineSignErrorRope()).rotaryMatricesAreOrthogonal())).isPresent();
    }

    @Test
    @DisplayName("a sign flip in the k component of the quaternion product is caught by ROPE-P14")
    void quaternionKSign() {
        assertThat(PropertyHarness.falsify("ROPE-P14",
                () -> QuaternionProperties.against(new QuaternionKSignRope()).quaternionAlgebra())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P14", () -> new QuaternionProperties().quaternionAlgebra())).isEmpty();
    }

    @Test
    @DisplayName("a truncated power series without scaling and squaring is caught by ROPE-P6")
    void naiveSeriesExpm() {
        assertThat(PropertyHarness.falsify("ROPE-P6",
                () -> RotaryGeneratorProperties.against(new NaiveSeriesExpmRope()).matrixExponentialCrossCheck())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P6",
                () -> new RotaryGeneratorProperties().matrixExponentialCrossCheck())).isEmpty();
    }

    @Test
    @DisplayName("recovery from the highest frequency alone is caught by ROPE-P8")
    void highestFrequencyRecovery() {
        assertThat(PropertyHarness.falsify("ROPE-P8",
                () -> RotaryEmbedding2dProperties.against(new HighestFrequencyRecoveryRope()).invertibilityRoundTrip())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P8",
                () -> new RotaryEmbedding2dProperties().invertibilityRoundTrip())).isEmpty();
    }

    @Test
    @DisplayName("the 4x4 family without the 1/a normalisation is caught by ROPE-P22")
    void unnormalisedFamily() {
        assertThat(PropertyHarness.falsify("ROPE-P22",
                () -> RotaryGeneratorProperties.against(new UnnormalisedFamilyRope()).fourByFourFamily())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P22",
                () -> new RotaryGeneratorProperties().fourByFourFamily())).isEmpty();
    }

    @Test
    @DisplayName("rotate-half without the permutation P is caught by ROPE-P23")
    void rotateHalfWithoutPermutation() {
        assertThat(PropertyHarness.falsify("ROPE-P23",
                () -> RotaryEmbeddingProperties.against(new RotateHalfWithoutPermutationRope()).layoutPermutation())).isPresent();
        assertThat(PropertyHarness.falsify("ROPE-P23",
                () -> new RotaryEmbeddingProperties().layoutPermutation())).isEmpty();
    }
}
