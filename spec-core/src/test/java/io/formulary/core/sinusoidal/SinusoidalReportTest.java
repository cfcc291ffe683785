package io.formulary.core.sinusoidal;

import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SinusoidalReportTest {

    @Test
    void producesNonEmptyBlocksWithFiniteData() {
        List<ReportBlock> blocks = new SinusoidalReport().blocks();
        assertThat(new SinusoidalReport().area()).isEqualTo("SIN");
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(12);
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).as(p.title() + " / " + s.name()).isNotEmpty();
                    for (int i = 0; i < s.x().length; i++) {
                        assertThat(Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])).as(p.title() + " " + s.name()).isTrue();
                    }
                }
            } else if (b instanceof ReportBlock.Heatmap h) {
                assertThat(h.values()).isNotEmpty();
                for (double[] row : h.values()) {
                    for (double v : row) {
                        assertThat(Double.isFinite(v)).isTrue();
                    }
                }
            } else if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).isNotEmpty();
            }
        }
    }
}
