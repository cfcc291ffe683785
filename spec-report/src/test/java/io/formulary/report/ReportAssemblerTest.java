package io.formulary.report;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.report.ReportModel.ChapterSection;
import io.formulary.report.ReportModel.Outcome;
import io.formulary.report.ReportModel.PropertyRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportAssemblerTest {

    @TempDir
    Path dir;

    private static ChapterReport report(String area, List<ReportBlock> blocks) {
        return new ChapterReport() {
            @Override
            public String area() {
                return area;
            }

            @Override
            public List<ReportBlock> blocks() {
                return blocks;
            }
        };
    }

    private ReportModel.Report assemble(List<ChapterReport> reports) throws IOException {
        Fixtures.writeResults(dir);
        return Fixtures.assembler(reports).assemble(ResultStore.read(dir));
    }

    private static PropertyRow row(ChapterSection c, String id) {
        return c.properties().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyChapterOfTheIndexGetsASectionInOrder() throws IOException {
        ReportModel.Report r = assemble(List.of());
        assertThat(r.chapters()).extracting(ChapterSection::area).containsExactly("ALPHA", "EMPTY");
        assertThat(r.meta().version()).isEqualTo("9.9.9-test");
        assertThat(r.meta().seedPolicy()).isEqualTo("fixed");
        assertThat(r.meta().recorded()).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(r.meta().examplesTried()).isEqualTo("600");
        assertThat(r.totals()).isEqualTo(new ReportModel.Summary(3, 2, 4, 1, 1, 1, 1, "", true));
    }

    @Test
    void aChapterWithNothingIsAnEmptySection() throws IOException {
        ChapterSection empty = assemble(List.of()).chapters().get(1);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.formulas()).isEmpty();
        assertThat(empty.properties()).isEmpty();
        assertThat(empty.accuracy()).isEmpty();
        assertThat(empty.summary()).isEqualTo(new ReportModel.Summary(0, 0, 0, 0, 0, 0, 0, "", true));
    }

    @Test
    void aPropertyWithoutARecordIsNotRunNotPassed() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        PropertyRow p4 = row(alpha, "ALPHA-P4");
        assertThat(p4.outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(p4.examples()).isEmpty();
        assertThat(p4.seed()).isEmpty();
        assertThat(alpha.summary().notRun()).isEqualTo(1);
        assertThat(alpha.summary().passed()).isEqualTo(1);
    }

    @Test
    void aFailingPropertyCarriesItsCounterexampleAndReplayCommand() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        PropertyRow p2 = row(alpha, "ALPHA-P2");
        assertThat(p2.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(p2.counterexample()).isEqualTo("x = [1.0, <-2.0>]");
        assertThat(p2.message()).contains("expected <= 0");
        assertThat(p2.replay()).isEqualTo("mvn -B verify -Dgroups=ALPHA-P2 -Dformulary.seed=12345");
        assertThat(p2.seed()).isEqualTo("12345");
        assertThat(p2.regimes()).isEqualTo("near-zero ×17");
        // No statement in the index: the display name, without its ID prefix, is the statement.
        assertThat(p2.statement().raw()).isEqualTo("statement from the display name");
        assertThat(alpha.summary().failed()).isEqualTo(1);
        // A passing property shows no failure details.
        assertThat(row(alpha, "ALPHA-P1").replay()).isEmpty();
        assertThat(row(alpha, "ALPHA-P1").statement().segments()).hasSize(3);
    }

    @Test
    void expectedFailuresAndDeviationsAreCountedApart() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        assertThat(row(alpha, "ALPHA-P3").outcome()).isEqualTo(Outcome.EXPECTED_FAILURE);
        assertThat(row(alpha, "ALPHA-P3").deviation()).isEqualTo("needs a compensated sum");
        assertThat(alpha.summary().expectedFailure()).isEqualTo(1);
        assertThat(alpha.deviations()).singleElement().satisfies(d -> {
            assertThat(d.propertyId()).isEqualTo("ALPHA-P3");
            assertThat(d.outcome()).isEqualTo(Outcome.EXPECTED_FAILURE);
        });
    }

    @Test
    void anUnexpectedPassCountsAsAFailure() throws IOException {
        Fixtures.writeResults(dir);
        Fixtures.write(dir, Fixtures.result("ALPHA-P3", "unexpected-pass", null, "listed but holds"));
        ChapterSection alpha = Fixtures.assembler(List.of()).assemble(ResultStore.read(dir)).chapters().get(0);
        assertThat(row(alpha, "ALPHA-P3").outcome()).isEqualTo(Outcome.UNEXPECTED_PASS);
        assertThat(alpha.summary().failed()).isEqualTo(2);
        assertThat(alpha.summary().expectedFailure()).isZero();
    }

    @Test
    void formulasShowImplementationStatusAndFallBackToTheirTitle() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        assertThat(alpha.formulas()).extracting(ReportModel.FormulaRow::status)
                .containsExactly("implemented", "not implemented", "covered by ALPHA-P1");
        assertThat(alpha.formulas().get(0).hasLatex()).isTrue();
        assertThat(alpha.formulas().get(1).hasLatex()).isFalse();
        assertThat(alpha.formulas().get(1).fallback().segments()).extracting(ReportModel.Text.Segment::math)
                .containsExactly(false, true);
        assertThat(alpha.summary().implemented()).isEqualTo(2);
        assertThat(alpha.summary().formulas()).isEqualTo(3);
    }

    @Test
    void errataShowTheOutcomeOfTheirDemonstratingProperty() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        assertThat(alpha.errata()).singleElement().satisfies(e -> {
            assertThat(e.propertyId()).isEqualTo("ALPHA-P2");
            assertThat(e.propertyOutcome()).isEqualTo(Outcome.FAILED);
        });
    }

    @Test
    void accuracyIsAggregatedPerFormulaAndMetricWithTheWorstCase() throws IOException {
        ChapterSection alpha = assemble(List.of()).chapters().get(0);
        assertThat(alpha.accuracy()).hasSize(2);
        ReportModel.AccuracyRow f1 = alpha.accuracy().get(0);
        assertThat(f1.formulaId()).isEqualTo("ALPHA-F1");
        assertThat(f1.cases()).isEqualTo(3);
        assertThat(f1.worst()).isEqualTo("3");
        assertThat(f1.worstCase()).isEqualTo("cancellation");
        assertThat(f1.ratio()).isEqualTo("75%");
        assertThat(f1.within()).isTrue();
        assertThat(f1.details()).extracting(ReportModel.AccuracyCase::testCase).containsExactly("random d=4", "cancellation");
        assertThat(f1.details().get(0).error()).isEqualTo("1.5");
        ReportModel.AccuracyRow f2 = alpha.accuracy().get(1);
        assertThat(f2.within()).isFalse();
        // The chapter's worst figure is the one furthest beyond its bound.
        assertThat(alpha.summary().worstAccuracy()).startsWith("20 relative/kappa (ALPHA-F2, 250% of bound 8)");
        assertThat(alpha.summary().worstWithin()).isFalse();
    }

    @Test
    void chapterBlocksAreAttachedAndFailuresShownNotThrown() throws IOException {
        ChapterReport failing = new ChapterReport() {
            @Override
            public String area() {
                return "EMPTY";
            }

            @Override
            public List<ReportBlock> blocks() {
                throw new IllegalStateException("boom");
            }
        };
        ReportModel.Report r = assemble(List.of(
                report("ALPHA", List.of(new ReportBlock.Note("n", "text"),
                        new ReportBlock.Plot("p", "c", "x (1)", "y (1)", false, false, ReportBlock.Kind.LINE,
                                List.of(new ReportBlock.Series("s", new double[] {1, 2}, new double[] {3, 4}))))),
                failing, report("NOWHERE", List.of())));
        assertThat(r.chapters().get(0).blocks()).extracting(ReportModel.Block::kind).containsExactly("note", "plot");
        assertThat(r.chapters().get(0).blocks().get(1).svg()).startsWith("<svg");
        assertThat(r.chapters().get(1).blocks()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo("error");
            assertThat(b.caption().raw()).contains("boom");
        });
        assertThat(r.meta().notes()).anySatisfy(n -> assertThat(n).contains("unknown chapter 'NOWHERE'"));
    }

    @Test
    void recordsOfPropertiesMissingFromTheIndexAreStillShown() throws IOException {
        Fixtures.writeResults(dir);
        Fixtures.write(dir, Fixtures.result("ALPHA-P9", "passed", null, null));
        Fixtures.write(dir, Fixtures.result("GHOST-P1", "passed", null, null));
        ReportModel.Report r = Fixtures.assembler(List.of()).assemble(ResultStore.read(dir));
        assertThat(r.chapters().get(0).properties()).extracting(PropertyRow::id).endsWith("ALPHA-P9");
        assertThat(r.meta().notes()).anySatisfy(n -> assertThat(n).contains("GHOST-P1"));
    }

    @Test
    void withoutAnyRecordsEveryPropertyIsNotRun() {
        ReportModel.Report r = Fixtures.assembler(List.of()).assemble(ResultStore.read(dir.resolve("missing")));
        assertThat(r.chapters().get(0).properties()).extracting(PropertyRow::outcome).containsOnly(Outcome.NOT_RUN);
        assertThat(r.meta().notes()).anySatisfy(n -> assertThat(n).contains("not run"));
    }
}
