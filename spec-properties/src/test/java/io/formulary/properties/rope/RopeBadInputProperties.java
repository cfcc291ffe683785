package io.formulary.properties.rope;

import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.PositionRecovery;
import io.formulary.core.rope.Quaternions;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import io.formulary.core.rope.RotaryGenerators;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.util.Arrays;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chapter's "Bad input" table (ROPE-P27). */
public class RopeBadInputProperties {

    private RopeContract rope = Subjects.of(RopeContract.class, ReferenceRope::new);

    /** The properties against the configured subject (the reference by default). */
    public RopeBadInputProperties() {
    }

    /** The properties against another subject (mutant tests); a factory, since JUnit needs a single constructor. */
    public static RopeBadInputProperties against(RopeContract subject) {
        RopeBadInputProperties p = new RopeBadInputProperties();
        p.rope = subject;
        return p;
    }

    private static void rejects(String param, String contains, ThrowingCallable call) {
        assertThatThrownBy(call).as("ROPE-P27 must reject (%s: %s)", param, contains)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(param)
                .hasMessageContaining(contains);
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    @Property
    @Tag("ROPE-P27")
    @DisplayName("ROPE-P27: every case of the Bad input table throws IllegalArgumentException naming the parameter; no finite valid input yields NaN or infinity")
    public void badInputIsRejected() {
        // 1-D RoPE and frequencies
        rejects("d", "even", () -> rope.frequencies(7, 1e4));
        rejects("d", "[2, 1048576]", () -> rope.frequencies(0, 1e4));
        rejects("d", "[2, 1048576]", () -> rope.frequencies((1 << 20) + 2, 1e4));
        rejects("base", "NaN", () -> rope.frequencies(8, Double.NaN));
        rejects("base", "infinite", () -> rope.frequencies(8, Double.POSITIVE_INFINITY));
        rejects("base", "> 1", () -> rope.frequencies(8, 1));
        rejects("base", "> 1", () -> rope.frequencies(8, 0.5));
        rejects("theta", "null", () -> RotaryEmbedding.rotate(ones(8), 1, (double[]) null, Layout.INTERLEAVED, PhaseMode.EXACT));
        rejects("theta", "length 3, expected 4", () -> RotaryEmbedding.rotate(ones(8), 1, new double[3], Layout.INTERLEAVED, PhaseMode.EXACT));
        rejects("theta[1]", "NaN", () -> RotaryEmbedding.rotate(ones(4), 1, new double[] {1, Double.NaN}, Layout.INTERLEAVED, PhaseMode.EXACT));
        rejects("d", "even", () -> rope.rotate(ones(5), 1, 1e4));
        // 2-D
        rejects("d", "d must be a multiple of 4 for 2-D RoPE", () -> rope.rotate2d(ones(6), 1, 2, 1e4, AxisAssignment.AXIS_SPLIT));
        rejects("d", "d must be a multiple of 4 for 2-D RoPE", () -> rope.matrix2d(10, 1, 2, 1e4, AxisAssignment.AXIS_INTERLEAVED));
        rejects("variant", "null", () -> rope.rotate2d(ones(8), 1, 2, 1e4, null));
        // SECTIONED
        rejects("sections", "negative", () -> rope.rotateSectioned(ones(8), new double[] {1, 2}, new int[] {5, -1}, 1e4, Layout.INTERLEAVED));
        rejects("sections", "expected d/2 = 4", () -> rope.rotateSectioned(ones(8), new double[] {1, 2}, new int[] {2, 1}, 1e4, Layout.INTERLEAVED));
        rejects("positions", "one per axis", () -> rope.rotateSectioned(ones(8), new double[] {1, 2, 3}, new int[] {2, 2}, 1e4, Layout.INTERLEAVED));
        // N-D
        rejects("N", ">= 1", () -> rope.rotateNd(ones(8), new double[0], 1e4));
        rejects("d", "multiple of 2N = 6", () -> rope.rotateNd(ones(8), new double[] {1, 2, 3}, 1e4));
        rejects("N", ">= 1", () -> rope.recoverNd(rope.matrixNd(12, new double[] {1, 2, 3}, 1e4), 0, 1e4, 1e-12));
        // application: lengths, null, non-finite components
        rejects("k", "length 6 differs from q: length 8", () -> rope.score(ones(8), ones(6), 0, 1, 1e4));
        rejects("v", "null", () -> rope.rotate(null, 1, 1e4));
        rejects("v[2]", "NaN", () -> rope.rotate(new double[] {1, 2, Double.NaN, 4}, 1, 1e4));
        rejects("v[0]", "infinite", () -> rope.rotate2d(new double[] {Double.NEGATIVE_INFINITY, 0, 0, 0}, 1, 1, 1e4, AxisAssignment.AXIS_SPLIT));
        // positions
        rejects("n", "NaN", () -> rope.rotate(ones(4), Double.NaN, 1e4));
        rejects("n", "infinite", () -> rope.rotate(ones(4), Double.POSITIVE_INFINITY, 1e4));
        rejects("m", "NaN", () -> rope.score(ones(4), ones(4), Double.NaN, 0, 1e4));
        rejects("y", "infinite", () -> rope.rotate2d(ones(4), 0, Double.NEGATIVE_INFINITY, 1e4, AxisAssignment.AXIS_SPLIT));
        rejects("positions[1]", "NaN", () -> rope.rotateNd(ones(12), new double[] {0, Double.NaN, 1}, 1e4));
        // 4x4 form and its inverse
        rejects("theta", "NaN", () -> rope.matrix4(1, 2, Double.NaN));
        rejects("theta", "infinite", () -> rope.matrix4(1, 2, Double.POSITIVE_INFINITY));
        assertThat(rope.matrix4(1, 2, 0)).as("ROPE-P27 theta = 0 is accepted forward").isDeepEqualTo(RopeAssert.identity(4));
        rejects("theta", "theta must be non-zero to recover positions", () -> rope.recoverSingle(rope.matrix4(1, 2, 0), 0, 1e-12));
        // position recovery
        rejects("r", "not square", () -> rope.recover2d(new double[4][8], 1e4, 1e-12));
        rejects("r", "d must be a multiple of 4", () -> rope.recover2d(new double[6][6], 1e4, 1e-12));
        double[][] bent = rope.matrix2d(8, 1, 2, 1e4, AxisAssignment.AXIS_SPLIT);
        bent[0][5] = 1e-6;
        rejects("r", "not block-rotary", () -> rope.recover2d(bent, 1e4, 1e-12));
        rejects("r", "position outside unambiguous range abs(x) < pi/omega_min",
                () -> rope.recover2d(rope.matrix2d(64, 20000, 0, 1e4, AxisAssignment.AXIS_SPLIT), 1e4, 1e-12));
        // quaternions and the complex map
        rejects("p1", "length 3, expected 4", () -> rope.multiply(new double[3], new double[4]));
        rejects("p[3]", "NaN", () -> rope.exp(new double[] {0, 0, 0, Double.NaN}));
        rejects("p", "709", () -> rope.exp(new double[] {710, 0, 0, 0}));
        rejects("p", "length", () -> rope.leftMatrix(new double[5]));
        rejects("a", "NaN", () -> rope.complexMatrix(Double.NaN, 1));
        rejects("b", "infinite", () -> rope.complexMatrix(1, Double.POSITIVE_INFINITY));
        // matrix exponential
        rejects("a", "not square", () -> rope.expm(new double[2][3]));
        rejects("a[1][0]", "NaN", () -> rope.expm(new double[][] {{0, 1}, {Double.NaN, 0}}));
        rejects("a", "norm too large for scaling and squaring", () -> rope.expm(new double[][] {{0, -1e13}, {1e13, 0}}));
        rejects("b", "shape", () -> rope.exponentLawDefect(new double[2][2], new double[3][3]));
        rejects("a", "non-zero", () -> rope.family4(0, 1, 1, 1));
        // layout conversion
        rejects("d", "even", () -> RotaryEmbedding.rotateHalfOrder(7));
        rejects("w", "not nHeads * d", () -> RotaryEmbedding.permuteHeadRows(new double[10][3], 2, 4));
        rejects("q", "overflows", () -> rope.score(new double[] {1e300, 1e300}, new double[] {1e300, 1e300}, 0, 1, 1e4));

        // No NaN or infinity from finite valid input, extreme but valid values included.
        qt().forAll(RopeGens.cases1d(RopeGens.dims1(), RopeGens.bases()), RopeGens.quaternions()).checkAssert((c, p) -> {
            double[] big = c.q().clone();
            for (int i = 0; i < big.length; i++) {
                big[i] *= 1e300;
            }
            assertFinite(rope.rotate(big, c.n(), c.base()), "rotate of 1e300-scaled v");
            assertFinite(rope.rotate(c.q(), c.n() * 1e3, c.base()), "rotate at 1e3 n");
            assertFinite(rope.rotateHalf(c.q(), c.n(), c.base()), "rotateHalf");
            assertFinite(new double[] {rope.score(c.q(), c.k(), c.m(), c.n(), c.base())}, "score");
            double[] clamped = {Math.min(p[0], 700), p[1], p[2], p[3]};
            assertFinite(rope.exp(clamped), "quaternion exp");
            assertFinite(rope.rotatePair(1e308, -1e308, c.n(), 1), "rotatePair at 1e308");
        });
        assertFinite(rope.expm(new double[][] {{0, -1e12}, {1e12, 0}})[0], "expm at the norm limit");
        assertFinite(MatrixExponential.expm(new double[][] {{700}})[0], "expm of 700");
        assertFinite(Quaternions.exp(new double[] {709, 1, 2, 3}), "e^709");
        assertFinite(RotaryGenerators.commutator3(1e150, 1e150, -1e150)[0], "commutator3");
        assertFinite(PositionRecovery.recover2d(RotaryEmbedding2d.matrix2d(8, 0, 0, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT), 1e4), "recover2d at 0");
        PropertyHarness.examples(60);
    }

    private static void assertFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.isFinite(v[i])).as("ROPE-P27 %s: entry %d is %s", what, i, v[i]).isTrue();
        }
    }
}
