package io.formulary.properties.rope;

import io.formulary.properties.MaxNorms;
import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.rope.RopeAssert.U;
import static io.formulary.properties.rope.RopeAssert.close;
import static io.formulary.properties.rope.RopeAssert.closeEntrywise;
import static io.formulary.properties.rope.RopeAssert.dot;
import static io.formulary.properties.rope.RopeAssert.identity;
import static io.formulary.properties.rope.RopeAssert.mul;
import static io.formulary.properties.rope.RopeAssert.norm;
import static io.formulary.properties.rope.RopeAssert.tmul;
import static io.formulary.properties.rope.RopeAssert.transpose;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of 1-D RoPE and its layouts (ROPE-P1..P5, P23..P26). */
public class RotaryEmbeddingProperties {

    private RopeContract rope = Subjects.of(RopeContract.class, ReferenceRope::new);

    /** The properties against the configured subject (the reference by default). */
    public RotaryEmbeddingProperties() {
    }

    /**
     * The properties against another subject (for the mutant tests). A factory rather than a second constructor,
     * because JUnit Jupiter instantiates test classes only through a single declared constructor.
     */
    public static RotaryEmbeddingProperties against(RopeContract subject) {
        RotaryEmbeddingProperties p = new RotaryEmbeddingProperties();
        p.rope = subject;
        return p;
    }

    private double entryTolerance(double m, double n, int d, double base) {
        return RotaryEmbedding.scoreTolerance(m, n, d, base, 1, 1);
    }

    @Property
    @Tag("ROPE-P1")
    @DisplayName("ROPE-P1: every rotary matrix (F3, F6, F7, F8; d <= 64) is orthogonal within 8u with |det - 1| <= 8du, and ||Rv|| = ||v|| within 4du||v|| (d <= 4096)")
    public void rotaryMatricesAreOrthogonal() {
        qt().forAll(RopeGens.dimsMatrix(), RopeGens.bases(), RopeGens.positionPairs(),
                Generate.range(0, 3)).checkAssert((d, base, xy, variant) -> {
                    double x = xy[0];
                    double y = xy[1];
                    double[][] r;
                    int dim = d;
                    switch (variant) {
                        case 0 -> r = rope.matrix(d, x, base, Layout.INTERLEAVED, PhaseMode.EXACT);
                        case 1 -> {
                            dim = 4;
                            r = rope.matrix4(x, y, 1.0 / base);
                        }
                        case 2 -> {
                            dim = Math.max(4, d - d % 4);
                            r = rope.matrix2d(dim, x, y, base, (dim / 4) % 2 == 0 ? AxisAssignment.AXIS_SPLIT : AxisAssignment.AXIS_INTERLEAVED);
                        }
                        default -> {
                            dim = 12;
                            r = rope.matrixNd(12, new double[] {x, y, x - y}, base);
                        }
                    }
                    closeEntrywise("ROPE-P1", "R^T R vs I (variant " + variant + ", d=" + dim + ")", tmul(r, r), identity(dim), 8 * U);
                    double det = DenseLinearAlgebra.determinant(r, "r");
                    close("ROPE-P1", "det R (variant " + variant + ")", det, 1, 8 * dim * U);
                });
        qt().forAll(RopeGens.cases1d(RopeGens.dims1(), RopeGens.bases())).checkAssert(c -> {
            double nv = norm(c.q());
            double nz = norm(rope.rotate(c.q(), c.n(), c.base()));
            close("ROPE-P1", "||R v|| vs ||v|| " + c, nz, nv, 4 * c.d() * U * nv);
        });
    }

    @Property
    @Tag("ROPE-P2")
    @DisplayName("ROPE-P2: R_m^T R_n = R_{n-m} within the F23 entry tolerance, for integer, dyadic and large positions, d <= 64, in both phase modes")
    public void relativityMatrixForm() {
        qt().forAll(RopeGens.dimsMatrix(), RopeGens.bases(), RopeGens.positionPairs(),
                Generate.enumValues(PhaseMode.class)).checkAssert((d, base, mn, mode) -> {
                    double m = mn[0];
                    double n = mn[1];
                    double[][] left = tmul(rope.matrix(d, m, base, Layout.INTERLEAVED, mode),
                            rope.matrix(d, n, base, Layout.INTERLEAVED, mode));
                    double[][] right = rope.matrix(d, n - m, base, Layout.INTERLEAVED, mode);
                    closeEntrywise("ROPE-P2", "R_m^T R_n vs R_{n-m} (d=" + d + ", base=" + base + ", m=" + m + ", n=" + n
                            + ", " + mode + ")", left, right, entryTolerance(m, n, d, base));
                });
    }

