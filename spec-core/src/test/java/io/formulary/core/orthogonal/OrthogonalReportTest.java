package io.formulary.core.orthogonal;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The ORTHO report is registered, produces every block the chapter asks for, with finite data where it must be. */
class OrthogonalReportTest {

    @Test
    void reportIsRegisteredAndDeterministic() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.get().area())).contains("ORTHO");
        assertThat(new OrthogonalReport().blocks().toString()).isNotEmpty();
    }

    @Test
    void blocksAreNonEmptyWithFiniteData() {
        List<ReportBlock> blocks = new OrthogonalReport().blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(9);
        int heatmaps = 0;
        int plots = 0;
        for (ReportBlock b : blocks) {
            assertThat(b.title()).isNotBlank();
            if (b instanceof ReportBlock.Table t) {
                assertThat(t.rows()).isNotEmpty();
                t.rows().forEach(r -> r.forEach(cell -> assertThat(cell).doesNotContain("NaN").doesNotContain("FAIL")));
            } else if (b instanceof ReportBlock.Heatmap h) {
                heatmaps++;
                assertThat(h.values()).hasNumberOfRows(5);
                for (double[] row : h.values()) {
                    for (double v : row) {
                        assertThat(v).isFinite().isBetween(h.min(), h.max());
                    }
                }
            } else if (b instanceof ReportBlock.Plot p) {
                plots++;
                assertThat(p.series()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(s.x()).isNotEmpty();
                    boolean raw = s.name().contains("raw");
                    long finite = java.util.Arrays.stream(s.y()).filter(Double::isFinite).count();
                    // The article's raw formulas are the negative control: gaps (infinite values) are expected there.
                    assertThat(finite).as(s.name()).isEqualTo(raw ? finite : s.y().length).isPositive();
                }
            }
        }
        assertThat(heatmaps).isEqualTo(3);
        assertThat(plots).isEqualTo(4);
    }

    @Test
    void stabilityPanelsShowTheRobustFormsFlatAndTheRawFormulasBlowingUp() {
        List<ReportBlock> blocks = new OrthogonalReport().blocks();
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Plot p && p.title().startsWith("Near-singular")) {
                for (ReportBlock.Series s : p.series()) {
                    double worst = java.util.Arrays.stream(s.y()).filter(Double::isFinite).max().orElse(0);
                    if (s.name().contains("robust")) {
                        assertThat(worst).as(s.name()).isLessThan(1e-14);
                    }
                }
                boolean someRawBlowsUp = p.series().stream().filter(s -> s.name().contains("raw"))
                        .anyMatch(s -> java.util.Arrays.stream(s.y()).anyMatch(y -> !Double.isFinite(y) || y > 1e-6));
                assertThat(someRawBlowsUp).as(p.title()).isTrue();
            }
        }
    }
}
