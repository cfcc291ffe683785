package io.formulary.properties.rope;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.rope.RopeReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The ROPE report produces its blocks with finite data and is registered with the service loader. */
class RopeReportTest {

    @Test
    @DisplayName("RopeReport blocks are non-empty and finite (plot gaps allowed)")
    void blocksAreNonEmptyAndFinite() {
        List<ReportBlock> blocks = new RopeReport().blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
        for (ReportBlock b : blocks) {
            assertThat(b.title()).isNotBlank();
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).as(t.title()).isNotEmpty();
                t.rows().forEach(row -> row.forEach(cell -> assertThat(cell).as(t.title()).doesNotContain("NaN", "Infinity")));
            } else if (b instanceof ReportBlock.Heatmap h) {
                for (double[] row : h.values()) {
                    for (double v : row) {
                        assertThat(Double.isFinite(v)).as(h.title()).isTrue();
                    }
                }
                assertThat(h.min()).isLessThan(h.max());
            } else if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).as(p.title()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    long finite = java.util.Arrays.stream(s.y()).filter(Double::isFinite).count();
                    assertThat(finite).as("%s / %s", p.title(), s.name()).isPositive();
                    for (double x : s.x()) {
                        assertThat(Double.isFinite(x)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("RopeReport is registered as a ChapterReport service")
    void registered() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(ServiceLoader.Provider::type))
                .contains(RopeReport.class);
    }
}
