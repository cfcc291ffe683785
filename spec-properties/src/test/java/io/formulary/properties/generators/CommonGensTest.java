package io.formulary.properties.generators;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.generators.CommonGens.PairRegime;
import io.formulary.properties.generators.CommonGens.UnitPair;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each shared generator yields what its name says and reaches the regimes it promises; the regimes are counted
 * over a fixed-seed run of 400 draws.
 */
class CommonGensTest {

    private static final int DRAWS = 400;

    /** Runs {@code check} on {@code DRAWS} values of {@code gen} under a fixed seed; fails on the first violation. */
    private static <T> void draw(String name, Gen<T> gen, Consumer<T> check) {
        assertThat(PropertyHarness.falsify("GEN-" + name, () -> qt(DRAWS).forAll(gen).checkAssert(check))).isEmpty();
    }

    /**
     * QuickTheories skips values it has already tried, so a generator with few distinct values is paired with a
     * distinct tag to measure its distribution.
     */
    private static <T> Gen<Pair<T, Long>> distinct(Gen<T> gen) {
        return gen.zip(Generate.longRange(0, Long.MAX_VALUE), Pair::of);
    }

    @Test
    void dimensionsComeFromTheChapterSetAndFavourSmallAndOdd() {
        Map<Integer, Integer> count = new TreeMap<>();
        draw("dimensions", distinct(CommonGens.dimensions()), d -> count.merge(d._1, 1, Integer::sum));
        assertThat(count.keySet()).containsExactly(2, 3, 4, 5, 7, 16, 64);
        int odd = count.get(3) + count.get(5) + count.get(7);
        assertThat(count.get(2) + count.get(3)).isGreaterThan(DRAWS / 3);
        assertThat(odd).isGreaterThan(count.get(4) + count.get(16) + count.get(64));
    }

    @Test
    void dimensionsBetweenStayInRangeAndHitTheLowerEnd() {
        Map<Integer, Integer> count = new TreeMap<>();
        draw("dimensionsBetween", distinct(CommonGens.dimensionsBetween(2, 9)), d -> {
            assertThat(d._1).isBetween(2, 9);
            count.merge(d._1, 1, Integer::sum);
        });
        assertThat(count.get(2)).isGreaterThan(DRAWS / 5);
        assertThat(count.keySet()).contains(3, 5, 7, 9);
    }

