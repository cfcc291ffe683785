package io.formulary.properties.rope;

import io.formulary.properties.MaxNorms;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.PropertyHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

/** The ROPE generators yield what their names say and reach their hard regimes. */
class RopeGensTest {

    private static <T> List<T> draw(String id, Gen<T> gen, int n) {
        List<T> out = new ArrayList<>();
        PropertyHarness.falsify(id, () -> qt(n).forAll(gen).checkAssert(out::add));
        return out;
    }

    @Test
    @DisplayName("dims1 yields even d from the chapter's set and hits 2 and 4096")
    void dims1() {
        List<Integer> ds = draw("ROPE-P1", RopeGens.dims1(), 300);
        assertThat(ds).allMatch(d -> List.of(2, 4, 6, 8, 16, 64, 128, 512, 4096).contains(d));
        assertThat(ds).contains(2, 4096, 8);
        assertThat(draw("ROPE-P1", RopeGens.dimsMatrix(), 200)).allMatch(d -> d % 2 == 0 && d >= 2 && d <= 64).contains(2, 64);
        assertThat(draw("ROPE-P7", RopeGens.dims2(), 200)).allMatch(d -> d % 4 == 0).contains(4, 4096);
        assertThat(draw("ROPE-P12", RopeGens.dimsN(), 100)).allMatch(nd -> (nd[0] == 3 || nd[0] == 4) && nd[1] % (2 * nd[0]) == 0);
    }

    @Test
    @DisplayName("positions are integers or dyadics with exact differences, and include the edge and large regimes")
    void positions() {
        List<Double> ps = draw("ROPE-P2", RopeGens.positions(), 500);
        assertThat(ps).allMatch(p -> Math.abs(p) <= 0x1p24 + 1 && p * 1024 == Math.rint(p * 1024));
        assertThat(ps).anyMatch(p -> p != Math.rint(p));
        assertThat(ps).anyMatch(p -> Math.abs(p) >= 1e5);
        assertThat(ps).anyMatch(p -> p == 0x1p24 + 1 || Math.abs(p) == 1e6 || p == 0 || Math.abs(p) == 1);
        for (int i = 0; i + 1 < ps.size(); i++) {
            double a = ps.get(i);
            double b = ps.get(i + 1);
            // exact difference: (b - a) + a recovers b
            assertThat((b - a) + a).isEqualTo(b);
        }
        assertThat(draw("ROPE-P26", RopeGens.positions(10), 200)).allMatch(p -> Math.abs(p) <= 11);
    }

    @Test
    @DisplayName("bases are finite and > 1, with the named values and the log-uniform regime")
    void bases() {
        List<Double> bs = draw("ROPE-P3", RopeGens.bases(), 300);
        assertThat(bs).allMatch(b -> b >= 1.5 || b == 2.0).allMatch(b -> b <= 1e8);
        assertThat(bs).contains(1e4, 1e6, 5e5, 2.0);
        assertThat(bs).anyMatch(b -> b != 1e4 && b != 1e6 && b != 5e5 && b != 2);
    }

    @Test
    @DisplayName("vectors include normal, all-ones and unit vectors of the requested length")
    void vectors() {
        SplittableRandom r = new SplittableRandom(1);
        int ones = 0;
        int units = 0;
        for (int t = 0; t < 400; t++) {
            double[] v = RopeGens.vector(16, r);
            assertThat(v).hasSize(16);
            long nonZero = java.util.Arrays.stream(v).filter(x -> x != 0).count();
            ones += java.util.Arrays.stream(v).allMatch(x -> x == 1) ? 1 : 0;
            units += nonZero == 1 ? 1 : 0;
        }
        assertThat(ones).isPositive();
        assertThat(units).isPositive();
    }

    @Test
    @DisplayName("quaternions have length 4 and include basis units, tiny and large ones")
    void quaternions() {
        List<double[]> qs = draw("ROPE-P14", RopeGens.quaternions(), 300);
        assertThat(qs).allMatch(q -> q.length == 4);
        assertThat(qs).anyMatch(q -> QuaternionProperties.qnorm(q) < 1e-6);
        assertThat(qs).anyMatch(q -> QuaternionProperties.qnorm(q) > 100);
        assertThat(qs).anyMatch(q -> QuaternionProperties.qnorm(q) == 1 && java.util.Arrays.stream(q).filter(x -> x != 0).count() == 1);
    }

    @Test
    @DisplayName("skew and orthogonal matrix generators are skew / orthogonal with the requested determinant")
    void matrices() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] b = RopeGens.skew(6, 1, r);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(b[i][j]).isEqualTo(-b[j][i]);
            }
        }
        for (int sign : new int[] {1, -1}) {
            double[][] o = RopeGens.orthogonal(5, r, sign);
            assertThat(MaxNorms.maxAbsDiff(RopeAssert.tmul(o, o), RopeAssert.identity(5))).isLessThan(1e-14);
            assertThat(DenseLinearAlgebra.determinant(o, "o")).isCloseTo(sign, org.assertj.core.data.Offset.offset(1e-13));
        }
    }

    @Test
    @DisplayName("2-D cases carry vectors of length d and exact position differences")
    void cases2d() {
        List<RopeGens.Case2d> cs = draw("ROPE-P7", RopeGens.cases2d(RopeGens.dims2()), 50);
        assertThat(cs).allMatch(c -> c.q().length == c.d() && c.k().length == c.d());
        assertThat(cs).allMatch(c -> (c.x2() - c.x1()) + c.x1() == c.x2());
    }
}
