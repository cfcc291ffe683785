package io.formulary.properties.widen;

import io.formulary.core.nn.NormKind;
import io.formulary.core.nn.Norms;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.properties.PropertyHarness;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

/** The WIDEN generators yield what their names say and reach their hard regimes. */
class WidenGensTest {

    private static <T> List<T> draw(String id, Gen<T> gen, int n) {
        List<T> out = new ArrayList<>();
        PropertyHarness.falsify(id, () -> qt(n).forAll(gen).checkAssert(out::add));
        return out;
    }

    @Test
    void modelsAreValidAndCoverEveryOption() {
        List<WidenGens.ModelCase> cases = draw("WIDEN-P8", WidenGens.models(), 300);
        assertThat(cases).hasSize(300);
        boolean rope = false;
        boolean gated = false;
        boolean causal = false;
        boolean mlm = false;
        boolean untied = false;
        boolean rms = false;
        boolean pre = false;
        boolean kOne = false;
        boolean kEight = false;
        boolean layersZero = false;
        boolean nOne = false;
        boolean tiled = false;
        for (WidenGens.ModelCase c : cases) {
            c.weights().validateAgainst(c.config());
            assertThat(c.tokens()).isNotEmpty();
            for (int t : c.tokens()) {
                assertThat(t).isBetween(0, c.config().vocabSize() - 1);
            }
            assertThat(c.config().d()).isLessThanOrEqualTo(24);
            if (c.config().normKind() == NormKind.LAYER_NORM) {
                assertThat(c.config().d()).isGreaterThanOrEqualTo(2);
            }
            rope |= c.config().rope();
            gated |= c.config().ffnKind() == io.formulary.core.nn.FfnKind.GATED;
            causal |= c.config().causal();
            mlm |= c.config().head().mlm();
            untied |= !c.config().head().tied();
            rms |= c.config().normKind() == NormKind.RMS_NORM;
            pre |= c.config().placement() == io.formulary.core.nn.Placement.PRE;
            kOne |= c.k() == 1;
            kEight |= c.k() == 8;
            layersZero |= c.config().numLayers() == 0;
            nOne |= c.tokens().length == 1;
            tiled |= c.hiddenPattern() == RepeatPattern.TILED;
        }
        assertThat(new boolean[] {rope, gated, causal, mlm, untied, rms, pre, kOne, kEight, layersZero, nOne, tiled})
                .containsOnly(true);
    }

    @Test
    void kIsBiasedToTwo() {
        List<Integer> ks = draw("WIDEN-P8", WidenGens.ks(), 400);
        long twos = ks.stream().filter(k -> k == 2).count();
        assertThat(ks).allSatisfy(k -> assertThat(k).isIn(1, 2, 3, 4, 5, 8));
        assertThat(twos).as("twos among %s", ks.size()).isGreaterThan(ks.size() / 5);
    }

    @Test
    void vectorsSpanExtremeMagnitudes() {
        List<double[]> vs = draw("WIDEN-P1", WidenGens.vectors(1, 64), 200);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] v : vs) {
            assertThat(v.length).isBetween(1, 64);
            for (double x : v) {
                assertThat(Double.isFinite(x)).isTrue();
                if (x != 0) {
                    min = Math.min(min, Math.abs(x));
                    max = Math.max(max, Math.abs(x));
                }
            }
        }
        assertThat(min).isLessThan(1e-140);
        assertThat(max).isGreaterThan(1e140);
    }

    @Test
    void normRowsIncludeNearlyConstantRows() {
        List<double[]> rows = draw("WIDEN-P6", WidenGens.normRows(), 200);
        long nearlyConstant = rows.stream()
                .filter(x -> Norms.secondMoment(NormKind.LAYER_NORM, x) < 1e-2).count();
        assertThat(nearlyConstant).isGreaterThan(20);
        assertThat(rows).allSatisfy(x -> assertThat(x.length).isBetween(2, 16));
    }
}