    @Test
    void standardNormalsHaveMeanZeroAndVarianceOne() {
        List<Double> z = new ArrayList<>();
        draw("standardNormals", CommonGens.standardNormals(), z::add);
        double mean = z.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = z.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (z.size() - 1);
        // 5 standard errors: sd(mean) = 1/sqrt(n), sd(var) ~ sqrt(2/n).
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(z.size())));
        assertThat(var).isCloseTo(1, within(5 * Math.sqrt(2.0 / z.size())));
    }

    @Test
    void unitVectorsHaveUnitNormAndTheDrawnDimension() {
        Map<Integer, Integer> dims = new TreeMap<>();
        draw("unitVectors", CommonGens.unitVectors(CommonGens.dimensions()), u -> {
            dims.merge(u.length, 1, Integer::sum);
            assertThat(AccurateSums.norm2(u)).isCloseTo(1, within(4 * 0x1p-52));
        });
        assertThat(dims).containsKeys(2, 3, 64);
    }

    @Test
    void unitPairsAreUnitAndHitEveryRegime() {
        Map<PairRegime, Integer> count = new EnumMap<>(PairRegime.class);
        Map<Double, Integer> etas = new TreeMap<>();
        draw("unitPairs", CommonGens.unitPairs(CommonGens.dimensions()), p -> {
            count.merge(p.regime(), 1, Integer::sum);
            double[] a = p.a();
            double[] b = p.b();
            assertThat(b).hasSameSizeAs(a);
            assertThat(AccurateSums.norm2(a)).isCloseTo(1, within(4 * 0x1p-52));
            assertThat(AccurateSums.norm2(b)).isCloseTo(1, within(4 * 0x1p-52));
            double dist = distance(a, b, p.regime() == PairRegime.NEAR_ANTIPODAL || p.regime() == PairRegime.ANTIPODAL);
            switch (p.regime()) {
                case EQUAL, ANTIPODAL -> assertThat(dist).isZero();
                case NEAR_EQUAL, NEAR_ANTIPODAL -> {
                    etas.merge(p.eta(), 1, Integer::sum);
                    // ||b -+ a|| is about eta * ||r_perp||, r Gaussian: far below 1 for eta <= 0.1 (100 sigma slack).
                    assertThat(dist).isPositive().isLessThanOrEqualTo(p.eta() * 100 * Math.sqrt(a.length));
                }
                default -> assertThat(p.eta()).isZero();
            }
        });
        assertThat(count.keySet()).containsExactlyInAnyOrder(PairRegime.values());
        for (PairRegime r : PairRegime.values()) {
            assertThat(count.get(r)).as(r.name()).isGreaterThan(DRAWS / 20);
        }
        assertThat(etas).containsKeys(1e-1, 1e-8, 1e-15);
    }

    @Test
    void nearSingularPairsOnlyProduceTheNearRegimesAtEveryEta() {
        Map<Double, Integer> etas = new TreeMap<>();
        Map<PairRegime, Integer> count = new EnumMap<>(PairRegime.class);
        draw("nearSingular", CommonGens.nearSingularUnitPairs(CommonGens.dimensions()), p -> {
            count.merge(p.regime(), 1, Integer::sum);
            etas.merge(p.eta(), 1, Integer::sum);
        });
        assertThat(count.keySet()).containsExactlyInAnyOrder(PairRegime.NEAR_EQUAL, PairRegime.NEAR_ANTIPODAL);
        assertThat(etas).hasSize(CommonGens.ETAS.size());
    }

    @Test
    void genericPairsAreNotNearlyParallel() {
        draw("genericPairs", CommonGens.genericUnitPairs(CommonGens.dimensions()), (UnitPair p) -> {
            assertThat(p.regime()).isEqualTo(PairRegime.GENERIC);
            assertThat(p.nearSingular()).isFalse();
        });
    }

    @Test
    void logUniformScalesStayInRangeAndHitPowersOfTwoAndExtremes() {
        int[] hits = new int[3];
        List<Double> logs = new ArrayList<>();
        draw("scales", CommonGens.logUniformScales(1e-150, 1e150), s -> {
            assertThat(s).isBetween(1e-150, 1e150);
            logs.add(StrictMath.log10(s));
            hits[0] += s == Math.scalb(1.0, Math.getExponent(s)) ? 1 : 0;
            hits[1] += s > 1e100 ? 1 : 0;
            hits[2] += s < 1e-100 ? 1 : 0;
        });
        for (int h : hits) {
            assertThat(h).isGreaterThan(DRAWS / 40);
        }
        // Log-uniform: the mean of log10 s is near 0 (uniform on [-150, 150]: sd 86.6; 5 standard errors).
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isCloseTo(0, within(5 * 86.6 / Math.sqrt(logs.size())));
    }

    @Test
    void mixedMagnitudeVectorsHaveAnOrderOneEntryNextToTinyAndSubnormalOnes() {
        int[] hits = new int[2];
        draw("mixed", CommonGens.mixedMagnitudeVectors(CommonGens.dimensions()), v -> {
            assertThat(AccurateSums.maxAbs(v)).isGreaterThanOrEqualTo(0.5);
            boolean tiny = false;
            boolean sub = false;
            for (double x : v) {
                assertThat(Double.isFinite(x)).isTrue();
                tiny |= x != 0 && Math.abs(x) < 1e-150;
                sub |= x != 0 && Math.abs(x) < Double.MIN_NORMAL;
            }
            hits[0] += tiny ? 1 : 0;
            hits[1] += sub ? 1 : 0;
        });
        assertThat(hits[0]).isGreaterThan(DRAWS / 10);
        assertThat(hits[1]).isGreaterThan(DRAWS / 40);
    }

    @Test
    void orthogonalMatricesAreOrthogonalWithBothDeterminantsAndSomePermutations() {
        int[] hits = new int[3];
        draw("orthogonal", CommonGens.orthogonalMatrices(CommonGens.dimensionsBetween(1, 6)), q -> {
            int d = q.length;
            double[][] qtq = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(q), q);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertThat(qtq[i][j]).isCloseTo(i == j ? 1 : 0, within(64 * d * 0x1p-53));
                }
            }
            double det = DenseLinearAlgebra.determinant(q, "q");
            assertThat(Math.abs(det)).isCloseTo(1, within(1e-12));
            hits[det < 0 ? 0 : 1]++;
            boolean permutation = true;
            for (double[] row : q) {
                for (double x : row) {
                    permutation &= x == 0 || Math.abs(x) == 1;
                }
            }
            hits[2] += permutation && d > 1 ? 1 : 0;
        });
        assertThat(hits[0]).isGreaterThan(DRAWS / 5);
        assertThat(hits[1]).isGreaterThan(DRAWS / 5);
        assertThat(hits[2]).isGreaterThan(DRAWS / 40);
    }

    private static double distance(double[] a, double[] b, boolean antipodal) {
        double[] diff = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            diff[i] = antipodal ? b[i] + a[i] : b[i] - a[i];
        }
        return AccurateSums.norm2(diff);
    }
}
