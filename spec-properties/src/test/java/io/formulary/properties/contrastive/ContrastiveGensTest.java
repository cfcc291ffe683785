package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.Partners;
import io.formulary.properties.PropertyHarness;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The CONTRA generators yield what their names say and reach their hard regimes. */
class ContrastiveGensTest {

    @Test
    void casesAreValidAndCoverBothEncodersAndVariants() {
        int[] seen = new int[4];
        PropertyHarness.falsify("CONTRA-P3", () -> qt(300).forAll(ContrastiveGens.cases(32)).checkAssert(c -> {
            Partners.validate(c.partner(), c.b(), c.masked());
            assertThat(c.theta()).hasSize(c.encoder().parameterCount(c.X()[0].length));
            assertThat(c.b() % 2).isZero();
            seen[(c.masked() ? 2 : 0) + (c.kind().ordinal())]++;
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        assertThat(Arrays.stream(seen).min().getAsInt()).as("least-seen encoder/variant combination").isGreaterThan(20);
        int[] largest = new int[1];
        PropertyHarness.falsify("CONTRA-P3", () -> qt(300).forAll(ContrastiveGens.cases(64)).checkAssert(c ->
                largest[0] = Math.max(largest[0], c.b())));
        assertThat(largest[0]).as("largest batch of cases(64)").isEqualTo(64);
    }

    @Test
    void embeddingCasesHitEveryHardRegime() {
        long[] counts = new long[3];
        PropertyHarness.falsify("CONTRA-P8", () -> qt(400).forAll(ContrastiveGens.embeddingCases(16)).checkAssert(e -> {
            Partners.validate(e.partner(), e.H().length, e.masked());
            boolean identical = Arrays.stream(e.H()).allMatch(r -> Arrays.equals(r, e.H()[0]));
            counts[0] += identical ? 1 : 0;
            counts[1] += e.tau() == 0.01 ? 1 : 0;
            counts[2] += e.H()[0].length > 8 ? 1 : 0; // dominant-positive cases carry one extra column per row
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        assertThat(Arrays.stream(counts).min().getAsLong()).as("least-hit regime").isGreaterThan(10);
    }

    @Test
    void chunkingsAreCompositionsIncludingNonDividingOnes() {
        SplittableRandom rnd = new SplittableRandom(7);
        boolean nonDividing = false;
        boolean oddCount = false;
        boolean single = false;
        boolean ones = false;
        for (int t = 0; t < 500; t++) {
            int b = 2 + 2 * rnd.nextInt(16);
            int[] chunks = ContrastiveGens.chunking(b, rnd);
            assertThat(Arrays.stream(chunks).sum()).isEqualTo(b);
            assertThat(Arrays.stream(chunks).min().getAsInt()).isPositive();
            single |= chunks.length == 1;
            ones |= chunks.length == b && b > 2;
            nonDividing |= chunks.length == 2 && b % chunks[0] != 0;
            oddCount |= chunks.length >= 3 && chunks.length % 2 == 1;
        }
        assertThat(single && ones && nonDividing && oddCount).isTrue();
    }

    @Test
    void closedChunkingsKeepEveryPairTogether() {
        PropertyHarness.falsify("CONTRA-P5", () -> qt(200).forAll(integers().between(1, 16), longs().all()).checkAssert((half, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] partner = ContrastiveGens.partner(2 * half, true, rnd);
            int[] chunks = ContrastiveGens.closedChunking(partner, rnd);
            int offset = 0;
            for (int c : chunks) {
                for (int i = offset; i < offset + c; i++) {
                    assertThat(partner[i]).isBetween(offset, offset + c - 1);
                }
                offset += c;
            }
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }
}
