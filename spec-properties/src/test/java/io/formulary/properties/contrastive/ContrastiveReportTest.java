package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.ContrastiveReport;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ContrastiveReportTest {

    @Test
    void reportIsRegisteredAndItsDataIsFiniteAndShowsTheClaims() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(p -> p.type().getName()))
                .contains(ContrastiveReport.class.getName());
        List<ReportBlock> blocks = new ContrastiveReport().blocks();
        assertThat(blocks).hasSize(8);
        for (ReportBlock b : blocks) {
            if (b instanceof ReportBlock.Plot p) {
                assertThat(p.series()).isNotEmpty();
                for (ReportBlock.Series s : p.series()) {
                    assertThat(java.util.Arrays.stream(s.y()).allMatch(Double::isFinite)).as(s.name()).isTrue();
                }
            }
        }
        // Table 1 covers G1-G4 and every listed value is met within P14's 8 eps (at most 16 ulps).
        ReportBlock.Table golden = (ReportBlock.Table) blocks.get(0);
        assertThat(golden.rows()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(golden.rows().stream().map(r -> r.get(0).substring(0, 2)).distinct())
                .containsExactlyInAnyOrder("G1", "G2", "G3", "G4");
        for (List<String> row : golden.rows()) {
            assertThat(Double.parseDouble(row.get(3))).as(row.get(0)).isLessThanOrEqualTo(16);
        }
        // Plot 1: the two-pass error stays at rounding level, the naive error does not.
        ReportBlock.Plot unmasked = (ReportBlock.Plot) blocks.get(1);
        assertThat(java.util.Arrays.stream(unmasked.series().get(0).y()).max().getAsDouble()).isLessThan(1e-13);
        double[] naive = unmasked.series().get(1).y();
        assertThat(naive[naive.length - 1]).isGreaterThan(1e-3);
    }
}
