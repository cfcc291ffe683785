package io.formulary.report;

import io.formulary.cli.FormularyCommand;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter console = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new FormularyCommand()).setOut(new PrintWriter(console)).setErr(new PrintWriter(console))
                .execute(args);
    }

    @Test
    void noRunRendersTheRecordsAlreadyThere() throws IOException {
        Path results = dir.resolve("results");
        Files.createDirectories(results);
        Fixtures.write(results, Fixtures.result("SIN-P1", "failed", "m = 3", "SIN-P1: off"));
        Path out = dir.resolve("out");
        int status = run("report", "--no-run", "--results", results.toString(), "--out", out.toString());
        assertThat(status).as(console.toString()).isZero();
        assertThat(console.toString()).contains("report: ").contains("index.html");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("data-property=\"SIN-P1\" data-outcome=\"failed\"").contains("m = 3");
        assertThat(out.resolve("assets/katex/katex.min.js")).isRegularFile();
    }

    @Test
    void anUnknownAreaIsAUsageError() {
        assertThat(run("report", "--area", "NOPE", "--out", dir.toString())).isEqualTo(2);
        assertThat(run("report", "--examples", "0", "--out", dir.toString())).isEqualTo(2);
        assertThat(run("report", "--seed", "sometimes", "--out", dir.toString())).isEqualTo(2);
    }
}
