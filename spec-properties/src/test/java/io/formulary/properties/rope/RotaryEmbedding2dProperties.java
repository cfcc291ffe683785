package io.formulary.properties.rope;

import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PositionRecovery;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.generators.Generate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.rope.RopeAssert.U;
import static io.formulary.properties.rope.RopeAssert.close;
import static io.formulary.properties.rope.RopeAssert.closeEntrywise;
import static io.formulary.properties.rope.RopeAssert.dot;
import static io.formulary.properties.rope.RopeAssert.norm;
import static io.formulary.properties.rope.RopeAssert.tmul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of 2-D and N-D RoPE, position recovery and aliasing (ROPE-P7..P12). */
public class RotaryEmbedding2dProperties {

    private RopeContract rope = Subjects.of(RopeContract.class, ReferenceRope::new);

    /** The properties against the configured subject (the reference by default). */
    public RotaryEmbedding2dProperties() {
    }

    /** The properties against another subject (mutant tests); a factory, since JUnit needs a single constructor. */
    public static RotaryEmbedding2dProperties against(RopeContract subject) {
        RotaryEmbedding2dProperties p = new RotaryEmbedding2dProperties();
        p.rope = subject;
        return p;
    }

    /** F23 for 2-D: |m| + |n| replaced by |x1| + |x2| + |y1| + |y2|, |n - m| by |x2 - x1| + |y2 - y1|. */
    static double tau2d(double x1, double y1, double x2, double y2, int d, double base, double qNorm, double kNorm) {
        double positions = Math.abs(x1) + Math.abs(x2) + Math.abs(y1) + Math.abs(y2) + Math.abs(x2 - x1) + Math.abs(y2 - y1);
        return 2 * ((StrictMath.log(base) + 3) * U * positions + 8.0 * d * U) * qNorm * kNorm;
    }

