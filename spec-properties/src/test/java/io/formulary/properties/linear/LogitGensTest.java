package io.formulary.properties.linear;

import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.numeric.DenseLinearAlgebra;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each generator yields what its name says and hits its hard regimes. */
class LogitGensTest {

    private static QuickTheory qt(int n) {
        return QuickTheory.qt().withFixedSeed(20210722L).withExamples(n).withUnlimitedTestingTime();
    }

    @Test
    void labelledDataHaveEveryClassAWellPosedPooledCovarianceAndHitTheRegimes() {
        Map<String, Integer> regimes = new TreeMap<>();
        Map<Double, Integer> offsets = new TreeMap<>();
        qt(300).forAll(LogitGens.labelled()).checkAssert(d -> {
            int[] counts = new int[d.k()];
            for (int v : d.y()) {
                counts[v]++;
            }
            assertThat(counts).as("every class present in %s", d).doesNotContain(0);
            assertThat(d.size()).isGreaterThanOrEqualTo(d.n() + d.k());
            if (d.regime().equals("N-k=n")) {
                assertThat(d.size()).isEqualTo(d.n() + d.k());
            }
            if (d.regime().equals("one-sample-class")) {
                assertThat(counts[d.k() - 1]).isEqualTo(1);
            }
            double[] ev = DenseLinearAlgebra.symmetricEigen(ClassStatistics.of(d.X(), d.y(), d.k()).pooledCovariance(), "S").values();
            assertThat(ev[0]).isGreaterThan(1e-10 * ev[ev.length - 1]);
            regimes.merge(d.regime(), 1, Integer::sum);
            offsets.merge(d.offset(), 1, Integer::sum);
        });
        assertThat(regimes.keySet()).containsExactlyInAnyOrderElementsOf(LogitGens.REGIMES);
        assertThat(offsets).containsKeys(0.0, 1.0, 1e3, 1e6);
    }

    @Test
    void regressionDataHaveEnoughRowsAndOffsets() {
        Map<Double, Integer> offsets = new TreeMap<>();
        qt(100).forAll(LogitGens.regression()).checkAssert(d -> {
            assertThat(d.X().length).isGreaterThanOrEqualTo(d.X()[0].length + 2);
            assertThat(d.Y().length).isEqualTo(d.X().length);
            offsets.merge(d.offset(), 1, Integer::sum);
        });
        assertThat(offsets).containsKeys(0.0, 1.0, 1e3, 1e6);
    }

    @Test
    void parametersAreSymmetricPositiveDefiniteWithPriorsSummingToOne() {
        int[] farHits = new int[1];
        qt(100).forAll(LogitGens.parameters(LogitGens.CLASSES)).checkAssert(p -> {
            DenseLinearAlgebra.cholesky(p.sigma(), "sigma");
            double s = 0;
            for (double v : p.priors()) {
                assertThat(v).isPositive();
                s += v;
            }
            assertThat(Math.abs(s - 1)).isLessThanOrEqualTo(1e-12);
            farHits[0] += LogitAssert.maxAbs(p.x()) > 10 ? 1 : 0;
        });
        assertThat(farHits[0]).as("far query points").isPositive();
    }

    @Test
    void mleDataAreNotSeparable() {
        qt(50).forAll(LogitGens.mleData()).checkAssert(d -> {
            // not separable: the unpenalized MLE exists (the fit throws on separable data)
            if (d.k() == 2) {
                io.formulary.core.linear.LogisticMle.fitBinary(d.X(), d.y(), 0);
            } else {
                io.formulary.core.linear.LogisticMle.fitSoftmax(d.X(), d.y(), d.k(), 0);
            }
            int[] counts = new int[d.k()];
            for (int v : d.y()) {
                counts[v]++;
            }
            assertThat(counts).doesNotContain(0);
            assertThat(d.size()).isBetween(40, 400);
        });
    }

    @Test
    void logitsHitTheEdgeValues() {
        int[] edges = new int[1];
        qt(400).forAll(LogitGens.logits()).checkAssert(t -> {
            assertThat(t).isBetween(-800.0, 800.0);
            edges[0] += Math.abs(t) < 1e-200 || Math.abs(t) >= 745 ? 1 : 0;
        });
        assertThat(edges[0]).isPositive();
    }
}
