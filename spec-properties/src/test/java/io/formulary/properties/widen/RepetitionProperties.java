package io.formulary.properties.widen;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Tolerance;
import io.formulary.core.widen.FactorTable;
import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.WideningFactors;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.widen.WidenAsserts.ulps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties of the repetition maps and the factor table: WIDEN-P1, P2, P3, P15. */
class RepetitionProperties {

    private static final List<RepeatPattern> WIDENING = List.of(RepeatPattern.INTERLEAVED, RepeatPattern.TILED,
            RepeatPattern.PAIR_BLOCK);
    private static final double U = Tolerance.UNIT_ROUNDOFF;

    private WideningContract subject = Subjects.of(WideningContract.class, ReferenceWidening::new);

    /** The properties checked against another subject (JUnit needs a single constructor, hence a factory). */
    static RepetitionProperties of(WideningContract subject) {
        RepetitionProperties p = new RepetitionProperties();
        p.subject = subject;
        return p;
    }

    /** {@code R x} for a pattern, through the subject's matrix widening of a column. */
    private double[] repeat(double[] x, RepeatPattern p, int k) {
        double[][] col = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            col[i][0] = x[i];
        }
        double[][] w = subject.matrix(col, p, RepeatPattern.NONE, k, WideningFactors.of(k).invSqrtK());
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i][0];
        }
        return out;
    }

    private static Gen<long[]> vectorPairs() {
        return integers().between(1, 64).zip(integers().between(-150, 150), integers().between(-150, 150),
                longs().all(), integers().between(0, 3), (n, e1, e2, s, p) -> new long[] {n, e1, e2, s, p});
    }

    @Property
    @Tag("WIDEN-P1")
    @DisplayName("WIDEN-P1: repeat-and-divide is an isometric embedding: norms and inner products kept, Pi^T Pi = kI, R R^T a projector")
    void repeatAndDivideIsAnIsometry() {
        qt().forAll(vectorPairs(), WidenGens.ks()).checkAssert((v, k) -> {
            SplittableRandom r = new SplittableRandom(v[3]);
            RepeatPattern p = WIDENING.get((int) (v[4] % 3));
            int n = (int) v[0];
            if (p == RepeatPattern.PAIR_BLOCK && n % 2 != 0) {
                n++;
            }
            if (Math.abs(v[1]) >= 100 || Math.abs(v[2]) >= 100) {
                PropertyHarness.regime("extreme-magnitude");
            }
            double[] x = WidenGens.gaussian(r, n, Math.pow(10, v[1]));
            double[] y = WidenGens.gaussian(r, n, Math.pow(10, v[2]));
            double[] rx = repeat(x, p, k);
            double[] ry = repeat(y, p, k);
            if (p == RepeatPattern.INTERLEAVED) {
                assertThat(subject.repeatDivide(x, k)).as("WIDEN-P1 repeatDivide = R_INTERLEAVED x").containsExactly(rx);
            }
            double nx = AccurateSums.norm2(x);
            double ny = AccurateSums.norm2(y);
            assertThat(Math.abs(AccurateSums.norm2(rx) - nx)).as("WIDEN-P1 | ||Rx|| - ||x|| | (n=%d, k=%d, %s)", n, k, p)
                    .isLessThanOrEqualTo(4 * n * U * nx);
            double ip = AccurateSums.dot(rx, ry) - AccurateSums.dot(x, y);
            assertThat(Math.abs(ip)).as("WIDEN-P1 |<Rx,Ry> - <x,y>|").isLessThanOrEqualTo(4.0 * k * n * U * nx * ny);
            int[] pi = subject.indexMap(p, n, k);
            int[] count = new int[n];
            for (int s : pi) {
                assertThat(s).as("WIDEN-P1 pi in range").isBetween(0, n - 1);
                count[s]++;
            }
            for (int j = 0; j < n; j++) {
                // (Pi^T Pi)_{jj} = #copies of j = k, off-diagonal 0 because each row of Pi has one 1.
                assertThat(count[j]).as("WIDEN-P1 (Pi^T Pi)_{%d,%d}", j, j).isEqualTo(k);
            }
            int m = Math.min(n, 8) + (p == RepeatPattern.PAIR_BLOCK && Math.min(n, 8) % 2 != 0 ? 1 : 0);
            double[][] rm = subject.matrix(DenseLinearAlgebra.identity(m), p, RepeatPattern.NONE, k,
                    WideningFactors.of(k).invSqrtK());
            double[][] rtr = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(rm), rm);
            double[][] proj = DenseLinearAlgebra.multiply(rm, DenseLinearAlgebra.transpose(rm));
            double[][] proj2 = DenseLinearAlgebra.multiply(proj, proj);
            for (int i = 0; i < rtr.length; i++) {
                for (int j = 0; j < rtr.length; j++) {
                    assertThat(Math.abs(rtr[i][j] - (i == j ? 1 : 0))).as("WIDEN-P1 (R^T R - I)[%d][%d] (E11)", i, j)
                            .isLessThanOrEqualTo(1e-15);
                }
            }
            for (int i = 0; i < proj.length; i++) {
                for (int j = 0; j < proj.length; j++) {
                    assertThat(proj[i][j]).as("WIDEN-P1 R R^T symmetric").isEqualTo(proj[j][i]);
                    assertThat(Math.abs(proj2[i][j] - proj[i][j])).as("WIDEN-P1 (RR^T)^2 = RR^T").isLessThanOrEqualTo(1e-15);
                }
            }
        });
    }

    @Property
    @Tag("WIDEN-P2")
    @DisplayName("WIDEN-P2: patterns are k-to-1 and in range, INTERLEAVED and PAIR_BLOCK are head-local, TILED only for H=1 or k=1, and patterns compose (exhaustive n<=12, k<=4)")
    void patternsAreSane() {
        long checks = 0;
        for (RepeatPattern p : WIDENING) {
            for (int n = 1; n <= 12; n++) {
                if (p == RepeatPattern.PAIR_BLOCK && n % 2 != 0) {
                    continue;
                }
                for (int k1 = 1; k1 <= 4; k1++) {
                    int[] pi1 = subject.indexMap(p, n, k1);
                    assertThat(pi1).as("WIDEN-P2 %s length", p).hasSize(k1 * n);
                    int[] count = new int[n];
                    for (int s : pi1) {
                        assertThat(s).as("WIDEN-P2 %s n=%d k=%d in range", p, n, k1).isBetween(0, n - 1);
                        count[s]++;
                    }
                    for (int c : count) {
                        assertThat(c).as("WIDEN-P2 %s n=%d k=%d is k-to-1", p, n, k1).isEqualTo(k1);
                    }
                    for (int k2 = 1; k2 <= 4; k2++) {
                        int[] pi2 = subject.indexMap(p, k1 * n, k2);
                        int[] pi12 = subject.indexMap(p, n, k1 * k2);
                        for (int i = 0; i < pi12.length; i++) {
                            assertThat(pi1[pi2[i]]).as("WIDEN-P2 %s composition n=%d k1=%d k2=%d at %d", p, n, k1, k2, i)
                                    .isEqualTo(pi12[i]);
                        }
                        checks++;
                    }
                }
            }
        }
        for (int h = 1; h <= 4; h++) {
            for (int dh = 1; dh <= 6; dh++) {
                for (int k = 1; k <= 4; k++) {
                    assertThat(subject.isHeadLocal(RepeatPattern.INTERLEAVED, h, dh, k)).as("WIDEN-P2 INTERLEAVED local")
                            .isTrue();
                    assertThat(subject.isHeadLocal(RepeatPattern.TILED, h, dh, k))
                            .as("WIDEN-P2 TILED head-local iff H=1 or k=1 (H=%d, dh=%d, k=%d)", h, dh, k)
                            .isEqualTo(h == 1 || k == 1);
                    if (dh % 2 == 0) {
                        assertThat(subject.isHeadLocal(RepeatPattern.PAIR_BLOCK, h, dh, k))
                                .as("WIDEN-P2 PAIR_BLOCK local for even d_h").isTrue();
                    }
                    checks += 3;
                }
            }
        }
        // Worked examples of the chapter (0-based).
        assertThat(subject.indexMap(RepeatPattern.INTERLEAVED, 6, 2)).containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(subject.indexMap(RepeatPattern.TILED, 6, 2)).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5);
        assertThat(subject.indexMap(RepeatPattern.PAIR_BLOCK, 6, 2)).containsExactly(0, 1, 0, 1, 2, 3, 2, 3, 4, 5, 4, 5);
        assertThat(subject.indexMap(RepeatPattern.PAIR_BLOCK, 4, 3)).containsExactly(0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3);
        // E12: on a fused q|k|v axis of length 3d, TILED mixes the q and k blocks; INTERLEAVED keeps every block in
        // place (so the fused layout itself is harmless), but q/k and v need different factors, so the blocks must
        // still be widened separately.
        int d = 4;
        for (int k = 2; k <= 4; k++) {
            int[] tiled = subject.indexMap(RepeatPattern.TILED, 3 * d, k);
            boolean mixes = false;
            int[] inter = subject.indexMap(RepeatPattern.INTERLEAVED, 3 * d, k);
            for (int i = 0; i < inter.length; i++) {
                assertThat(inter[i] / d).as("WIDEN-P2 fused INTERLEAVED keeps block of %d", i).isEqualTo(i / (k * d));
                mixes |= tiled[i] / d != i / (k * d);
            }
            assertThat(mixes).as("WIDEN-P2 fused TILED mixes q, k and v blocks (E12), k=%d", k).isTrue();
        }
        PropertyHarness.examples(checks);
    }

    @Property
    @Tag("WIDEN-P3")
    @DisplayName("WIDEN-P3: R W R^T keeps the nonzero singular values and the Frobenius norm of W; a factor f scales them by f k")
    void matrixWideningPreservesSpectra() {
        Gen<long[]> shapes = integers().between(1, 6).zip(integers().between(1, 6), integers().between(0, 8),
                longs().all(), (r, c, pp, s) -> new long[] {r, c, pp, s});
        qt().forAll(shapes, WidenGens.smallKs()).checkAssert((sh, k) -> {
            SplittableRandom rnd = new SplittableRandom(sh[3]);
            RepeatPattern pr = WIDENING.get((int) (sh[2] % 3));
            RepeatPattern pc = WIDENING.get((int) (sh[2] / 3));
            int rows = (int) sh[0] + (pr == RepeatPattern.PAIR_BLOCK && sh[0] % 2 != 0 ? 1 : 0);
            int cols = (int) sh[1] + (pc == RepeatPattern.PAIR_BLOCK && sh[1] % 2 != 0 ? 1 : 0);
            double[][] w = WidenGens.gaussian(rnd, rows, cols, 1);
            double f = rnd.nextBoolean() ? 1.0 / k : 0.1 + rnd.nextDouble();
            double[][] wide = subject.matrix(w, pr, pc, k, f);
            double[] s = DenseLinearAlgebra.svd(w, "w").singularValues().clone();
            double[] sw = DenseLinearAlgebra.svd(wide, "wide").singularValues().clone();
            Arrays.sort(s);
            Arrays.sort(sw);
            double top = s[s.length - 1] * f * k;
            for (int i = 0; i < sw.length; i++) {
                int j = i - (sw.length - s.length);
                double expected = j >= 0 ? s[j] * f * k : 0;
                assertThat(Math.abs(sw[i] - expected)).as("WIDEN-P3 singular value %d: %s vs %s", i, sw[i], expected)
                        .isLessThanOrEqualTo(1e-13 * top);
            }
            double fro = AccurateSums.normFrobenius(w) * f * k;
            assertThat(Math.abs(AccurateSums.normFrobenius(wide) - fro)).as("WIDEN-P3 Frobenius norm")
                    .isLessThanOrEqualTo(1e-13 * fro);
        });
    }

    /** The exponent {@code a} of {@code k^{-a}} in the symbolic column ({@code 1}, {@code k^{-3/4}}, ...). */
    static BigDecimal exponent(String symbolic) {
        if (symbolic.equals("1")) {
            return BigDecimal.ZERO;
        }
        String e = symbolic.substring(symbolic.indexOf("{-") + 2, symbolic.indexOf('}'));
        String[] nd = e.split("/");
        BigDecimal num = new BigDecimal(nd[0]);
        return nd.length == 1 ? num : num.divide(new BigDecimal(nd[1]), MathContext.DECIMAL128);
    }

    @Property
    @Tag("WIDEN-P15")
    @DisplayName("WIDEN-P15: the factors equal their closed forms within 4 ulp and the k=2 table equals the article's constants except b2, epsilon and the MLM norm")
    void factorTableMatchesClosedFormsAndTheArticle() {
        MathContext mc = new MathContext(50);
        long checks = 0;
        for (int k : new int[] {1, 2, 3, 4, 5, 6, 8}) {
            FactorTable t = subject.factorTable(k);
            assertThat(t.entries()).as("WIDEN-P15 table rows").hasSizeGreaterThan(20);
            for (FactorTable.Entry e : t.entries()) {
                BigDecimal exact = BigDecimalMath.pow(new BigDecimal(k), exponent(e.symbolic()).negate(), mc);
                double err = ulps(e.factor(), exact.doubleValue());
                AccuracyLog.record("WIDEN-F16", "k=" + k + " " + e.parameter(), "ulps", err, 4, "big-math, 50 digits");
                assertThat(err).as("WIDEN-P15 %s for k=%d: %s vs %s", e.parameter(), k, e.factor(), exact)
                        .isLessThanOrEqualTo(4);
                checks++;
            }
            WideningFactors f = WideningFactors.of(k);
            double[] values = {f.invSqrtK(), f.invK(), f.invK32(), f.invK14(), f.invK34()};
            String[] exps = {"1/2", "1", "3/2", "1/4", "3/4"};
            for (int i = 0; i < values.length; i++) {
                BigDecimal exact = BigDecimalMath.pow(new BigDecimal(k), exponent("k^{-" + exps[i] + "}").negate(), mc);
                double err = ulps(values[i], exact.doubleValue());
                AccuracyLog.record("WIDEN-F13", "k=" + k + " k^-" + exps[i], "ulps", err, 4, "big-math, 50 digits");
                assertThat(err).as("WIDEN-P15 k^-%s for k=%d", exps[i], k).isLessThanOrEqualTo(4);
            }
        }
        for (FactorTable.Entry e : subject.factorTable(2).entries()) {
            if (!e.articleGiven()) {
                continue;
            }
            boolean erratum = e.status().equals("E1") || e.status().equals("E2") || e.status().equals("E3");
            if (erratum) {
                assertThat(Math.abs(e.factor() - e.articleK2())).as("WIDEN-P15 %s differs from the article (%s)",
                        e.parameter(), e.status()).isGreaterThan(0.1 * e.factor());
            } else {
                assertThat(ulps(e.factor(), e.articleK2())).as("WIDEN-P15 %s equals the article's %s", e.parameter(),
                        e.article()).isLessThanOrEqualTo(4);
            }
            checks++;
        }
        PropertyHarness.examples(checks);
    }
}
