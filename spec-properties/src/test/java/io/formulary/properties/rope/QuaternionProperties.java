package io.formulary.properties.rope;

import io.formulary.properties.MaxNorms;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.rope.Quaternions;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.util.Arrays;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.rope.RopeAssert.U;
import static io.formulary.properties.rope.RopeAssert.close;
import static io.formulary.properties.rope.RopeAssert.closeEntrywise;
import static io.formulary.properties.rope.RopeAssert.mul;
import static io.formulary.properties.rope.RopeAssert.transpose;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the complex and quaternion representations and the quaternion candidate (ROPE-P13..P17). */
public class QuaternionProperties {

    private RopeContract rope = Subjects.of(RopeContract.class, ReferenceRope::new);

    /** The properties against the configured subject (the reference by default). */
    public QuaternionProperties() {
    }

    /** The properties against another subject (mutant tests); a factory, since JUnit needs a single constructor. */
    public static QuaternionProperties against(RopeContract subject) {
        QuaternionProperties p = new QuaternionProperties();
        p.rope = subject;
        return p;
    }

    static double qnorm(double[] p) {
        return Math.hypot(Math.hypot(p[0], p[1]), Math.hypot(p[2], p[3]));
    }

    @Property
    @Tag("ROPE-P13")
    @DisplayName("ROPE-P13: Z(zw) = Z(z)Z(w) within 4u|z||w|; Z(z+w) = Z(z)+Z(w) and Z(conj z) = Z(z)^T exactly; det Z(z) = |z|^2 within 4u|z|^2; Z(1/z) = Z(z)^{-1} within 16u/|z|")
    public void complexMatrixIsomorphism() {
        qt().forAll(RopeGens.quaternions(), RopeGens.quaternions()).checkAssert((zw1, zw2) -> {
            double a = zw1[0];
            double b = zw1[1];
            double c = zw2[0];
            double d = zw2[1];
            double nz = Math.hypot(a, b);
            double nw = Math.hypot(c, d);
            double[][] product = rope.complexMatrix(a * c - b * d, a * d + b * c);
            closeEntrywise("ROPE-P13", "Z(zw) vs Z(z)Z(w)", product, mul(rope.complexMatrix(a, b), rope.complexMatrix(c, d)),
                    4 * U * nz * nw);
            double[][] za = rope.complexMatrix(a, b);
            double[][] zb = rope.complexMatrix(c, d);
            double[][] sum = rope.complexMatrix(a + c, b + d);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(sum[i][j]).as("ROPE-P13 Z(z+w) entry [%d][%d]", i, j).isEqualTo(za[i][j] + zb[i][j]);
                }
            }
            assertThat(rope.complexMatrix(a, -b)).as("ROPE-P13 Z(conj z) = Z(z)^T").isDeepEqualTo(transpose(za));
            double det = za[0][0] * za[1][1] - za[0][1] * za[1][0];
            close("ROPE-P13", "det Z(z)", det, nz * nz, 4 * U * nz * nz);
            if (nz > 0) {
                double m2 = a * a + b * b;
                double[][] inverseOfZ = {{za[1][1] / det, -za[0][1] / det}, {-za[1][0] / det, za[0][0] / det}};
                closeEntrywise("ROPE-P13", "Z(1/z) vs Z(z)^-1", rope.complexMatrix(a / m2, -b / m2), inverseOfZ, 16 * U / nz);
            }
        });
    }

    private static final double[][] BASIS = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    /** The chapter's table (row times column): index of the basis element and its sign. */
    private static final int[][] TABLE = {{0, 1, 2, 3}, {1, -0, 3, -2}, {2, -3, -0, 1}, {3, 2, -1, -0}};
    private static final int[][] SIGN = {{1, 1, 1, 1}, {1, -1, 1, -1}, {1, -1, -1, 1}, {1, 1, -1, -1}};

    @Property
    @Tag("ROPE-P14")
    @DisplayName("ROPE-P14: the basis table is exact; (p1p2)p3 = p1(p2p3) within 16u|p1||p2||p3|; ij = -ji; |pq| = |p||q| within 8u|p||q|; (pq)* = q*p*; Re[pq*] = p.q within 4u|p||q|")
    public void quaternionAlgebra() {
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double[] expected = new double[4];
                expected[Math.abs(TABLE[r][c])] = SIGN[r][c];
                assertThat(rope.multiply(BASIS[r], BASIS[c])).as("ROPE-P14 basis %d x %d", r, c).containsExactly(expected);
            }
        }
        double[] ij = rope.multiply(BASIS[1], BASIS[2]);
        double[] ji = rope.multiply(BASIS[2], BASIS[1]);
        for (int c = 0; c < 4; c++) {
            assertThat(ij[c] + ji[c]).as("ROPE-P14 ij = -ji, component %d", c).isZero();
        }
        qt().forAll(RopeGens.quaternions(), RopeGens.quaternions(), RopeGens.quaternions()).checkAssert((p1, p2, p3) -> {
            double n1 = qnorm(p1);
            double n2 = qnorm(p2);
            double n3 = qnorm(p3);
            double[] left = rope.multiply(rope.multiply(p1, p2), p3);
            double[] right = rope.multiply(p1, rope.multiply(p2, p3));
            closeEntrywise("ROPE-P14", "associativity " + Arrays.toString(p1), left, right, 16 * U * n1 * n2 * n3);
            double[] pq = rope.multiply(p1, p2);
            close("ROPE-P14", "|pq| = |p||q|", qnorm(pq), n1 * n2, 8 * U * n1 * n2);
            double[] conjPq = Quaternions.conjugate(pq);
            closeEntrywise("ROPE-P14", "(pq)* = q*p*", conjPq,
                    rope.multiply(Quaternions.conjugate(p2), Quaternions.conjugate(p1)), 4 * U * n1 * n2);
            double dot = p1[0] * p2[0] + p1[1] * p2[1] + p1[2] * p2[2] + p1[3] * p2[3];
            close("ROPE-P14", "Re[pq*] = p.q", rope.multiply(p1, Quaternions.conjugate(p2))[0], dot, 4 * U * n1 * n2);
        });
    }

    @Property
    @Tag("ROPE-P15")
    @DisplayName("ROPE-P15: L(pq) = L(p)L(q) within 16u|p||q|; L(p*) = L(p)^T exactly; det L(p) = |p|^4 (relative 1e-13); L(p)vec(q) = vec(pq); R_mat(p)vec(q) = vec(qp); R_mat(pq) = R_mat(q)R_mat(p)")
    public void quaternionMatrixHomomorphism() {
        qt().forAll(RopeGens.quaternions(), RopeGens.quaternions()).checkAssert((p, q) -> {
            double np = qnorm(p);
            double nq = qnorm(q);
            double bound = 16 * U * np * nq;
            double[] pq = rope.multiply(p, q);
            double[] qp = rope.multiply(q, p);
            closeEntrywise("ROPE-P15", "L(pq) vs L(p)L(q)", rope.leftMatrix(pq), mul(rope.leftMatrix(p), rope.leftMatrix(q)), bound);
            assertThat(rope.leftMatrix(Quaternions.conjugate(p))).as("ROPE-P15 L(p*) = L(p)^T").isDeepEqualTo(transpose(rope.leftMatrix(p)));
            double det = DenseLinearAlgebra.determinant(rope.leftMatrix(p), "L");
            double p4 = np * np * np * np;
            close("ROPE-P15", "det L(p) = |p|^4", det, p4, 1e-13 * p4);
            closeEntrywise("ROPE-P15", "L(p)vec(q) = vec(pq)", mul(rope.leftMatrix(p), q), pq, bound);
            closeEntrywise("ROPE-P15", "R_mat(p)vec(q) = vec(qp)", mul(rope.rightMatrix(p), q), qp, bound);
            closeEntrywise("ROPE-P15", "R_mat(pq) = R_mat(q)R_mat(p)", rope.rightMatrix(pq),
                    mul(rope.rightMatrix(q), rope.rightMatrix(p)), bound);
        });
    }

    @Property
    @Tag("ROPE-P16")
    @DisplayName("ROPE-P16: L(e^p) = expm(L(p)) within 256(1+||L(p)||_1)u max(1,e^a); |e^p| = e^a; r = 0 gives e^a exactly; continuous at r = 1e-20 and across r = 2^-13 within 4u")
    public void quaternionEulerFormula() {
        qt().forAll(RopeGens.quaternions()).checkAssert(raw -> {
            double[] p = raw.clone();
            // Keep e^a finite and moderate; the imaginary part keeps its generated size.
            p[0] = Math.max(-5, Math.min(5, p[0]));
            double[] e = rope.exp(p);
            double ea = StrictMath.exp(p[0]);
            double[][] lp = rope.leftMatrix(p);
            double norm1 = MatrixExponential.norm1(lp);
            if (norm1 < 1e3) {
                closeEntrywise("ROPE-P16", "L(e^p) vs expm(L(p)) p=" + Arrays.toString(p), rope.leftMatrix(e),
                        MatrixExponential.expm(lp), 256 * (1 + norm1) * U * Math.max(1, ea));
            }
            close("ROPE-P16", "|e^p| = e^a", qnorm(e), ea, 8 * U * ea);
            assertThat(rope.exp(new double[] {p[0], 0, 0, 0})).as("ROPE-P16 r = 0").containsExactly(ea, 0, 0, 0);
        });
        double[] dir = {0.6, 0, 0.8};
        for (double a : new double[] {0, 1.5, -2}) {
            double ea = StrictMath.exp(a);
            double[] tiny = rope.exp(new double[] {a, 1e-20 * dir[0], 1e-20 * dir[1], 1e-20 * dir[2]});
            close("ROPE-P16", "r = 1e-20 real part", tiny[0], ea, 4 * U * ea);
            double edge = 0x1p-13;
            double[] below = rope.exp(new double[] {a, Math.nextDown(edge), 0, 0});
            double[] at = rope.exp(new double[] {a, edge, 0, 0});
            double[] above = rope.exp(new double[] {a, Math.nextUp(edge), 0, 0});
            closeEntrywise("ROPE-P16", "continuity below 2^-13", below, at, 4 * U * ea);
            closeEntrywise("ROPE-P16", "continuity above 2^-13", above, at, 4 * U * ea);
        }
        PropertyHarness.examples(9);
    }

    @Property
    @Tag("ROPE-P17")
    @DisplayName("ROPE-P17: parallel pure quaternions obey e^{P1}e^{P2} = e^{P1+P2}; the two counterexamples violate it by > 0.5; score witness 0.15594369476537447 vs 0.25862060375994966 (block RoPE: both 2cos1); collinear positions are relative, non-collinear ones are not (L and R_mat)")
    public void quaternionRelativityFailure() {
        qt().forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] u = {RopeGens.gaussian(r), RopeGens.gaussian(r), RopeGens.gaussian(r)};
            double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            double s1 = 4 * (2 * r.nextDouble() - 1);
            double s2 = 4 * (2 * r.nextDouble() - 1);
            double[] p1 = {0, s1 * u[0] / un, s1 * u[1] / un, s1 * u[2] / un};
            double[] p2 = {0, s2 * u[0] / un, s2 * u[1] / un, s2 * u[2] / un};
            double[] sum = {0, p1[1] + p2[1], p1[2] + p2[2], p1[3] + p2[3]};
            closeEntrywise("ROPE-P17", "parallel exponent law", rope.multiply(rope.exp(p1), rope.exp(p2)), rope.exp(sum),
                    16 * U * (1 + Math.abs(s1) + Math.abs(s2)));
            // Collinear positions (x2, y2) = lambda (x1, y1): the candidate is relative.
            double x1 = 3 * (2 * r.nextDouble() - 1);
            double y1 = 3 * (2 * r.nextDouble() - 1);
            double lambda = 2 * (2 * r.nextDouble() - 1);
            double x2 = lambda * x1;
            double y2 = lambda * y1;
            double[][] left = RopeAssert.tmul(rope.quaternionRotary(x1, y1, 1), rope.quaternionRotary(x2, y2, 1));
            closeEntrywise("ROPE-P17", "collinear relativity (" + x1 + ", " + y1 + ") x " + lambda, left,
                    rope.quaternionRotary(x2 - x1, y2 - y1, 1),
                    16 * U * (1 + Math.hypot(x1, y1) + Math.hypot(x2, y2)));
        });
        double h = Math.PI / 2;
        double[] law1 = rope.multiply(rope.exp(new double[] {0, h, 0, 0}), rope.exp(new double[] {0, 0, h, 0}));
        double[] exp1 = rope.exp(new double[] {0, h, h, 0});
        assertThat(MaxNorms.maxAbsDiff(law1, exp1)).as("ROPE-P17 e^{pi/2 i} e^{pi/2 j} vs e^{pi/2 (i+j)}").isGreaterThan(0.5);
        double[] law2 = rope.multiply(rope.exp(new double[] {0, 1, 0, 0}), rope.exp(new double[] {0, 0, 1, 0}));
        double[] exp2 = rope.exp(new double[] {0, 1, 1, 0});
        assertThat(MaxNorms.maxAbsDiff(law2, exp2)).as("ROPE-P17 e^i e^j vs e^{i+j}").isGreaterThan(0.5);
        // Score witness, theta = 1, q = k = 1: column 0 of R1^T R2 at entry 0 is Re(e^{-P1} e^{P2}).
        close("ROPE-P17", "score for offset (1,1) from (0,0)", quaternionScore(0, 0, 1, 1), 0.15594369476537447, 1e-15);
        close("ROPE-P17", "score for offset (1,1) from (1,0)", quaternionScore(1, 0, 2, 1), 0.25862060375994966, 1e-15);
        double[] q = {1, 0, 1, 0};
        double a = RopeAssert.dot(mul(rope.matrix4(0, 0, 1), q), mul(rope.matrix4(1, 1, 1), q));
        double b = RopeAssert.dot(mul(rope.matrix4(1, 0, 1), q), mul(rope.matrix4(2, 1, 1), q));
        close("ROPE-P17", "block RoPE witness from (0,0)", a, 1.0806046117362795, 1e-15);
        close("ROPE-P17", "block RoPE witness from (1,0)", b, 1.0806046117362795, 1e-15);
        // Erratum 7: the right-multiplication version fails relativity off collinear positions as well.
        double[][] rightLeft = RopeAssert.tmul(rope.rightMatrix(rope.exp(new double[] {0, 1, 0, 0})),
                rope.rightMatrix(rope.exp(new double[] {0, 2, 1, 0})));
        double[][] rightRel = rope.rightMatrix(rope.exp(new double[] {0, 1, 1, 0}));
        assertThat(MaxNorms.maxAbsDiff(rightLeft, rightRel)).as("ROPE-P17 R_mat candidate is not relative").isGreaterThan(0.1);
        PropertyHarness.examples(6);
    }

    private double quaternionScore(double x1, double y1, double x2, double y2) {
        double[] one = {1, 0, 0, 0};
        return RopeAssert.dot(mul(rope.quaternionRotary(x1, y1, 1), one), mul(rope.quaternionRotary(x2, y2, 1), one));
    }
}
