package io.formulary.properties.widen;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.widen.WidenReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The WIDEN report is registered and produces non-empty blocks with finite data and the expected verdicts. */
class WidenReportTest {

    @Test
    void reportIsRegisteredAndProducesFiniteNonEmptyBlocks() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.type().getName()))
                .contains(WidenReport.class.getName());
        List<ReportBlock> blocks = new WidenReport().blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
        for (ReportBlock b : blocks) {
            assertThat(b.title()).isNotBlank();
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).as(t.title()).isNotEmpty();
            } else if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).as(p.title()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).as(p.title() + " " + s.name()).isNotEmpty();
                    for (double y : s.y()) {
                        assertThat(Double.isFinite(y)).as(p.title() + " " + s.name()).isTrue();
                        if (p.logY()) {
                            assertThat(y).as(p.title() + " log axis").isPositive();
                        }
                    }
                }
            } else if (b instanceof ReportBlock.Heatmap h) {
                assertThat(h.values()).isNotEmpty();
            }
        }
        ReportBlock.Table matrix = (ReportBlock.Table) blocks.stream()
                .filter(b -> b.title().startsWith("Configuration matrix")).findFirst().orElseThrow();
        for (List<String> row : matrix.rows()) {
            assertThat(String.join(" ", row)).as("configuration verdicts").doesNotContain("FAIL");
        }
    }
}
