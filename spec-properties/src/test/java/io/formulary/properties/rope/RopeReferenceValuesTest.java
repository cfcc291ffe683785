package io.formulary.properties.rope;

import io.formulary.properties.MaxNorms;
import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.PositionRecovery;
import io.formulary.core.rope.Quaternions;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import io.formulary.core.rope.RotaryGenerators;
import io.formulary.core.rope.RotaryGenerators.GeneratorPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.formulary.properties.rope.RopeAssert.U;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chapter's reference values (table "Reference values" of 02-rope2d.md, computed there with mpmath at 30-40
 * digits unless marked measured), transcribed digit for digit and compared with the reference implementation.
 */
class RopeReferenceValuesTest {

    private static void near(String what, double[] actual, double[] expected, double bound) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            assertThat(err).as("%s [%d]: expected %s, actual %s, error %s, bound %s", what, i, expected[i], actual[i], err, bound)
                    .isLessThanOrEqualTo(bound);
        }
    }

    private static double[] oneToEight() {
        return new double[] {1, 2, 3, 4, 5, 6, 7, 8};
    }

    @Test
    @DisplayName("cos 1e6 and sin 1e6 (22 digits)")
    void cosSinOfAMillion() {
        near("R(1e6)(1,0)", RotaryEmbedding.rotatePair(1, 0, 1e6, 1),
                new double[] {0.9367521275331447869385, -0.3499935021712929521177}, 2 * U);
    }

    @Test
    @DisplayName("R_1e6 (1,0,0,1), d = 4, base 1e4")
    void rotationAtAMillion() {
        near("R_1e6 (1,0,0,1)", RotaryEmbedding.rotate(new double[] {1, 0, 0, 1}, 1e6, 1e4),
                new double[] {0.93675212753314479, -0.34999350217129295, 0.30561438888825214, -0.95215536825901485}, 2 * U);
    }

    @Test
    @DisplayName("R_5 (1..8), d = 8, base 1e4")
    void rotationAtFive() {
        near("R_5 (1..8)", RotaryEmbedding.rotate(oneToEight(), 5, 1e4),
                new double[] {2.2015107347895032, -0.39159990373668594, 0.71504553125430615, 4.9486068633740999,
                    4.6938762863507613, 6.2423974087231891, 6.9599126668487498, 8.0348998543751821}, 8 * U * 8);
    }

    @Test
    @DisplayName("<R_2 q, R_7 k> = q^T R_5 k = -8.8812870767472657")
    void scoreReference() {
        double[] k = {0.5, -1, 2, 0.25, -3, 1.5, 1, -2};
        double s = RotaryEmbedding.score(oneToEight(), k, 2, 7, 1e4);
        assertThat(Math.abs(s - -8.8812870767472657)).isLessThanOrEqualTo(16 * U * 8);
    }

    @Test
    @DisplayName("2-D AXIS_SPLIT, d = 8, omega = (1, 0.01), (x, y) = (3, -2.5), v = (1..8)")
    void twoDimensionalReference() {
        near("2-D axis split", RotaryEmbedding2d.rotate2d(oneToEight(), 3, -2.5, 1e4, AxisAssignment.AXIS_SPLIT),
                new double[] {-1.2722325127201799, -1.8388649851410237, 2.8786681004369799, 4.088186635603437,
                    -0.41488521311092961, -7.7992224138013848, 7.1977917812476167, 7.8225183588026344}, 8 * U * 8);
    }

    @Test
    @DisplayName("quaternion exponentials: e^i e^j, e^{i+j}, e^{pi/2 (i+j)}, e^{-i} e^{2i+j}")
    void quaternionReferences() {
        double[] ei = Quaternions.exp(new double[] {0, 1, 0, 0});
        double[] ej = Quaternions.exp(new double[] {0, 0, 1, 0});
        near("e^i e^j", Quaternions.multiply(ei, ej),
                new double[] {0.2919265817264288065, 0.4546487134128408477, 0.4546487134128408477, 0.7080734182735711935}, 4 * U);
        near("e^{i+j}", Quaternions.exp(new double[] {0, 1, 1, 0}),
                new double[] {0.15594369476537447345, 0.69845599863660835984, 0.69845599863660835984, 0}, 4 * U);
        double h = Math.PI / 2;
        near("e^{pi/2 (i+j)}", Quaternions.exp(new double[] {0, h, h, 0}),
                new double[] {-0.6056998670788134288, 0.56264005857240015056, 0.56264005857240015056, 0}, 4 * U);
        near("e^{-i} e^{2i+j}", Quaternions.multiply(Quaternions.exp(new double[] {0, -1, 0, 0}),
                        Quaternions.exp(new double[] {0, 2, 1, 0})),
                new double[] {0.25862060375994966, 0.89962244531402172, 0.19010261503320336, -0.29606728112980805}, 8 * U);
    }

    @Test
    @DisplayName("block-RoPE witness score 2 cos 1 = 1.0806046117362795")
    void blockWitness() {
        double[] q = {1, 0, 1, 0};
        double s = RopeAssert.dot(RopeAssert.mul(RotaryEmbedding2d.matrix4(1, 0, 1), q), RopeAssert.mul(RotaryEmbedding2d.matrix4(2, 1, 1), q));
        assertThat(Math.abs(s - 1.0806046117362795)).isLessThanOrEqualTo(4 * U);
    }

    @Test
    @DisplayName("pi / omega_min = 17666.473760279496 for c = 32, base 1e4; x = 20000 unwraps to -21349.64 and is rejected")
    void unambiguousRange() {
        double omegaMin = RotaryEmbedding.frequencies(32, 1e4)[15];
        assertThat(Math.abs(Math.PI / omegaMin - 17666.473760279496)).isLessThanOrEqualTo(17666.47 * 8 * U);
        double[][] r = RotaryEmbedding2d.matrix2d(64, 20000, 0, 1e4, AxisAssignment.AXIS_SPLIT, io.formulary.core.rope.PhaseMode.EXACT);
        assertThatThrownBy(() -> PositionRecovery.recover2d(r, 1e4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greedy unwrap gave -21349.64");
    }

    @Test
    @DisplayName("Pade theta13 = 5.371920351148152")
    void padeTheta() {
        assertThat(MatrixExponential.THETA_13).isEqualTo(5.371920351148152);
    }

    @Test
    @DisplayName("4x4 family example b = 0.3, c = -1.2, f = 0.7: d = -0.84, e = -0.21, sigma and f sigma")
    void familyExample() {
        GeneratorPair p = RotaryGenerators.family4(1, 0.3, -1.2, 0.7);
        assertThat(Math.abs(p.b2()[3][0] - -0.84)).isLessThanOrEqualTo(2 * U);
        assertThat(Math.abs(p.b2()[3][1] - -0.21)).isLessThanOrEqualTo(2 * U);
        double[] scales = RotaryGenerators.familyScales(1, 0.3, -1.2, 0.7);
        near("sigma, f sigma", scales, new double[] {1.5905973720586866, 1.1134181604410807}, 4 * U);
        // Article normalisation a = 1: d = cf and e = -bf; for a = 2 the general rule d = cf/a halves them (erratum 6).
        GeneratorPair p2 = RotaryGenerators.family4(2, 0.3, -1.2, 0.7);
        assertThat(p2.b2()[3][0]).isEqualTo(-1.2 * 0.7 / 2);
        assertThat(MaxNorms.maxAbs(RotaryGenerators.commutator(p2.b1(), p2.b2()))).isLessThanOrEqualTo(1e-15);
        double[] last = RotaryGenerators.commutator4LastColumn(2, 0.3, -1.2, -1.2 * 0.7, -0.3 * 0.7, 0.7);
        assertThat(Math.abs(last[0]) + Math.abs(last[1])).as("the article's a = 1 rule fails for a = 2").isGreaterThan(0.1);
    }

    @Test
    @DisplayName("so(3) witness: largest entry of [A, B] = 4 pi^2 sqrt(3)/2 = 34.18931254658434")
    void so3Witness() {
        double twoPi = 2 * Math.PI;
        double[][] a = RopeAssert.scale(RotaryGenerators.crossMatrix(new double[] {1, 0, 0}), twoPi);
        double[][] b = RopeAssert.scale(RotaryGenerators.crossMatrix(new double[] {-0.5, Math.sqrt(3) / 2, 0}), twoPi);
        assertThat(Math.abs(MaxNorms.maxAbs(RotaryGenerators.commutator(a, b)) - 34.18931254658434)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    @DisplayName("layout permutation for d = 8: P = [0,2,4,6,1,3,5,7], P^-1 = [0,4,1,5,2,6,3,7]")
    void layoutOrder() {
        assertThat(RotaryEmbedding.rotateHalfOrder(8)).containsExactly(0, 2, 4, 6, 1, 3, 5, 7);
        double[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
        assertThat(RotaryEmbedding.fromRotateHalf(idx)).containsExactly(0, 4, 1, 5, 2, 6, 3, 7);
    }
}