    @Property
    @Tag("ROPE-P3")
    @DisplayName("ROPE-P3: <R_m q, R_n k> = q^T R_{n-m} k within tau_s, shift invariance within tau_s(|m|+|s|, |n|+|s|), complex form agrees; a clockwise peer is the reference at negated positions")
    public void scoreIdentityAndShiftInvariance() {
        qt().forAll(RopeGens.cases1d(RopeGens.dims1(), RopeGens.bases()), RopeGens.positions(10_000)).checkAssert((c, s) -> {
            double nq = norm(c.q());
            double nk = norm(c.k());
            double tau = rope.scoreTolerance(c.m(), c.n(), c.d(), c.base(), nq, nk);
            double direct = dot(rope.rotate(c.q(), c.m(), c.base()), rope.rotate(c.k(), c.n(), c.base()));
            double relative = rope.score(c.q(), c.k(), c.m(), c.n(), c.base());
            close("ROPE-P3", "score identity " + c, direct, relative, tau);
            double shifted = dot(rope.rotate(c.q(), c.m() + s, c.base()), rope.rotate(c.k(), c.n() + s, c.base()));
            double tauShift = rope.scoreTolerance(Math.abs(c.m()) + Math.abs(s), Math.abs(c.n()) + Math.abs(s), c.d(),
                    c.base(), nq, nk);
            close("ROPE-P3", "shift by " + s + " " + c, shifted, direct, tauShift);
            close("ROPE-P3", "complex form " + c, RotaryEmbedding.scoreComplex(c.q(), c.k(), c.m(), c.n(), c.base()),
                    relative, tau);
            // Erratum 10: a clockwise peer (R_{-n}) scores q^T R_{m-n} k, i.e. the reference at negated positions.
            double clockwise = dot(rope.rotate(c.q(), -c.m(), c.base()), rope.rotate(c.k(), -c.n(), c.base()));
            close("ROPE-P3", "clockwise peer at negated positions " + c, clockwise,
                    rope.score(c.q(), c.k(), -c.m(), -c.n(), c.base()), tau);
        });
    }

    @Property
    @Tag("ROPE-P4")
    @DisplayName("ROPE-P4: R_0 = I exactly; R_m R_n = R_{m+n} and R_{-m} = R_m^T within tau_s (entrywise)")
    public void groupLaws() {
        qt().forAll(RopeGens.dimsMatrix(), RopeGens.bases(), RopeGens.positions(), RopeGens.positions()).checkAssert((d, base, m, n) -> {
            double[][] r0 = rope.matrix(d, 0, base, Layout.INTERLEAVED, PhaseMode.EXACT);
            assertThat(MaxNorms.maxAbsDiff(r0, identity(d))).as("ROPE-P4 R_0 = I exactly (d=%d)", d).isZero();
            double[] v = RopeGens.vector(d, new SplittableRandom(d));
            assertThat(rope.rotate(v, 0, base)).as("ROPE-P4 R_0 v = v exactly").containsExactly(v);
            double[][] rm = rope.matrix(d, m, base, Layout.INTERLEAVED, PhaseMode.EXACT);
            double[][] rn = rope.matrix(d, n, base, Layout.INTERLEAVED, PhaseMode.EXACT);
            double tau = entryTolerance(m, n, d, base);
            closeEntrywise("ROPE-P4", "R_m R_n vs R_{m+n} (d=" + d + ", m=" + m + ", n=" + n + ")", mul(rm, rn),
                    rope.matrix(d, m + n, base, Layout.INTERLEAVED, PhaseMode.EXACT), tau);
            closeEntrywise("ROPE-P4", "R_{-m} vs R_m^T (d=" + d + ", m=" + m + ")",
                    rope.matrix(d, -m, base, Layout.INTERLEAVED, PhaseMode.EXACT), transpose(rm), tau);
        });
    }

    @Property
    @Tag("ROPE-P5")
    @DisplayName("ROPE-P5: F3 equals multiplying pair i by e^{i n theta_i} (separate complex code path) within 4u ||v_pair||")
    public void complexMultiplicationEquivalence() {
        // Fixed witnesses first: a failure here is reported at once, without shrinking through d = 4096 cases.
        for (int d : new int[] {4, 8, 64}) {
            double[] v = RopeGens.vector(d, new SplittableRandom(d));
            checkComplexEquivalence(new RopeGens.Case1d(d, 1e4, 0, 3.5, v, v));
        }
        qt().forAll(RopeGens.cases1d(RopeGens.dims1(), RopeGens.bases())).checkAssert(this::checkComplexEquivalence);
    }