    @Property
    @Tag("ROPE-P7")
    @DisplayName("ROPE-P7: R_{x1,y1}^T R_{x2,y2} = R_{x2-x1,y2-y1} (d in {4,8,16,64}) and the score identity for AXIS_SPLIT, AXIS_INTERLEAVED (= Pi R Pi^T) and SECTIONED within tau_s")
    public void twoDimensionalRelativity() {
        qt(PropertyPolicy.examples(0.5)).forAll(Generate.pick(java.util.List.of(4, 8, 16, 64)), RopeGens.bases(),
                RopeGens.positionPairs(), RopeGens.positionPairs()).checkAssert((d, base, p1, p2) -> {
                    for (AxisAssignment variant : AxisAssignment.values()) {
                        double[][] left = tmul(rope.matrix2d(d, p1[0], p1[1], base, variant),
                                rope.matrix2d(d, p2[0], p2[1], base, variant));
                        double[][] right = rope.matrix2d(d, p2[0] - p1[0], p2[1] - p1[1], base, variant);
                        closeEntrywise("ROPE-P7", "matrix relativity " + variant + " d=" + d + " base=" + base + " "
                                + Arrays.toString(p1) + " -> " + Arrays.toString(p2), left, right,
                                tau2d(p1[0], p1[1], p2[0], p2[1], d, base, 1, 1));
                    }
                });
        // d up to 4096 with exact phases in five layouts: a quarter of the configured examples keeps this under seconds.
        qt(PropertyPolicy.examples(0.25)).forAll(RopeGens.cases2d(RopeGens.dims2()), RopeGens.seeds()).checkAssert((c, seed) -> {
            double nq = norm(c.q());
            double nk = norm(c.k());
            double tau = tau2d(c.x1(), c.y1(), c.x2(), c.y2(), c.d(), c.base(), nq, nk);
            double dx = c.x2() - c.x1();
            double dy = c.y2() - c.y1();
            for (AxisAssignment variant : AxisAssignment.values()) {
                double absolute = dot(rope.rotate2d(c.q(), c.x1(), c.y1(), c.base(), variant),
                        rope.rotate2d(c.k(), c.x2(), c.y2(), c.base(), variant));
                double relative = dot(c.q(), rope.rotate2d(c.k(), dx, dy, c.base(), variant));
                close("ROPE-P7", "score identity " + variant + " " + c, absolute, relative, tau);
            }
            // AXIS_INTERLEAVED = Pi AXIS_SPLIT Pi^T, bit for bit (same phases, permuted pairs).
            int[] order = RotaryEmbedding2d.axisInterleavedOrder(c.d());
            double[] inverse = new double[c.d()];
            for (int j = 0; j < c.d(); j++) {
                inverse[order[j]] = c.q()[j];
            }
            assertThat(rope.rotate2d(c.q(), c.x1(), c.y1(), c.base(), AxisAssignment.AXIS_INTERLEAVED))
                    .as("ROPE-P7 AXIS_INTERLEAVED = Pi R^split Pi^T " + c)
                    .containsExactly(RopeAssert.permute(rope.rotate2d(inverse, c.x1(), c.y1(), c.base(), AxisAssignment.AXIS_SPLIT), order));
            // SECTIONED: random contiguous sections of the d/2 pairs for (x, y).
            int first = new SplittableRandom(seed).nextInt(0, c.d() / 2 + 1);
            int[] sections = {first, c.d() / 2 - first};
            for (Layout layout : Layout.values()) {
                double absolute = dot(rope.rotateSectioned(c.q(), new double[] {c.x1(), c.y1()}, sections, c.base(), layout),
                        rope.rotateSectioned(c.k(), new double[] {c.x2(), c.y2()}, sections, c.base(), layout));
                double relative = dot(c.q(), rope.rotateSectioned(c.k(), new double[] {dx, dy}, sections, c.base(), layout));
                close("ROPE-P7", "SECTIONED " + Arrays.toString(sections) + " " + layout + " " + c, absolute, relative, tau);
                // Round-robin sections (pair i driven by axis i mod 2), Qwen3-VL style.
                double rrAbsolute = dot(RotaryEmbedding2d.rotateRoundRobin(c.q(), new double[] {c.x1(), c.y1()}, c.base(), layout),
                        RotaryEmbedding2d.rotateRoundRobin(c.k(), new double[] {c.x2(), c.y2()}, c.base(), layout));
                double rrRelative = dot(c.q(), RotaryEmbedding2d.rotateRoundRobin(c.k(), new double[] {dx, dy}, c.base(), layout));
                close("ROPE-P7", "SECTIONED round-robin " + layout + " " + c, rrAbsolute, rrRelative, tau);
            }
        });
    }

