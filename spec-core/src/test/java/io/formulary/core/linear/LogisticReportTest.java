package io.formulary.core.linear;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class LogisticReportTest {

    @Test
    void reportIsRegisteredAndProducesNonEmptyFiniteBlocks() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.type().getName()))
                .contains(LogisticReport.class.getName());
        List<ReportBlock> blocks = new LogisticReport().blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).as(t.title()).isNotEmpty();
            } else if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).as(p.title()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).as(p.title() + " / " + s.name()).isNotEmpty();
                    for (double v : s.x()) {
                        assertThat(Double.isFinite(v)).as(p.title() + " x").isTrue();
                    }
                    long finite = java.util.Arrays.stream(s.y()).filter(Double::isFinite).count();
                    assertThat(finite).as(p.title() + " / " + s.name() + " finite y values").isPositive();
                }
            } else if (b instanceof ReportBlock.Note n) {
                assertThat(n.text()).isNotBlank();
            }
        }
    }

    @Test
    void irisAnalyticCountsAreTheChaptersGoldens() {
        // R5: analytic 147/150 on all data; 102/105 train and 45/45 validation on the 70/30 split
        assertThat(LogisticReport.irisAnalyticCounts()).containsExactly(147, 102, 45);
    }

    @Test
    void irisResourceMatchesItsIntegrityChecks() {
        SyntheticClasses.Dataset iris = IrisData.load();
        assertThat(iris.size()).isEqualTo(150);
        double[] sums = new double[4];
        double squares = 0;
        int[] counts = new int[3];
        for (int j = 0; j < 150; j++) {
            for (int a = 0; a < 4; a++) {
                sums[a] += iris.X()[j][a];
                squares += iris.X()[j][a] * iris.X()[j][a];
            }
            counts[iris.y()[j]]++;
        }
        // R5 integrity values (R / scikit-learn version of the data)
        assertThat(sums[0]).isCloseTo(876.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sums[1]).isCloseTo(458.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sums[2]).isCloseTo(563.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sums[3]).isCloseTo(179.9, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(squares).isCloseTo(9539.29, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(counts).containsExactly(50, 50, 50);
        SyntheticClasses.Dataset[] split = IrisData.split(iris, 3);
        assertThat(split[0].size()).isEqualTo(105);
        assertThat(split[1].size()).isEqualTo(45);
    }
}
