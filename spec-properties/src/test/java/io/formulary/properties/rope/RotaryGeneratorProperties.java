package io.formulary.properties.rope;

import io.formulary.properties.MaxNorms;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import io.formulary.core.rope.RotaryGenerators;
import io.formulary.core.rope.RotaryGenerators.GeneratorPair;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.rope.RopeAssert.U;
import static io.formulary.properties.rope.RopeAssert.add;
import static io.formulary.properties.rope.RopeAssert.close;
import static io.formulary.properties.rope.RopeAssert.closeEntrywise;
import static io.formulary.properties.rope.RopeAssert.frobenius;
import static io.formulary.properties.rope.RopeAssert.identity;
import static io.formulary.properties.MaxNorms.maxAbs;
import static io.formulary.properties.rope.RopeAssert.mul;
import static io.formulary.properties.rope.RopeAssert.scale;
import static io.formulary.properties.rope.RopeAssert.tmul;
import static io.formulary.properties.rope.RopeAssert.transpose;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the matrix-exponential derivation (ROPE-P6, P18..P22). */
public class RotaryGeneratorProperties {

    private RopeContract rope = Subjects.of(RopeContract.class, ReferenceRope::new);

    /** The properties against the configured subject (the reference by default). */
    public RotaryGeneratorProperties() {
    }

    /** The properties against another subject (mutant tests); a factory, since JUnit needs a single constructor. */
    public static RotaryGeneratorProperties against(RopeContract subject) {
        RotaryGeneratorProperties p = new RotaryGeneratorProperties();
        p.rope = subject;
        return p;
    }

    static double f22(double norm1) {
        return 256 * (1 + norm1) * U;
    }

    private double[][] commutator(double[][] a, double[][] b) {
        return add(mul(a, b), mul(b, a), -1);
    }

