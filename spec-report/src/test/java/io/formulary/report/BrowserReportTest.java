package io.formulary.report;

import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.spec.SpecIndex;
import io.formulary.properties.Deviations;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the report in headless Chromium, after its scripts ran, and checks what a reader would see: every formula
 * typeset by KaTeX (no raw TeX, no KaTeX error), no console output or page error, every chapter section and every
 * property row present; saves a PNG screenshot under {@code target/}.
 *
 * <p>Runs in the {@code integration-test} phase, after the build wrote the report. Without Chromium it fails
 * under CI ({@code CI=true}) and is skipped elsewhere; {@code .ci/run} installs Debian's {@code chromium}.
 */
@Tag("browser")
class BrowserReportTest {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=5000");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");

    private static Path chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = locateChromium();
        if (chromium == null) {
            String message = "Chromium not found (looked for chromium, chromium-browser, google-chrome on PATH, "
                    + "-Dformulary.chromium, $CHROMIUM); install Debian's chromium package (.ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message + "; browser check skipped outside CI");
        }
    }

    static Path locateChromium() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("formulary.chromium", System.getenv("CHROMIUM"));
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    candidates.add(Paths.get(d, name).toString());
                }
            }
        }
        return candidates.stream().map(Paths::get).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** The page after its scripts ran, and the browser's log lines from the page's console. */
    record Page(String dom, List<String> console) {
    }

    /** Opens the page once: DOM after the scripts ran, console lines of the log, and a PNG screenshot. */
    private Page open(Path page, Path png) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--enable-logging=stderr");
        command.add("--v=0");
        command.add("--window-size=1400,3000");
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add("--dump-dom");
        command.add(page.toUri().toString());
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        Path out = tmp.resolve("dom.html");
        Path err = tmp.resolve("chromium.log");
        int status = run(command, out, err);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(status).as("chromium exit status; log:%n%s", log).isZero();
        List<String> console = log.lines().filter(l -> CONSOLE.matcher(l).find()).toList();
        assertThat(png).as("screenshot").isRegularFile();
        byte[] image = Files.readAllBytes(png);
        assertThat(image.length).as("screenshot size").isGreaterThan(10_000);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).as("PNG signature").isEqualTo("PNG");
        return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
    }

    private static int run(List<String> command, Path out, Path err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 180 s: " + command);
        }
        return p.exitValue();
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile("<p id=\"render-status\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    /** The checks every generated report must pass in the browser. */
    private Page assertTypesetAndComplete(Path page, Path png, Set<String> areas, Set<String> properties)
            throws IOException, InterruptedException {
        String source = Files.readString(page, StandardCharsets.UTF_8);
        Page p = open(page, png);
        String dom = p.dom;
        Matcher status = Pattern.compile("<p id=\"render-status\"[^>]*>([^<]*)</p>").matcher(dom);
        String statusText = status.find() ? status.group(1) : "(no status element)";
        assertThat(attr(dom, "data-done")).as("page script finished: %s", statusText).isEqualTo("yes");
        long texElements = count(source, "class=\"tex");
        assertThat(attr(dom, "data-total")).as(statusText).isEqualTo(Long.toString(texElements));
        assertThat(attr(dom, "data-typeset")).as(statusText).isEqualTo(Long.toString(texElements));
        assertThat(attr(dom, "data-failed")).as(statusText).isEqualTo("0");
        assertThat(attr(dom, "data-problems")).as(statusText).isEqualTo("0");
        // No raw TeX left: each math element holds KaTeX output, none is marked failed, no KaTeX error element.
        assertThat(count(dom, "data-typeset=\"ok\"")).isEqualTo(texElements);
        assertThat(count(dom, "class=\"katex\"")).isGreaterThanOrEqualTo(texElements);
        assertThat(dom).doesNotContain("katex-error").doesNotContain("tex-failed");
        assertThat(p.console).as("console output of the page").isEmpty();
        for (String area : areas) {
            assertThat(dom).as("section of chapter " + area).contains("id=\"chapter-" + area + "\"");
        }
        for (String id : properties) {
            assertThat(dom).as("row of property " + id).contains("data-property=\"" + id + "\"");
        }
        return p;
    }

    private static Set<String> indexedProperties() {
        Set<String> ids = new LinkedHashSet<>();
        SpecIndex.load().entries().stream().filter(e -> e.kind() == SpecIndex.Kind.PROPERTY)
                .forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static Set<String> areas() {
        Set<String> areas = new LinkedHashSet<>();
        SpecIndex.load().chapters().forEach(c -> areas.add(c.area()));
        return areas;
    }

    @Test
    void theReportOfThisBuildIsTypesetAndComplete() throws IOException, InterruptedException {
        Path dir = Paths.get(System.getProperty("formulary.report.dir", "target/report"));
        Path page = dir.resolve("index.html");
        assertThat(page).as("the report of this build (written in pre-integration-test by mvn verify)").isRegularFile();
        Set<String> properties = indexedProperties();
        String results = System.getProperty("formulary.results.dir", "");
        if (!results.isBlank() && !results.startsWith("${")) {
            ResultStore.read(Paths.get(results)).results().keySet().stream()
                    .filter(id -> areas().contains(ReportAssembler.area(id))).forEach(properties::add);
        }
        assertTypesetAndComplete(page, Paths.get("target", "report-screenshot.png"), areas(), properties);
    }

    @Test
    void aReportWithEveryBlockKindAndFailureIsTypesetToo() throws IOException, InterruptedException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results);
        Fixtures.write(results, Fixtures.result("SIN-P1", "failed", "m = [<1>, 2]", "SIN-P1: expected 0 but was 1e-3"));
        Fixtures.write(results, Fixtures.result("SIN-P2", "expected-failure", "m = 3", "off by 2 ulps"));
        Fixtures.write(results, Fixtures.result("SIN-P3", "passed", null, null));
        SpecIndex index = SpecIndex.load();
        ReportAssembler assembler = new ReportAssembler(index.chapters(), index.entries(),
                id -> FormulaCatalogue.find(id).isPresent(), Deviations.all().values(),
                List.of(new FixtureChapterReport(), new FailingChapterReport()), BuildInfo.load());
        Path out = Paths.get("target", "report-fixture");
        Path page = new ReportRenderer().write(assembler.assemble(ResultStore.read(results)), out);
        Page p = assertTypesetAndComplete(page, Paths.get("target", "report-fixture-screenshot.png"), areas(),
                indexedProperties());
        assertThat(count(p.dom, "<svg")).isGreaterThanOrEqualTo(4);
        assertThat(p.dom).contains(FixtureChapterReport.PLOT_TITLE).contains("m = [&lt;1&gt;, 2]");
    }
}
