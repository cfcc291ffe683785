package io.formulary.cli;

import io.formulary.core.spec.SpecIndex;
import io.formulary.report.PropertyRunner;
import io.formulary.report.ReportGenerator;
import io.formulary.report.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code formulary report}: runs the property suite (unless {@code --no-run}) and writes the HTML conformance
 * report. {@code mvn verify} calls it with {@code --no-run} on the records its own test run wrote.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Runs the property suite and writes the HTML conformance report (index.html and assets).",
            "Exit status 0 when the report was written, whatever the outcomes; see the report or `check` for those."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for index.html and its assets (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "formulary-report");

    @Option(names = "--results", paramLabel = "DIR",
            description = "Directory of the property records to write (or, with --no-run, to read). Default: <out>/results.")
    Path results;

    @Option(names = "--no-run", description = "Do not run the properties; render the records already in --results.")
    boolean noRun;

    @Option(names = "--area", paramLabel = "AREA", split = ",",
            description = "Run only these chapters' tests (for example GAUSS,ORTHO); the report still lists every chapter.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--examples", paramLabel = "N", description = "Examples per property run (default: the project policy, 200).")
    Integer examples;

    @Option(names = "--seed", paramLabel = "POLICY", description = "Seed policy: fixed (default), random, or a number.")
    String seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path resultsDir = results != null ? results : out.resolve("results");
        if (examples != null) {
            if (examples < 1) {
                stderr.println("formulary report: --examples must be >= 1, got " + examples);
                return 2;
            }
            System.setProperty("formulary.examples", Integer.toString(examples));
        }
        if (seed != null) {
            if (!seed.matches("fixed|random|-?[0-9]{1,19}")) {
                stderr.println("formulary report: --seed must be fixed, random or a number, got " + seed);
                return 2;
            }
            System.setProperty("formulary.seed", seed);
        }
        if (!noRun) {
            List<String> packages = new ArrayList<>();
            SpecIndex index = SpecIndex.load();
            for (String a : areas) {
                String area = a.trim().toUpperCase(Locale.ROOT);
                SpecIndex.Chapter chapter = index.chapter(area).orElse(null);
                if (chapter == null) {
                    stderr.println("formulary report: unknown chapter area " + a);
                    return 2;
                }
                packages.add(chapter.javaPackage().replace("io.formulary.core.", "io.formulary.properties."));
            }
            ResultStore.clear(resultsDir);
            PropertyRunner.Summary run = PropertyRunner.run(resultsDir, packages, stdout);
            stdout.printf(Locale.ROOT, "ran %d tests in %.1f s: %d passed, %d failed, %d aborted (expected failures), %d skipped%n",
                    run.tests(), run.millis() / 1000.0, run.succeeded(), run.failed(), run.aborted(), run.skipped());
        }
        ReportGenerator.Written w = ReportGenerator.generate(resultsDir, out);
        w.report().meta().notes().forEach(n -> stderr.println("formulary report: note: " + n));
        stdout.printf(Locale.ROOT, "report: %s (%d chapters, %d formulas, %d properties; written in %d ms, %.1f KiB)%n",
                w.page().toAbsolutePath().normalize(), w.report().chapters().size(), w.report().formulaCount(),
                w.report().propertyCount(), w.millis(), w.bytes() / 1024.0);
        stdout.flush();
        return 0;
    }
}
