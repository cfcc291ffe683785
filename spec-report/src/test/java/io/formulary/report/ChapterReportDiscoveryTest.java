package io.formulary.report;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.spec.SpecIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard assembler finds chapter reports through ServiceLoader (test fixtures registered in test resources). */
class ChapterReportDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void fixturesAreFoundAndLandInTheirChapters() {
        assertThat(ServiceLoader.load(ChapterReport.class).stream().map(ServiceLoader.Provider::type))
                .contains(FixtureChapterReport.class, FailingChapterReport.class);
        ReportModel.Report r = ReportAssembler.standard().assemble(ResultStore.read(dir));
        assertThat(r.chapters()).extracting(ReportModel.ChapterSection::area)
                .containsExactlyElementsOf(SpecIndex.load().chapters().stream().map(SpecIndex.Chapter::area).toList());
        ReportModel.ChapterSection sin = r.chapters().stream().filter(c -> c.area().equals("SIN")).findFirst().orElseThrow();
        assertThat(sin.blocks()).extracting(b -> b.title().raw()).contains(FixtureChapterReport.PLOT_TITLE);
        ReportModel.ChapterSection rope = r.chapters().stream().filter(c -> c.area().equals("ROPE")).findFirst().orElseThrow();
        assertThat(rope.blocks()).anySatisfy(b -> assertThat(b.kind()).isEqualTo("error"));
    }
}
