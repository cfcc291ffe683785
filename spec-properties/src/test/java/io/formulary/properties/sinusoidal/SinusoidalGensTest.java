package io.formulary.properties.sinusoidal;

import io.formulary.properties.PropertyHarness;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

/** The SIN generators yield what their names say and hit their hard regimes. */
class SinusoidalGensTest {

    private static <T> List<T> draw(Gen<T> gen) {
        List<T> out = new ArrayList<>();
        PropertyHarness.falsify("SIN-P1", () -> qt(400).forAll(gen).check(v -> out.add(v)));
        return out;
    }

    @Test
    void dimsAreEvenAndBiasedToTheExtremes() {
        List<Integer> d = draw(SinusoidalGens.dims());
        assertThat(d).allMatch(x -> x % 2 == 0 && x >= 2 && x <= 4096);
        assertThat(d.stream().filter(x -> x == 2).count()).isGreaterThan(40);
        assertThat(d.stream().filter(x -> x == 4096).count()).isGreaterThan(10);
    }

    @Test
    void basesAreAboveOneAndMostlyTenThousand() {
        List<Double> b = draw(SinusoidalGens.bases());
        assertThat(b).allMatch(x -> x >= 1.5 && x <= 1e8);
        assertThat(b.stream().filter(x -> x == 1e4).count()).isGreaterThan(120);
        assertThat(b).contains(2.0, 1e3, 1e6);
    }

    @Test
    void positionsKeepDifferencesExactAndHitEdges() {
        List<Double> p = draw(SinusoidalGens.positions());
        assertThat(p).allMatch(x -> Math.abs(x) <= 16777217 && x * 1024 == Math.rint(x * 1024));
        assertThat(p).contains(16777217.0);
        assertThat(p.stream().filter(x -> x != Math.rint(x)).count()).isGreaterThan(40);
    }
}