    private void checkComplexEquivalence(RopeGens.Case1d c) {
        double[] z = rope.rotate(c.q(), c.n(), c.base());
        double[] w = RotaryEmbedding.rotateComplex(c.q(), c.n(), c.base());
        for (int i = 0; i < c.d() / 2; i++) {
            double pairNorm = Math.hypot(c.q()[2 * i], c.q()[2 * i + 1]);
            double err = Math.hypot(z[2 * i] - w[2 * i], z[2 * i + 1] - w[2 * i + 1]);
            close("ROPE-P5", "pair " + i + " of " + c, err, 0, 4 * U * pairNorm);
        }
    }

    @Property
    @Tag("ROPE-P23")
    @DisplayName("ROPE-P23: RH_n(Pv) = P IL_n(v) bit for bit; scores agree within tau_s; per-head row permutation equals P on outputs; rotate-half without P changes scores by > 1e-3")
    public void layoutPermutation() {
        // Fixed witnesses first: a failure here is reported at once, without shrinking through d = 4096 cases.
        for (int d : new int[] {4, 8, 64}) {
            SplittableRandom w = new SplittableRandom(d);
            checkLayouts(new RopeGens.Case1d(d, 1e4, -2, 7.25, RopeGens.vector(d, w), RopeGens.vector(d, w)));
        }
        qt().forAll(RopeGens.cases1d(RopeGens.dims1(), RopeGens.bases())).checkAssert(this::checkLayouts);
        layoutWeightsAndWrongUsage();
    }

    private void checkLayouts(RopeGens.Case1d c) {
        int[] order = RotaryEmbedding.rotateHalfOrder(c.d());
        double[] pq = RopeAssert.permute(c.q(), order);
        double[] pk = RopeAssert.permute(c.k(), order);
        assertThat(rope.rotateHalf(pq, c.n(), c.base())).as("ROPE-P23 RH_n(Pv) = P IL_n(v) " + c)
                .containsExactly(RopeAssert.permute(rope.rotate(c.q(), c.n(), c.base()), order));
        double rh = dot(rope.rotateHalf(pq, c.m(), c.base()), rope.rotateHalf(pk, c.n(), c.base()));
        double il = dot(rope.rotate(c.q(), c.m(), c.base()), rope.rotate(c.k(), c.n(), c.base()));
        close("ROPE-P23", "score in both layouts " + c, rh, il,
                rope.scoreTolerance(c.m(), c.n(), c.d(), c.base(), norm(c.q()), norm(c.k())));
    }

    private void layoutWeightsAndWrongUsage() {
        // Weight conversion: permuting each head's output rows by P equals applying P to that head's outputs.
        SplittableRandom r = new SplittableRandom(PropertyHarness.seed());
        for (int t = 0; t < 20; t++) {
            int heads = 1 + r.nextInt(3);
            int d = 2 * (1 + r.nextInt(8));
            int in = 1 + r.nextInt(6);
            double[][] w = new double[heads * d][in];
            for (double[] row : w) {
                for (int j = 0; j < in; j++) {
                    row[j] = RopeGens.gaussian(r);
                }
            }
            double[] x = RopeGens.vector(in, r);
            double[] y = mul(w, x);
            double[] yp = mul(RotaryEmbedding.permuteHeadRows(w, heads, d), x);
            int[] order = RotaryEmbedding.rotateHalfOrder(d);
            for (int h = 0; h < heads; h++) {
                for (int j = 0; j < d; j++) {
                    assertThat(yp[h * d + j]).as("ROPE-P23 head %d row %d", h, j).isEqualTo(y[h * d + order[j]]);
                }
            }
        }
        PropertyHarness.examples(20);
        // Wrong usage: rotate-half on interleaved vectors (no P) gives different scores.
        for (int t = 0; t < 20; t++) {
            int d = 4 << r.nextInt(5);
            double[] q = new double[d];
            double[] k = new double[d];
            for (int i = 0; i < d; i++) {
                q[i] = RopeGens.gaussian(r);
                k[i] = RopeGens.gaussian(r);
            }
            double m = r.nextInt(0, 50);
            double n = m + 1 + r.nextInt(0, 50);
            double wrong = dot(rope.rotateHalf(q, m, 1e4), rope.rotateHalf(k, n, 1e4));
            double right = dot(rope.rotate(q, m, 1e4), rope.rotate(k, n, 1e4));
            assertThat(Math.abs(wrong - right)).as("ROPE-P23 rotate-half without P must differ (d=%d m=%s n=%s)", d, m, n)
                    .isGreaterThan(1e-3);
        }
        PropertyHarness.examples(20);
    }

