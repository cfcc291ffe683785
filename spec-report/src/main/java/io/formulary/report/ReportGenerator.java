package io.formulary.report;

import java.nio.file.Path;

/** Reads the records of a property run and writes the HTML report: the one path the build and the CLI share. */
public final class ReportGenerator {

    /**
     * What was written.
     *
     * @param page   the HTML page
     * @param report the model it shows
     * @param millis time to read the records, compute the chapters' content, draw charts and write the files
     * @param bytes  size of the page and its assets
     */
    public record Written(Path page, ReportModel.Report report, long millis, long bytes) {
    }

    private ReportGenerator() {
    }

    /** Writes the report for the records in {@code resultsDir} into {@code outDir}. */
    public static Written generate(Path resultsDir, Path outDir) {
        // Charts are drawn off screen; never try to reach a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        long start = System.nanoTime();
        ResultStore store = ResultStore.read(resultsDir);
        ReportModel.Report report = ReportAssembler.standard().assemble(store);
        Path page = new ReportRenderer().write(report, outDir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Written(page, report, millis, ReportRenderer.size(outDir));
    }
}
