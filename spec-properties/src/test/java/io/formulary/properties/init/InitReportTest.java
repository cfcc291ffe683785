package io.formulary.properties.init;

import io.formulary.core.init.InitReport;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The chapter report is registered, non-empty, and its plots carry finite data where they are not gaps. */
class InitReportTest {

    @Test
    void reportIsRegisteredAndProducesFiniteBlocks() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.type().getName()))
                .contains(InitReport.class.getName());
        List<ReportBlock> blocks = new InitReport().blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(14);
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).as(t.title()).isNotEmpty();
            } else if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).as(p.title()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).as(p.title() + " / " + s.name()).isNotEmpty();
                    assertThat(java.util.Arrays.stream(s.x()).allMatch(Double::isFinite)).as(p.title()).isTrue();
                    long finite = java.util.Arrays.stream(s.y()).filter(Double::isFinite).count();
                    assertThat(finite).as(p.title() + " / " + s.name()).isPositive();
                }
            }
        }
    }
}