    @Property
    @Tag("ROPE-P24")
    @DisplayName("ROPE-P24: for q ~ N(0, I), the mean of <R_m q, R_n q> is tr R_{n-m} = 2 sum cos((n-m) theta_i) within 5 sigma/sqrt(N) + 1e-12 (N = 20000, d in {2, 8, 64})")
    public void monteCarloTraceIdentity() {
        SplittableRandom r = new SplittableRandom(PropertyHarness.seed());
        int samples = 20_000;
        for (int d : new int[] {2, 8, 64}) {
            double m = r.nextInt(-20, 21);
            double n = m + 5;
            double[][] rm = rope.matrix(d, m, 1e4, Layout.INTERLEAVED, PhaseMode.EXACT);
            double[][] rn = rope.matrix(d, n, 1e4, Layout.INTERLEAVED, PhaseMode.EXACT);
            double[] theta = RotaryEmbedding.frequencies(d, 1e4);
            double trace = 0;
            double var = 0;
            for (double t : theta) {
                double c = StrictMath.cos((n - m) * t);
                trace += 2 * c;
                var += 4 * c * c;
            }
            double sum = 0;
            double[] q = new double[d];
            for (int s = 0; s < samples; s++) {
                for (int i = 0; i < d; i++) {
                    q[i] = RopeGens.gaussian(r);
                }
                sum += dot(mul(rm, q), mul(rn, q));
            }
            double mean = sum / samples;
            // Bound: 5 standard errors of the mean, with the exact variance 4 sum cos^2 of the chapter.
            double bound = 5 * Math.sqrt(var / samples) + 1e-12;
            close("ROPE-P24", "Monte-Carlo mean vs trace (d=" + d + ", m=" + m + ", n=" + n + ")", mean, trace, bound);
        }
        PropertyHarness.examples(3L * samples);
    }

    private static final MathContext MC = new MathContext(60);

    /** Exact cos and sin of {@code n base^(-2i/d)} by big-math at 60 digits. */
    static double[] exactCosSin(double n, double base, int i, int d) {
        BigDecimal theta = BigDecimalMath.exp(BigDecimalMath.log(new BigDecimal(base), MC)
                .multiply(BigDecimal.valueOf(-2L * i)).divide(BigDecimal.valueOf(d), MC), MC);
        BigDecimal phi = theta.multiply(new BigDecimal(n), MC);
        return new double[] {BigDecimalMath.cos(phi, MC).doubleValue(), BigDecimalMath.sin(phi, MC).doubleValue()};
    }

    /** Error in ulps of the exact value, or 0 when within 1e-20 absolute. */
    static double ulpError(double actual, double exact) {
        double err = Math.abs(actual - exact);
        if (err <= 1e-20) {
            return 0;
        }
        return err / Math.ulp(exact);
    }

    @Property
    @Tag("ROPE-P25")
    @DisplayName("ROPE-P25: at n in {1e6, 2^24+1, 1e9}, d in {2, 128, 4096}: EXACT within 2 ulps (or 1e-20) per rotation entry against 60 digits; FLOAT64_RECIPE within the F23 bound; float32 emulation within the float32 bound")
    public void largePositionAccuracy() {
        largePositionAccuracy(16);
    }

    /** ROPE-P25 on every pair of d = 4096 (slow: 6000 60-digit evaluations), excluded from the default build. */
    @org.junit.jupiter.api.Test
    @Tag("exhaustive")
    @DisplayName("ROPE-P25 (exhaustive): every pair of d = 4096")
    public void largePositionAccuracyEveryPair() {
        assertThat(PropertyHarness.falsify("ROPE-P25", () -> largePositionAccuracy(1))).isEmpty();
    }