    @Property
    @Tag("ROPE-P6")
    @DisplayName("ROPE-P6: expm(nG) = R_n within 256(1+|n| max theta)u (d <= 64, n up to 1e6); expm(theta(xB1+yB2)) = F6; expm(x G_x + y G_y) = F7 (d = 8); det expm(A) = e^{tr A}; expm is the series and solves x' = Ax")
    public void matrixExponentialCrossCheck() {
        for (int d : new int[] {2, 4, 8, 16, 32, 64}) {
            double[][] g = RotaryEmbedding.generator(d, 1e4);
            for (double n : new double[] {0.5, 3, 100.25, 1e4, 1e6}) {
                double[][] e = rope.expm(scale(g, n));
                double err = MaxNorms.maxAbsDiff(e, rope.matrix(d, n, 1e4, Layout.INTERLEAVED, PhaseMode.EXACT));
                double bound = f22(Math.abs(n));
                AccuracyLog.record("ROPE-F22", "expm(nG) vs R_n, d=" + d + ", n=" + n, "absolute", err, bound,
                        "closed form, exact phases");
                close("ROPE-P6", "expm(nG) vs R_n (d=" + d + ", n=" + n + ")", err, 0, bound);
            }
        }
        PropertyHarness.examples(30);
        qt(PropertyPolicy.examples(0.25)).forAll(RopeGens.dimsMatrix(), RopeGens.positions(), RopeGens.positionPairs())
                .checkAssert((d, n, xy) -> {
                    double[][] e = rope.expm(scale(RotaryEmbedding.generator(d, 1e4), n));
                    closeEntrywise("ROPE-P6", "expm(nG) vs R_n (d=" + d + ", n=" + n + ")", e,
                            rope.matrix(d, n, 1e4, Layout.INTERLEAVED, PhaseMode.EXACT), f22(Math.abs(n)));
                    double theta = 0.37;
                    GeneratorPair simplest = RotaryGenerators.family4(1, 0, 0, 1);
                    double[][] a = add(scale(simplest.b1(), theta * xy[0]), simplest.b2(), theta * xy[1]);
                    closeEntrywise("ROPE-P6", "expm(theta(xB1+yB2)) vs F6 " + java.util.Arrays.toString(xy), rope.expm(a),
                            rope.matrix4(xy[0], xy[1], theta), f22(MatrixExponential.norm1(a)));
                    double[][] gx = RotaryEmbedding2d.axisGenerator(8, 2, 0, 1e4);
                    double[][] gy = RotaryEmbedding2d.axisGenerator(8, 2, 1, 1e4);
                    double[][] b = add(scale(gx, xy[0]), gy, xy[1]);
                    closeEntrywise("ROPE-P6", "expm(x Gx + y Gy) vs F7 d=8", rope.expm(b),
                            rope.matrix2d(8, xy[0], xy[1], 1e4, AxisAssignment.AXIS_SPLIT), f22(MatrixExponential.norm1(b)));
                });
        qt(PropertyPolicy.examples(0.25)).forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] a = new double[4][4];
            double tr = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    a[i][j] = 2 * r.nextDouble() - 1;
                }
                tr += a[i][i];
            }
            double[][] e = rope.expm(a);
            double etr = StrictMath.exp(tr);
            close("ROPE-P6", "det expm(A) vs e^tr A", DenseLinearAlgebra.determinant(e, "e"), etr, 1e-13 * etr);
            // F15: the series, summed to 30 terms (||A|| <= 4, so the tail is below 1e-16 of the sum's scale).
            double[][] series = identity(4);
            double[][] term = identity(4);
            for (int k = 1; k <= 30; k++) {
                term = scale(mul(term, a), 1.0 / k);
                series = add(series, term, 1);
            }
            closeEntrywise("ROPE-P6", "expm(A) vs its power series", e, series, 1e-13 * Math.max(1, maxAbs(series)));
            // F15: x_t = exp(tA) x0 solves x' = A x (central difference in t).
            double t = r.nextDouble();
            double h = 1e-5;
            double[] x0 = {RopeGens.gaussian(r), RopeGens.gaussian(r), RopeGens.gaussian(r), RopeGens.gaussian(r)};
            double[] plus = mul(rope.expm(scale(a, t + h)), x0);
            double[] minus = mul(rope.expm(scale(a, t - h)), x0);
            double[] ax = mul(a, mul(rope.expm(scale(a, t)), x0));
            double[] diff = new double[4];
            for (int i = 0; i < 4; i++) {
                diff[i] = (plus[i] - minus[i]) / (2 * h);
            }
            closeEntrywise("ROPE-P6", "d/dt exp(tA)x0 vs A exp(tA) x0", diff, ax, 1e-6 * (1 + RopeAssert.norm(ax)));
        });
    }

    @Property
    @Tag("ROPE-P18")
    @DisplayName("ROPE-P18: commuting pairs obey e^A e^B = e^{A+B}; the so(3) 120-degree witness gives e^A e^B = e^{A+B} = I within 1e-13 with ||[A,B]|| > 30; the BCH ratio is within 2s of 1 for s in {1e-1, 1e-2, 1e-3}")
    public void exponentLaws() {
        qt(PropertyPolicy.examples(0.5)).forAll(RopeGens.dimsMatrix(), RopeGens.seeds()).checkAssert((d, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] a = new double[d][d];
            double[][] b = new double[d][d];
            for (int i = 0; i < d / 2; i++) {
                double alpha = 10 * (2 * r.nextDouble() - 1);
                double beta = 10 * (2 * r.nextDouble() - 1);
                a[2 * i][2 * i + 1] = -alpha;
                a[2 * i + 1][2 * i] = alpha;
                b[2 * i][2 * i + 1] = -beta;
                b[2 * i + 1][2 * i] = beta;
            }
            double[][] defect = rope.exponentLawDefect(a, b);
            close("ROPE-P18", "commuting product law (d=" + d + ")", maxAbs(defect), 0,
                    3 * f22(MatrixExponential.norm1(a) + MatrixExponential.norm1(b)));
        });
        double twoPi = 2 * Math.PI;
        double[][] a = scale(RotaryGenerators.crossMatrix(new double[] {1, 0, 0}), twoPi);
        double[][] b = scale(RotaryGenerators.crossMatrix(new double[] {-0.5, Math.sqrt(3) / 2, 0}), twoPi);
        assertThat(maxAbs(commutator(a, b))).as("ROPE-P18 so(3) witness commutator").isGreaterThan(30);
        close("ROPE-P18", "so(3) witness: e^A e^B - e^{A+B}", maxAbs(rope.exponentLawDefect(a, b)), 0, 1e-13);
        closeEntrywise("ROPE-P18", "so(3) witness: e^{A+B} = I", rope.expm(add(a, b, 1)), identity(3), 1e-13);
        qt(PropertyPolicy.examples(0.25)).forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] la;
            double[][] lb;
            do {
                la = RotaryGenerators.crossMatrix(new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)});
                lb = RotaryGenerators.crossMatrix(new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)});
            } while (!(frobenius(commutator(la, lb)) >= 0.1 * frobenius(la) * frobenius(lb)));
            double comm = frobenius(commutator(la, lb));
            for (double s : new double[] {1e-1, 1e-2, 1e-3}) {
                double ratio = frobenius(rope.exponentLawDefect(scale(la, s), scale(lb, s))) / (s * s / 2 * comm);
                close("ROPE-P18", "BCH ratio at s=" + s, ratio, 1, 2 * s);
            }
        });
    }

    @Property
    @Tag("ROPE-P19")
    @DisplayName("ROPE-P19: exp(mB)^T exp(nB) = exp((n-m)B) and orthogonality for skew B (n <= 16); a symmetric part breaks relativity by > 1e-4; (O^m)^T O^n = O^{n-m} for det O = -1 at integer m, n within 64 n_O (|m|+|n|+1)u")
    public void oneDimensionalGeneralSolution() {
        qt(PropertyPolicy.examples(0.5)).forAll(Generate.range(2, 16), RopeGens.positions(20), RopeGens.positions(20), RopeGens.seeds())
                .checkAssert((k, m, n, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    double[][] b = RopeGens.skew(k, 1, r);
                    double[][] em = rope.exponentialRotary(b, m);
                    double[][] en = rope.exponentialRotary(b, n);
                    double norm = MatrixExponential.norm1(b) * (Math.abs(m) + Math.abs(n) + Math.abs(n - m));
                    closeEntrywise("ROPE-P19", "skew relativity (k=" + k + ", m=" + m + ", n=" + n + ")", tmul(em, en),
                            rope.exponentialRotary(b, n - m), 2 * f22(norm));
                    closeEntrywise("ROPE-P19", "orthogonality", tmul(en, en), identity(k), 2 * f22(norm));
                    double[][] sym = new double[k][k];
                    for (int i = 0; i < k; i++) {
                        for (int j = i; j < k; j++) {
                            sym[i][j] = 0.1 * (2 * r.nextDouble() - 1);
                            sym[j][i] = sym[i][j];
                        }
                    }
                    sym[0][0] = 0.1;
                    double[][] nonSkew = add(b, sym, 1);
                    double[][] e1 = rope.exponentialRotary(nonSkew, 1);
                    assertThat(MaxNorms.maxAbsDiff(tmul(e1, e1), identity(k)))
                            .as("ROPE-P19 non-skew B breaks relativity at m = n = 1 (k=%d)", k).isGreaterThan(1e-4);
                    int no = 2 + r.nextInt(15);
                    double[][] o = RopeGens.orthogonal(no, r, -1);
                    int mi = r.nextInt(-20, 21);
                    int ni = r.nextInt(-20, 21);
                    closeEntrywise("ROPE-P19", "O^m, O^n with det O = -1 (n_O=" + no + ", m=" + mi + ", n=" + ni + ")",
                            tmul(power(o, mi), power(o, ni)), power(o, ni - mi), 64.0 * no * (Math.abs(mi) + Math.abs(ni) + 1) * U);
                });
    }

    /** {@code O^n} by repeated multiplication; negative powers use {@code O^T}. */
    static double[][] power(double[][] o, int n) {
        double[][] base = n < 0 ? transpose(o) : o;
        double[][] p = identity(o.length);
        for (int i = 0; i < Math.abs(n); i++) {
            p = mul(p, base);
        }
        return p;
    }

    @Property
    @Tag("ROPE-P20")
    @DisplayName("ROPE-P20: commuting skew pairs Q diag(aJ, bJ) Q^T give 2-D relativity; non-commuting skew pairs violate it at (-1,0,0,1) by > 1e-7; for skew pairs B1 B2^T = B2^T B1 iff B1 B2 = B2 B1")
    public void twoDimensionalConstraints() {
        qt(PropertyPolicy.examples(0.5)).forAll(RopeGens.seeds(), RopeGens.positionPairs()).checkAssert((seed, xy) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] q = RopeGens.orthogonal(4, r, 1);
            double[][] d1 = blockDiag(r.nextDouble(-1, 1), r.nextDouble(-1, 1));
            double[][] d2 = blockDiag(r.nextDouble(-1, 1), r.nextDouble(-1, 1));
            double[][] b1 = mul(mul(q, d1), transpose(q));
            double[][] b2 = mul(mul(q, d2), transpose(q));
            double x1 = xy[0] / 1e4;
            double y1 = xy[1] / 1e4;
            double x2 = r.nextInt(-100, 101);
            double y2 = r.nextInt(-100, 101);
            double[][] left = tmul(RotaryGenerators.exponentialRotary2d(b1, b2, x1, y1),
                    RotaryGenerators.exponentialRotary2d(b1, b2, x2, y2));
            double norm = (MatrixExponential.norm1(b1) + MatrixExponential.norm1(b2))
                    * (Math.abs(x1) + Math.abs(y1) + Math.abs(x2) + Math.abs(y2) + Math.abs(x2 - x1) + Math.abs(y2 - y1));
            closeEntrywise("ROPE-P20", "commuting pair relativity", left,
                    RotaryGenerators.exponentialRotary2d(b1, b2, x2 - x1, y2 - y1), 4 * f22(norm));
            double[] res = rope.constraintResiduals(b1, b2);
            close("ROPE-P20", "commutation residual of a commuting pair", res[2], 0, 1e-14);

            double[][] n1 = RopeGens.skew(4, 0.5, r);
            double[][] n2 = RopeGens.skew(4, 0.5, r);
            double comm = frobenius(commutator(n1, n2));
            if (comm >= 1e-3) {
                PropertyHarness.regime("non-commuting pair");
                double[][] witness = tmul(RotaryGenerators.exponentialRotary2d(n1, n2, -1, 0),
                        RotaryGenerators.exponentialRotary2d(n1, n2, 0, 1));
                assertThat(MaxNorms.maxAbsDiff(witness, RotaryGenerators.exponentialRotary2d(n1, n2, 1, 1)))
                        .as("ROPE-P20 non-commuting pair (||[B1,B2]|| = %s) violates relativity", comm).isGreaterThan(1e-7);
            }
            double[] nres = rope.constraintResiduals(n1, n2);
            assertThat(nres[0]).as("ROPE-P20 skew residual of B1").isZero();
            assertThat(nres[1]).as("ROPE-P20 skew residual of B2").isZero();
            close("ROPE-P20", "B1 B2^T - B2^T B1 vs [B1, B2] for skew pairs", nres[2], comm, 4 * U * comm + 1e-300);
            assertThat(nres[2] == 0).as("ROPE-P20 iff").isEqualTo(comm == 0);
        });
    }

    static double[][] blockDiag(double alpha, double beta) {
        return new double[][] {{0, -alpha, 0, 0}, {alpha, 0, 0, 0}, {0, 0, 0, -beta}, {0, 0, beta, 0}};
    }

    @Property
    @Tag("ROPE-P21")
    @DisplayName("ROPE-P21: the 3x3 commutator formula holds within 4u|a|(|b|+|c|); its norm exceeds |a|(|b|+|c|)/2 when |b|+|c| > 1e-3; [L_u, L_v] = L_{u x v}")
    public void noThreeByThreeSolution() {
        qt().forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double a = (r.nextBoolean() ? 1 : -1) * r.nextDouble(0.01, 10);
            double b = r.nextDouble(-10, 10);
            double c = r.nextDouble(-10, 10);
            if (r.nextInt(5) == 0) {
                PropertyHarness.regime("small (b, c)");
                b *= 1e-3;
                c *= 1e-3;
            }
            double[][] closed = rope.commutator3(a, b, c);
            double[][] generic = commutator(RotaryGenerators.skew3(a, 0, 0), RotaryGenerators.skew3(0, b, c));
            closeEntrywise("ROPE-P21", "closed form vs AB - BA", closed, generic, 4 * U * Math.abs(a) * (Math.abs(b) + Math.abs(c)));
            if (Math.abs(b) + Math.abs(c) > 1e-3) {
                assertThat(frobenius(closed)).as("ROPE-P21 ||[B1,B2]|| for a=%s b=%s c=%s", a, b, c)
                        .isGreaterThan(Math.abs(a) * (Math.abs(b) + Math.abs(c)) / 2);
            }
            double[] u = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            double[] v = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            double[] uxv = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
            closeEntrywise("ROPE-P21", "[L_u, L_v] vs L_{u x v}",
                    commutator(RotaryGenerators.crossMatrix(u), RotaryGenerators.crossMatrix(v)),
                    RotaryGenerators.crossMatrix(uxv), 8 * U);
            // B(a, b, c) = L_w with w = (c, -b, a).
            assertThat(RotaryGenerators.skew3(a, b, c)).as("ROPE-P21 B(a,b,c) = L_(c,-b,a)")
                    .isDeepEqualTo(RotaryGenerators.crossMatrix(new double[] {c, -b, a}));
        });
    }

    @Property
    @Tag("ROPE-P22")
    @DisplayName("ROPE-P22: on the 4x4 family [B1,B2] and B1B2 vanish within 1e-14; off it by delta the commutator is >= |a| delta/2; spectra sigma and f sigma/a; exp(xB1+yB2) is relative; the simplest member is F6 with exact zeros")
    public void fourByFourFamily() {
        qt(PropertyPolicy.examples(0.5)).forAll(RopeGens.seeds(), RopeGens.positionPairs()).checkAssert((seed, xy) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double a = r.nextDouble(0.5, 2);
            double b = r.nextDouble(-2, 2);
            double c = r.nextDouble(-2, 2);
            double f = r.nextDouble(-2, 2);
            GeneratorPair pair = rope.family4(a, b, c, f);
            double[][] b1 = pair.b1();
            double[][] b2 = pair.b2();
            close("ROPE-P22", "||[B1,B2]|| on the family", maxAbs(commutator(b1, b2)), 0, 1e-14);
            close("ROPE-P22", "B1 B2 on the family", maxAbs(mul(b1, b2)), 0, 1e-14);
            double delta = StrictMath.exp(r.nextDouble(StrictMath.log(1e-6), 0));
            double[][] off = RotaryGenerators.skew4(0, 0, 0, b2[3][0] + delta, b2[3][1], b2[3][2]);
            assertThat(maxAbs(commutator(b1, off))).as("ROPE-P22 off the family by %s", delta).isGreaterThanOrEqualTo(a * delta / 2);
            double sigma = Math.sqrt(a * a + b * b + c * c);
            double sigma2 = f * sigma / a;
            double[] ev1 = DenseLinearAlgebra.symmetricEigen(mul(b1, b1), "b1^2").values();
            double[] ev2 = DenseLinearAlgebra.symmetricEigen(mul(b2, b2), "b2^2").values();
            double[] want1 = {-sigma * sigma, -sigma * sigma, 0, 0};
            double[] want2 = {-sigma2 * sigma2, -sigma2 * sigma2, 0, 0};
            closeEntrywise("ROPE-P22", "spectrum of B1 (+-i sigma, 0, 0)", ev1, want1, 1e-13 * (1 + sigma * sigma));
            closeEntrywise("ROPE-P22", "spectrum of B2 (+-i f sigma / a, 0, 0)", ev2, want2, 1e-13 * (1 + sigma2 * sigma2));
            double x1 = xy[0] / 1e5;
            double y1 = xy[1] / 1e5;
            double x2 = r.nextInt(-30, 31);
            double y2 = r.nextInt(-30, 31);
            double norm = (MatrixExponential.norm1(b1) + MatrixExponential.norm1(b2))
                    * (Math.abs(x1) + Math.abs(y1) + Math.abs(x2) + Math.abs(y2) + Math.abs(x2 - x1) + Math.abs(y2 - y1));
            closeEntrywise("ROPE-P22", "family relativity", tmul(RotaryGenerators.exponentialRotary2d(b1, b2, x1, y1),
                    RotaryGenerators.exponentialRotary2d(b1, b2, x2, y2)),
                    RotaryGenerators.exponentialRotary2d(b1, b2, x2 - x1, y2 - y1), 4 * f22(norm));
        });
        GeneratorPair simplest = rope.family4(1, 0, 0, 1);
        for (double[] xy : List.of(new double[] {3, -2.5}, new double[] {0.25, 7}, new double[] {-100, 40})) {
            double theta = 0.3;
            double[][] e = rope.expm(add(scale(simplest.b1(), theta * xy[0]), simplest.b2(), theta * xy[1]));
            double[][] f6 = rope.matrix4(xy[0], xy[1], theta);
            closeEntrywise("ROPE-P22", "simplest member vs F6", e, f6, f22(theta * (Math.abs(xy[0]) + Math.abs(xy[1]))));
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    if (i / 2 != j / 2) {
                        assertThat(e[i][j]).as("ROPE-P22 off-block zero [%d][%d] is exact", i, j).isZero();
                    }
                }
            }
        }
        PropertyHarness.examples(3);
    }
}