    @Property
    @Tag("ROPE-P8")
    @DisplayName("ROPE-P8: single-theta recovery within 8 pi u/|theta| for |x theta| < pi(1-1e-9); schedule recovery within 8u max(1,|x|) for |x| < 0.99 pi/omega_min (c in {4,8,32,64}), both axes; perturbed matrices are rejected")
    public void invertibilityRoundTrip() {
        qt().forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double theta = (r.nextBoolean() ? 1 : -1) * StrictMath.exp(r.nextDouble(-7, 7));
            double window = Math.PI * (1 - 1e-9) / Math.abs(theta);
            double x = window * (2 * r.nextDouble() - 1);
            double y = window * (2 * r.nextDouble() - 1);
            double[] rec = rope.recoverSingle(rope.matrix4(x, y, theta), theta, PositionRecovery.DEFAULT_TAU);
            double bound = 8 * Math.PI * U / Math.abs(theta);
            close("ROPE-P8", "single theta=" + theta + " x", rec[0], x, bound);
            close("ROPE-P8", "single theta=" + theta + " y", rec[1], y, bound);

            int c = new int[] {4, 8, 32, 64}[r.nextInt(4)];
            double base = 1e4;
            double omegaMin = StrictMath.pow(base, -(2.0 * (c / 2 - 1)) / c);
            double limit = 0.99 * Math.PI / omegaMin;
            double xs = limit * (2 * r.nextDouble() - 1);
            double ys = r.nextInt(4) == 0 ? Math.rint(xs) : limit * (2 * r.nextDouble() - 1);
            if (Math.abs(xs) > 0.9 * limit) {
                PropertyHarness.regime("near the unambiguous limit");
            }
            double[][] m = rope.matrix2d(2 * c, xs, ys, base, AxisAssignment.AXIS_SPLIT);
            double[] got = rope.recover2d(m, base, PositionRecovery.DEFAULT_TAU);
            close("ROPE-P8", "schedule c=" + c + " x", got[0], xs, 8 * U * Math.max(1, Math.abs(xs)));
            close("ROPE-P8", "schedule c=" + c + " y", got[1], ys, 8 * U * Math.max(1, Math.abs(ys)));
            // SECTIONED is invertible only if every axis owns a pair: with sections (d/2, 0) y has no effect at all.
            double[] probe = RopeGens.vector(2 * c, r);
            assertThat(rope.rotateSectioned(probe, new double[] {xs, ys}, new int[] {c, 0}, base, Layout.INTERLEAVED))
                    .as("ROPE-P8 an axis without pairs cannot be recovered")
                    .containsExactly(rope.rotateSectioned(probe, new double[] {xs, ys + 1}, new int[] {c, 0}, base, Layout.INTERLEAVED));
            // Structure check: one entry changed by 1e-6 is not a rotary matrix.
            int i = r.nextInt(2 * c);
            int j = r.nextInt(2 * c);
            m[i][j] += 1e-6;
            assertThatThrownBy(() -> rope.recover2d(m, base, PositionRecovery.DEFAULT_TAU))
                    .as("ROPE-P8 perturbed entry [%d][%d] must be rejected", i, j)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("r: ");
        });
    }

    @Property
    @Tag("ROPE-P9")
    @DisplayName("ROPE-P9: R_{x+2pi/theta,y} = R_{x,y} within 8(1+|x theta|+2pi)u; recovering x0 + 2pi/theta returns x0 within 32 pi u/|theta| (the sawtooth); multi-frequency recovery at x = 20000, c = 32 throws")
    public void aliasing() {
        qt().forAll(RopeGens.seeds()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double theta = (r.nextBoolean() ? 1 : -1) * StrictMath.exp(r.nextDouble(-5, 5));
            double period = 2 * Math.PI / theta;
            double x0 = Math.PI * (1 - 1e-9) / Math.abs(theta) * (2 * r.nextDouble() - 1);
            double y = RopeGens.position(r.nextLong());
            double[][] shifted = rope.matrix4(x0 + period, y, theta);
            closeEntrywise("ROPE-P9", "R_{x+2pi/theta,y} vs R_{x,y} (theta=" + theta + ", x=" + x0 + ")", shifted,
                    rope.matrix4(x0, y, theta), 8 * (1 + Math.abs(x0 * theta) + 2 * Math.PI) * U);
            double[] rec = rope.recoverSingle(rope.matrix4(x0 + period, 0, theta), theta, PositionRecovery.DEFAULT_TAU);
            close("ROPE-P9", "recovery of x0 + 2pi/theta (theta=" + theta + ")", rec[0], x0, 32 * Math.PI * U / Math.abs(theta));
        });
        double[][] far = rope.matrix2d(64, 20000, 0, 1e4, AxisAssignment.AXIS_SPLIT);
        assertThatThrownBy(() -> rope.recover2d(far, 1e4, PositionRecovery.DEFAULT_TAU))
                .as("ROPE-P9 x = 20000 with c = 32 is outside the unambiguous range 17666.47")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position outside unambiguous range abs(x) < pi/omega_min");
    }

    @Property
    @Tag("ROPE-P10")
    @DisplayName("ROPE-P10: the sum form R((x+y)theta) is relative, R^sum_{x+t,y-t} = R^sum_{x,y} within 8(1+|x|+|y|+|t|)u, and no inverse is offered for it")
    public void lossySumForm() {
        qt().forAll(RopeGens.positionPairs(), RopeGens.positionPairs(), RopeGens.positions(10_000)).checkAssert((p1, p2, t) -> {
            double theta = 0.01;
            double[][] left = tmul(rope.sumFormMatrix(p1[0], p1[1], theta), rope.sumFormMatrix(p2[0], p2[1], theta));
            closeEntrywise("ROPE-P10", "sum-form relativity " + Arrays.toString(p1) + " -> " + Arrays.toString(p2), left,
                    rope.sumFormMatrix(p2[0] - p1[0], p2[1] - p1[1], theta),
                    tau2d(p1[0], p1[1], p2[0], p2[1], 2, 1e4, 1, 1));
            closeEntrywise("ROPE-P10", "sum form along (t, -t), t=" + t, rope.sumFormMatrix(p1[0] + t, p1[1] - t, theta),
                    rope.sumFormMatrix(p1[0], p1[1], theta), 8 * (1 + Math.abs(p1[0]) + Math.abs(p1[1]) + Math.abs(t)) * U);
        });
        for (Class<?> c : new Class<?>[] {PositionRecovery.class, RotaryEmbedding2d.class}) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    assertThat(m.getName().toLowerCase(java.util.Locale.ROOT).contains("sum") && m.getName().startsWith("recover"))
                            .as("ROPE-P10 no inverse of the sum form: %s", m).isFalse();
                }
            }
        }
    }

    @Property
    @Tag("ROPE-P11")
    @DisplayName("ROPE-P11: the flattened index steps by w and 1 exactly; AXIS_SPLIT is symmetric under swapping the axes within 4du||q||||k||; 1-D RoPE on the flattened index is not (2.0004805669631939 vs 7.070511943125745)")
    public void flatteningVersusTwoDimensional() {
        qt().forAll(Generate.range(1, 4096), Generate.range(1, 4096), RopeGens.seeds()).checkAssert((h, w, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double x = r.nextInt(0, h - 1 + 1);
            double y = r.nextInt(0, w);
            double l = rope.flattenIndex(x, y, w);
            if (x + 1 < h) {
                assertThat(rope.flattenIndex(x + 1, y, w) - l).as("ROPE-P11 row step (h=%d, w=%d)", h, w).isEqualTo((double) w);
            }
            if (y + 1 < w) {
                assertThat(rope.flattenIndex(x, y + 1, w) - l).as("ROPE-P11 column step (h=%d, w=%d)", h, w).isEqualTo(1.0);
            }
        });
        qt().forAll(RopeGens.cases2d(RopeGens.dims2())).checkAssert(c -> {
            int half = c.d() / 2;
            double[] qs = swapHalves(c.q(), half);
            double[] ks = swapHalves(c.k(), half);
            double delta = c.x2() - c.x1();
            double a = dot(rope.rotate2d(c.q(), 0, 0, c.base(), AxisAssignment.AXIS_SPLIT),
                    rope.rotate2d(c.k(), delta, 0, c.base(), AxisAssignment.AXIS_SPLIT));
            double b = dot(rope.rotate2d(qs, 0, 0, c.base(), AxisAssignment.AXIS_SPLIT),
                    rope.rotate2d(ks, 0, delta, c.base(), AxisAssignment.AXIS_SPLIT));
            close("ROPE-P11", "axis symmetry " + c, a, b, 4 * c.d() * U * norm(c.q()) * norm(c.k()));
        });
        double[] ones = new double[8];
        Arrays.fill(ones, 1);
        double rowStep = rope.score(ones, ones, rope.flattenIndex(0, 0, 16), rope.flattenIndex(1, 0, 16), 1e4);
        double colStep = rope.score(ones, ones, rope.flattenIndex(0, 0, 16), rope.flattenIndex(0, 1, 16), 1e4);
        close("ROPE-P11", "flattened offset (1,0)", rowStep, 2.0004805669631939, 1e-14);
        close("ROPE-P11", "flattened offset (0,1)", colStep, 7.070511943125745, 1e-14);
        double twoDx = dot(ones, rope.rotate2d(ones, 1, 0, 1e4, AxisAssignment.AXIS_SPLIT));
        double twoDy = dot(ones, rope.rotate2d(ones, 0, 1, 1e4, AxisAssignment.AXIS_SPLIT));
        close("ROPE-P11", "2-D offsets (1,0) and (0,1) score alike", twoDx, twoDy, 32 * U * 8);
    }

    static double[] swapHalves(double[] v, int half) {
        double[] s = new double[v.length];
        System.arraycopy(v, half, s, 0, half);
        System.arraycopy(v, 0, s, half, half);
        return s;
    }

    @Property
    @Tag("ROPE-P12")
    @DisplayName("ROPE-P12: N-D RoPE (N in {3,4}) is relative, round-trips each axis, and changing one axis leaves the other chunks bit-identical")
    public void nDimensional() {
        qt().forAll(RopeGens.dimsN(), RopeGens.seeds()).checkAssert((nd, seed) -> {
            int axes = nd[0];
            int d = nd[1];
            int c = d / axes;
            SplittableRandom r = new SplittableRandom(seed);
            double base = 1e4;
            double omegaMin = StrictMath.pow(base, -(2.0 * (c / 2 - 1)) / c);
            double limit = (c == 2 ? 1 : 0.99) * Math.PI / omegaMin;
            double[] p1 = new double[axes];
            double[] p2 = new double[axes];
            double sum = 0;
            for (int a = 0; a < axes; a++) {
                p1[a] = RopeGens.position(r.nextLong());
                p2[a] = RopeGens.position(r.nextLong());
                sum += Math.abs(p1[a]) + Math.abs(p2[a]) + Math.abs(p2[a] - p1[a]);
            }
            double[] delta = new double[axes];
            for (int a = 0; a < axes; a++) {
                delta[a] = p2[a] - p1[a];
            }
            double tau = 2 * ((StrictMath.log(base) + 3) * U * sum + 8.0 * d * U);
            closeEntrywise("ROPE-P12", "N-D relativity N=" + axes + " d=" + d,
                    tmul(rope.matrixNd(d, p1, base), rope.matrixNd(d, p2, base)), rope.matrixNd(d, delta, base), tau);
            double[] x = new double[axes];
            for (int a = 0; a < axes; a++) {
                x[a] = limit * (1 - 1e-9) * (2 * r.nextDouble() - 1);
            }
            double[] got = rope.recoverNd(rope.matrixNd(d, x, base), axes, base, PositionRecovery.DEFAULT_TAU);
            for (int a = 0; a < axes; a++) {
                close("ROPE-P12", "round trip axis " + a + " (N=" + axes + ", d=" + d + ")", got[a], x[a],
                        8 * U * Math.max(1, Math.abs(x[a])) * (c == 2 ? Math.PI : 1));
            }
            double[] v = RopeGens.vector(d, r);
            double[] z = rope.rotateNd(v, p1, base);
            int changed = r.nextInt(axes);
            double[] p3 = p1.clone();
            p3[changed] += 1 + r.nextInt(100);
            double[] z3 = rope.rotateNd(v, p3, base);
            for (int a = 0; a < axes; a++) {
                if (a != changed) {
                    assertThat(Arrays.copyOfRange(z3, a * c, (a + 1) * c))
                            .as("ROPE-P12 chunk %d unchanged when axis %d moves", a, changed)
                            .containsExactly(Arrays.copyOfRange(z, a * c, (a + 1) * c));
                }
            }
        });
    }
}
