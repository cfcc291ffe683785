package io.formulary.report;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRendererTest {

    @TempDir
    Path dir;

    private String html(List<ChapterReport> reports) throws IOException {
        Fixtures.writeResults(dir);
        return new ReportRenderer().render(Fixtures.assembler(reports).assemble(ResultStore.read(dir)));
    }

    /** The table row of one property. */
    private static String row(String html, String id) {
        Matcher m = Pattern.compile("<tr [^>]*data-property=\"" + id + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("row of " + id).isTrue();
        return m.group(0);
    }

    @Test
    void everyValueIsEscaped() throws IOException {
        String html = html(List.of(new ChapterReport() {
            @Override
            public String area() {
                return "ALPHA";
            }

            @Override
            public List<ReportBlock> blocks() {
                return List.of(new ReportBlock.Table("T <b>", "cap <i>", List.of("<th>"),
                        List.of(List.of("<script>alert(1)</script>"))));
            }
        }));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<always>").doesNotContain("T <b>").doesNotContain("<th>\n")
                .doesNotContain("<-2.0>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;always&gt;")
                .contains("x = [1.0, &lt;-2.0&gt;]").contains("T &lt;b&gt;");
    }

    @Test
    void aFailingPropertyRowShowsCounterexampleMessageAndReplay() throws IOException {
        String row = row(html(List.of()), "ALPHA-P2");
        assertThat(row).contains("class=\"property failed\"").contains("data-outcome=\"failed\"")
                .contains("Smallest counterexample").contains("x = [1.0, &lt;-2.0&gt;]")
                .contains("expected &lt;= 0 but was 1e-3")
                .contains("mvn -B verify -Dgroups=ALPHA-P2 -Dformulary.seed=12345")
                .contains(">12345<").contains(">200<");
    }

    @Test
    void aNotRunPropertyIsShownAsNotRun() throws IOException {
        String html = html(List.of());
        assertThat(row(html, "ALPHA-P4")).contains("data-outcome=\"not-run\"").contains(">not run<")
                .doesNotContain(">passed<").doesNotContain("Replay");
        assertThat(row(html, "ALPHA-P1")).contains(">passed<").doesNotContain("Replay");
        assertThat(row(html, "ALPHA-P3")).contains(">expected failure<").contains("needs a compensated sum");
    }

    @Test
    void anEmptyChapterRendersAsAnEmptySection() throws IOException {
        String html = html(List.of());
        Matcher m = Pattern.compile("<section [^>]*id=\"chapter-EMPTY\".*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        String section = m.group();
        assertThat(section).contains("Nothing of this chapter is implemented or recorded yet")
                .contains("The index lists no formulas").contains("The index lists no properties")
                .doesNotContain("data-property=");
        assertThat(html).contains("href=\"#chapter-EMPTY\"");
    }

    @Test
    void mathIsLeftForKatexAsTextInTexElements() throws IOException {
        String html = html(List.of());
        assertThat(html).contains("<div class=\"tex tex-display\">\\sum_i x_i^2</div>");
        assertThat(html).contains("<span class=\"tex\">[a,b]</span>");
        assertThat(html).contains("<span class=\"tex\">\\ge 0</span>");
        assertThat(html).contains("src=\"assets/katex/katex.min.js\"").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void plotsAreInlineSvgAndHeaderCarriesVersionAndCommit() throws IOException {
        String html = html(List.of(new FixtureChapterReport("ALPHA")));
        assertThat(html).contains("9.9.9-test").contains("0123456789abcdef0123456789abcdef01234567");
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(4);
        assertThat(html).contains("dimension d (count)").contains("error (ulps)");
        assertThat(html).contains("data-block=\"heatmap\"").contains("data-block=\"note\"");
    }

    @Test
    void writeCopiesKatexWithEveryFontItsStyleSheetNames() throws IOException {
        Fixtures.writeResults(dir);
        Path out = dir.resolve("out");
        Path page = new ReportRenderer().write(Fixtures.assembler(List.of()).assemble(ResultStore.read(dir)), out);
        assertThat(page).isRegularFile().hasFileName("index.html");
        String css = Files.readString(out.resolve("assets/katex/katex.min.css"), StandardCharsets.UTF_8);
        assertThat(ReportRenderer.fontsOf(css)).hasSizeGreaterThan(50)
                .allSatisfy(f -> assertThat(out.resolve("assets/katex").resolve(f)).isRegularFile());
        assertThat(out.resolve("assets/katex/katex.min.js")).isRegularFile();
        assertThat(out.resolve("assets/report.js")).isRegularFile();
        assertThat(out.resolve("assets/report.css")).isRegularFile();
        assertThat(ReportRenderer.katexVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(ReportRenderer.size(out)).isGreaterThan(Files.size(page));
    }
}
