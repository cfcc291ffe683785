package io.formulary.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.spec.SpecIndex;
import io.formulary.core.spec.SpecIndex.Kind;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.Deviations;
import io.formulary.properties.PropertyResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data: a small hand-made index, result records as the harness writes them, and accuracy entries. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static final List<SpecIndex.Chapter> CHAPTERS = List.of(
            new SpecIndex.Chapter("ALPHA", "io.formulary.core.alpha", "01-alpha.md", false, "Alpha chapter"),
            new SpecIndex.Chapter("EMPTY", "io.formulary.core.empty", "02-empty.md", false, "A chapter with nothing yet"));

    static final List<SpecIndex.Entry> ENTRIES = List.of(
            new SpecIndex.Entry("ALPHA-F1", "ALPHA", Kind.FORMULA, "Sum of squares", "\\sum_i x_i^2", ""),
            new SpecIndex.Entry("ALPHA-F2", "ALPHA", Kind.FORMULA, "Norm on $[a,b]$", "", ""),
            new SpecIndex.Entry("ALPHA-F3", "ALPHA", Kind.FORMULA, "A derivation", "", "covered-by: ALPHA-P1"),
            new SpecIndex.Entry("ALPHA-P1", "ALPHA", Kind.PROPERTY, "Non-negative", "the sum is $\\ge 0$ <always>", ""),
            new SpecIndex.Entry("ALPHA-P2", "ALPHA", Kind.PROPERTY, "Monotone", "", ""),
            new SpecIndex.Entry("ALPHA-P3", "ALPHA", Kind.PROPERTY, "Known gap", "holds to 1 ulp", ""),
            new SpecIndex.Entry("ALPHA-P4", "ALPHA", Kind.PROPERTY, "Never run", "nobody ran this", ""),
            new SpecIndex.Entry("ALPHA-E1", "ALPHA", Kind.ERRATUM, "Sign slip", "the article drops a minus sign", "ALPHA-P2"));

    static final Set<String> IMPLEMENTED = Set.of("ALPHA-F1");

    static final List<Deviations.Deviation> DEVIATIONS = List.of(
            new Deviations.Deviation("ALPHA-P3", "2026-11-29", "needs a compensated sum"));

    static PropertyResult result(String id, String outcome, String counterexample, String message) {
        return new PropertyResult(id, id + ": statement from the display name", "io.formulary.properties.alpha.AlphaProperties",
                "method", "reference", outcome, 200, 12345L, "fixed", counterexample, message,
                "mvn -B verify -Dgroups=" + id + " -Dformulary.seed=12345", PropertyResult.EXPECTED_FAILURE.equals(outcome)
                        ? "needs a compensated sum" : null, Map.of("near-zero", 17L), 42, "2026-11-29T10:00:00Z");
    }

    /** Writes the ALPHA records: P1 passed, P2 failed, P3 expected failure, P4 none; two accuracy logs. */
    static void writeResults(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("accuracy"));
        write(dir, result("ALPHA-P1", PropertyResult.PASSED, null, null));
        write(dir, result("ALPHA-P2", PropertyResult.FAILED, "x = [1.0, <-2.0>]", "ALPHA-P2: expected <= 0 but was 1e-3"));
        write(dir, result("ALPHA-P3", PropertyResult.EXPECTED_FAILURE, "x = 3", "off by 2 ulps"));
        StringBuilder f1 = new StringBuilder();
        for (AccuracyLog.Entry e : List.of(
                new AccuracyLog.Entry("ALPHA-F1", "random d=4", "ulps", 0.5, 4, "big-math, 50 digits"),
                new AccuracyLog.Entry("ALPHA-F1", "random d=4", "ulps", 1.5, 4, "big-math, 50 digits"),
                new AccuracyLog.Entry("ALPHA-F1", "cancellation", "ulps", 3.0, 4, "big-math, 50 digits"))) {
            f1.append(JSON.writeValueAsString(e)).append('\n');
        }
        Files.writeString(dir.resolve("accuracy/ALPHA-F1.jsonl"), f1, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accuracy/ALPHA-F2.jsonl"),
                JSON.writeValueAsString(new AccuracyLog.Entry("ALPHA-F2", "ill-conditioned", "relative/kappa", 20, 8,
                        "exact rationals")) + "\n", StandardCharsets.UTF_8);
    }

    static void write(Path dir, PropertyResult r) throws IOException {
        JSON.writeValue(dir.resolve(r.id() + ".json").toFile(), r);
    }

    static ReportAssembler assembler(List<ChapterReport> reports) {
        return new ReportAssembler(CHAPTERS, ENTRIES, IMPLEMENTED::contains, DEVIATIONS, reports,
                new BuildInfo("9.9.9-test", "0123456789abcdef0123456789abcdef01234567", ""));
    }
}
