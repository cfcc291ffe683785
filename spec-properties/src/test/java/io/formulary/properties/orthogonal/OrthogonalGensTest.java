package io.formulary.properties.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.orthogonal.OrthogonalGens.OrthoCase;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

/** The ORTHO generators yield what their names say and reach the chapter's edge families (counted over 400 draws). */
class OrthogonalGensTest {

    private static final int DRAWS = 400;

    private static void draw(String name, Gen<OrthoCase> gen, Consumer<OrthoCase> check) {
        assertThat(PropertyHarness.falsify("GEN-ortho-" + name, () -> qt(DRAWS).forAll(gen).checkAssert(check))).isEmpty();
    }

    private static String family(OrthoCase c) {
        String f = c.family();
        int space = f.indexOf(' ');
        return space < 0 ? f : f.substring(0, space);
    }

    @Test
    void casesCoverEveryFamilyWithValidInputs() {
        Map<String, Integer> count = new TreeMap<>();
        draw("cases", OrthogonalGens.cases(), c -> {
            assertThat(c.b()).hasSameSizeAs(c.a());
            assertThat(c.d()).isGreaterThanOrEqualTo(2);
            assertThat(AccurateSums.maxAbs(c.a())).isPositive();
            assertThat(AccurateSums.maxAbs(c.b())).isPositive();
            count.merge(family(c), 1, Integer::sum);
        });
        assertThat(count).containsKeys("generic", "near_equal", "near_antipodal", "equal", "antipodal", "coordinate",
                "ties", "integer");
        // The exact singular pairs really are singular after normalization.
        draw("singular", OrthogonalGens.singularCases(), c -> assertThat(c.rho()).isZero());
    }

    @Test
    void nonSingularCasesKeepTheirDistanceFromBothSingularInputs() {
        draw("nonSingular", OrthogonalGens.nonSingularCases(), c -> assertThat(c.rho()).isGreaterThanOrEqualTo(1e-3));
    }

    @Test
    void nearSingularCasesAreCloseToPlusOrMinusA() {
        int[] signs = new int[2];
        draw("nearSingular", OrthogonalGens.nearSingularCases(), c -> {
            assertThat(c.d()).isBetween(2, 7);
            assertThat(c.rho()).isPositive().isLessThan(1.0);
            signs[c.rhoMinus() < c.rhoPlus() ? 0 : 1]++;
        });
        assertThat(signs[0]).isGreaterThan(DRAWS / 5);
        assertThat(signs[1]).isGreaterThan(DRAWS / 5);
    }

    @Test
    void rawCasesSpanExtremeScalesAndIncludeParallelPairs() {
        int[] hits = new int[3];
        draw("raw", OrthogonalGens.rawCases(), c -> {
            double ma = AccurateSums.maxAbs(c.a());
            hits[0] += ma > 1e100 ? 1 : 0;
            hits[1] += ma < 1e-100 ? 1 : 0;
            hits[2] += c.family().equals("scaled-parallel") ? 1 : 0;
            assertThat(ma).isPositive();
        });
        for (int h : hits) {
            assertThat(h).isGreaterThan(DRAWS / 40);
        }
    }

    @Test
    void coordinateTieAndIntegerFamiliesAreWhatTheySay() {
        draw("coordinate", OrthogonalGens.coordinatePairs(), c -> {
            assertThat(AccurateSums.norm2(c.a())).isEqualTo(1.0);
            assertThat(AccurateSums.norm2(c.b())).isEqualTo(1.0);
        });
        draw("ties", OrthogonalGens.tiePairs(), c -> {
            double[] a = c.a();
            boolean tie = false;
            for (int i = 0; i < a.length; i++) {
                for (int j = i + 1; j < a.length; j++) {
                    tie |= Math.abs(a[i]) == Math.abs(a[j]);
                }
            }
            // (0.6, 0.8) is the chapter's exactly-unit companion of the tie vectors.
            boolean exactUnit = a.length == 2 && a[0] == 0.6 && a[1] == 0.8;
            assertThat(tie || exactUnit).as("ties in |a_j| for %s", c).isTrue();
        });
        boolean[] article = new boolean[1];
        draw("integer", OrthogonalGens.integerPairs(), c -> {
            for (double x : c.a()) {
                assertThat(x).isEqualTo(Math.rint(x));
            }
            article[0] |= c.family().equals("integer article");
        });
        assertThat(article[0]).isTrue();
    }
}
