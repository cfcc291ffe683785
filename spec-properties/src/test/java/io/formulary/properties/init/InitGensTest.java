package io.formulary.properties.init;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyHarnessAccess;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

/** Each generator yields what its name says and reaches its hard regimes. */
class InitGensTest {

    private static <T> List<T> sample(String id, Gen<T> gen, Map<String, Long> regimes) {
        List<T> out = new ArrayList<>();
        PropertyHarness.falsify(id, () -> {
            qt(400).forAll(gen).checkAssert(out::add);
            regimes.putAll(PropertyHarnessAccess.regimes());
        });
        return out;
    }

    @Test
    void halfWidthsArePositiveCoverTheRangeAndHitNamedAndSmallValues() {
        Map<String, Long> regimes = new TreeMap<>();
        List<Double> c = sample("INIT-P4", InitGens.halfWidths(), regimes);
        assertThat(c).allMatch(x -> x >= 0.01 && x <= 8);
        assertThat(c).contains(2.0);
        assertThat(c.stream().anyMatch(x -> x < 0.05)).isTrue();
        assertThat(c.stream().anyMatch(x -> x > 4)).isTrue();
        assertThat(regimes).containsKeys("named c", "small c (cancelling closed form)");
    }

    @Test
    void windowsAreProperAndReachTailsInfiniteEndsAndNarrowWidths() {
        Map<String, Long> regimes = new TreeMap<>();
        List<InitGens.Window> w = sample("INIT-P4", InitGens.windows(), regimes);
        assertThat(w).allMatch(x -> x.a() < x.b() && x.a() != Double.POSITIVE_INFINITY && x.b() != Double.NEGATIVE_INFINITY);
        assertThat(regimes).containsKeys("lower end infinite", "upper end infinite", "far tail (beyond 8 sigma)",
                "narrow window (< 1e-6)");
    }

    @Test
    void moderateWindowsStayWithinEightAndAreWide() {
        List<InitGens.Window> w = sample("INIT-P4", InitGens.moderateWindows(), new TreeMap<>());
        assertThat(w).allMatch(x -> x.a() >= -8 && x.b() <= 8.0000001 && x.b() - x.a() >= 0.1 - 1e-12);
    }

    @Test
    void normRowsAreNonConstantAndReachExtremeMagnitudesAndOutliers() {
        Map<String, Long> regimes = new TreeMap<>();
        List<double[]> rows = sample("INIT-P13", InitGens.normRows(), regimes);
        for (double[] x : rows) {
            boolean constant = true;
            for (double v : x) {
                constant &= v == x[0];
                assertThat(Double.isFinite(v)).isTrue();
            }
            assertThat(constant).isFalse();
        }
        assertThat(regimes).containsKeys("row magnitude 1e+-150", "row with one huge outlier");
    }

    @Test
    void constantRowsAreConstant() {
        Map<String, Long> regimes = new TreeMap<>();
        List<double[]> rows = sample("INIT-P13", InitGens.constantRows(), regimes);
        for (double[] x : rows) {
            for (double v : x) {
                assertThat(v).isEqualTo(x[0]);
            }
        }
        assertThat(regimes).containsKeys("all-zero row", "constant row");
    }

    @Test
    void scalesAndLocationsAndFansAreInRange() {
        assertThat(sample("INIT-P1", InitGens.scales(), new TreeMap<>())).allMatch(s -> s >= 1e-6 * (1 - 1e-12) && s <= 1e3 * (1 + 1e-12));
        assertThat(sample("INIT-P1", InitGens.locations(), new TreeMap<>())).allMatch(m -> Math.abs(m) <= 1e3);
        assertThat(sample("INIT-P7", InitGens.fans(), new TreeMap<>())).contains(1, 1024).allMatch(f -> f >= 1);
        assertThat(sample("INIT-P13", InitGens.epsilons(), new TreeMap<>())).contains(0.0, 1.0);
    }
}
