package io.formulary.core.gauss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

class GaussReportTest {

    @Test
    void reportIsRegisteredAndProducesNonEmptyFiniteBlocks() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.type().getName()))
                .contains(GaussReport.class.getName());
        GaussReport report = new GaussReport();
        assertThat(report.area()).isEqualTo("GAUSS");
        List<ReportBlock> blocks = report.blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(9);
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).as(t.title()).isNotEmpty();
            } else if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).as(p.title()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).as(p.title() + " / " + s.name()).isNotEmpty();
                    for (int i = 0; i < s.x().length; i++) {
                        assertThat(Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]))
                                .as("%s / %s point %s", p.title(), s.name(), i).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void precomputedTableStillMatchesThePairsAndTheOracle() {
        java.util.List<String> acc = new java.util.ArrayList<>();
        java.util.List<java.math.BigDecimal[]> table = GaussReport.precomputed("acc");
        java.util.List<java.math.BigDecimal[]> near = GaussReport.precomputed("near");
        assertThat(table).hasSize(30);
        assertThat(near).hasSize(23);
        double[][][] first = GaussReport.accuracyPairs().get(29);
        java.math.BigDecimal w2 = GaussReport.Big.w2Cov(first[0], first[1]);
        assertThat(w2.subtract(table.get(29)[2]).abs().doubleValue()).isLessThan(1e-20 * w2.doubleValue());
        double[][][] ne = GaussReport.nearEqualPairs().get(0);
        java.math.BigDecimal kl = GaussReport.Big.klCov(ne[0], ne[1]).multiply(new java.math.BigDecimal("0.5"));
        assertThat(kl.subtract(near.get(0)[0]).abs().doubleValue()).isLessThan(1e-20 * kl.doubleValue());
        assertThat(acc).isEmpty();
    }

    @Test
    void nearEqualGoldenRowShowsTheTextbookFailure() {
        double h = 0x1p-27;
        double[][] id = {{1, 0}, {0, 1}};
        double[][] nq = {{1 + h, 0}, {0, 1 - h}};
        // The chapter's table: the textbook forms give -1.39e-17 / 0 for KL and 0 for the W2 trace form.
        assertThat(GaussReport.textbookKl(id, nq)).isLessThanOrEqualTo(0.0);
        assertThat(GaussReport.traceFormW2(id, nq)).isLessThan(1e-17);
    }
}