    private void largePositionAccuracy(int stride4096) {
        double base = 1e4;
        for (int d : new int[] {2, 128, 4096}) {
            double[] probe = new double[d];
            for (int i = 0; i < d; i += 2) {
                probe[i] = 1;
            }
            for (double n : new double[] {1e6, 0x1p24 + 1, 1e9}) {
                // Rotating (1, 0) in every pair returns (cos, sin) of every pair exactly (fma with 1 and 0).
                double[] exactMode = rope.rotate(probe, n, base, Layout.INTERLEAVED, PhaseMode.EXACT);
                double[] recipe = rope.rotate(probe, n, base, Layout.INTERLEAVED, PhaseMode.FLOAT64_RECIPE);
                double recipeBound = RotaryEmbedding.scoreTolerance(0, n, d, base, 1, 1);
                int stride = d == 4096 ? stride4096 : 1;
                double worstExact = 0;
                double worstRecipe = 0;
                for (int i = 0; i < d / 2; i += (i < 8 || i >= d / 2 - 8) ? 1 : stride) {
                    double[] cs = exactCosSin(n, base, i, d);
                    double e = Math.max(ulpError(exactMode[2 * i], cs[0]), ulpError(exactMode[2 * i + 1], cs[1]));
                    worstExact = Math.max(worstExact, e);
                    assertThat(e).as("ROPE-P25 EXACT d=%d n=%s pair %d: (%s, %s) vs exact (%s, %s), %s ulps > 2",
                            d, n, i, exactMode[2 * i], exactMode[2 * i + 1], cs[0], cs[1], e).isLessThanOrEqualTo(2);
                    double er = Math.max(Math.abs(recipe[2 * i] - cs[0]), Math.abs(recipe[2 * i + 1] - cs[1]));
                    worstRecipe = Math.max(worstRecipe, er);
                    assertThat(er).as("ROPE-P25 FLOAT64_RECIPE d=%d n=%s pair %d: error %s > bound %s", d, n, i, er, recipeBound)
                            .isLessThanOrEqualTo(recipeBound);
                    if (n <= 0x1p24) {
                        double f32 = float32Cos(n, base, i, d);
                        double f32Bound = RotaryEmbedding.scoreTolerance(0, n, d, base, 1, 1, 0x1p-24);
                        assertThat(Math.abs(f32 - cs[0])).as("ROPE-P25 float32 d=%d n=%s pair %d", d, n, i)
                                .isLessThanOrEqualTo(f32Bound);
                    }
                }
                AccuracyLog.record("ROPE-F3", "EXACT, d=" + d + ", n=" + n, "ulps", worstExact, 2, "big-math, 60 digits");
                AccuracyLog.record("ROPE-F23", "FLOAT64_RECIPE max entry error, d=" + d + ", n=" + n, "absolute",
                        worstRecipe, recipeBound, "big-math, 60 digits");
            }
        }
        PropertyHarness.examples(9);
    }

    /** A float32 peer: inv_freq = 1/base^(2i/d) in float32, phase in float32, cosine rounded to float32. */
    static double float32Cos(double n, double base, int i, int d) {
        float invFreq = (float) (1.0 / StrictMath.pow(base, (double) (float) (2.0 * i / d)));
        float phase = (float) n * invFreq;
        return (float) StrictMath.cos(phase);
    }

    @Property
    @Tag("ROPE-P26")
    @DisplayName("ROPE-P26: for |n| <= 10 the central difference (R_{n+h}v - R_{n-h}v)/2h, h = 1e-5, matches G R_n v within 1e-8(1+|n|)||v||")
    public void generatorOdeForm() {
        double h = 1e-5;
        qt(PropertyPolicy.examples(0.5)).forAll(RopeGens.dimsMatrix(), RopeGens.bases(), RopeGens.positions(10), RopeGens.seeds())
                .checkAssert((d, base, n, seed) -> {
                    double[] v = RopeGens.vector(d, new SplittableRandom(seed));
                    double[] plus = rope.rotate(v, n + h, base);
                    double[] minus = rope.rotate(v, n - h, base);
                    double[] diff = new double[d];
                    for (int i = 0; i < d; i++) {
                        diff[i] = (plus[i] - minus[i]) / (2 * h);
                    }
                    double[] gv = mul(RotaryEmbedding.generator(d, base), rope.rotate(v, n, base));
                    double err = norm(RopeAssert.add(new double[][] {diff}, new double[][] {gv}, -1)[0]);
                    close("ROPE-P26", "d/dn R_n v vs G R_n v (d=" + d + ", base=" + base + ", n=" + n + ")", err, 0,
                            1e-8 * (1 + Math.abs(n)) * norm(v));
                });
    }
}
