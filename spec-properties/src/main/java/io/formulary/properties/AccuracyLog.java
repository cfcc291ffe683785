package io.formulary.properties;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Structured accuracy results for the report's accuracy tables: one JSON line per measured case, appended to
 * {@code <results dir>/accuracy/<formula ID>.jsonl} by the tests that compare a formula against its
 * arbitrary-precision (40+ digit) evaluation.
 *
 * <p>Call {@link #record} from the accuracy test after computing the error, before asserting it, so a failing
 * case is also recorded. The metric is one of {@code ulps}, {@code relative}, {@code absolute} or
 * {@code relative/kappa} (relative error divided by the condition number).
 */
public final class AccuracyLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files already started by this JVM: the first entry of a run replaces what an earlier run left. */
    private static final java.util.Set<Path> STARTED = new java.util.HashSet<>();

    private AccuracyLog() {
    }

    /**
     * One measured case.
     *
     * @param formulaId the formula, for example {@code GAUSS-F11}
     * @param testCase  a short description of the input (regime, dimension, condition number)
     * @param metric    {@code ulps}, {@code relative}, {@code absolute} or {@code relative/kappa}
     * @param error     the measured error in that metric
     * @param bound     the promised bound in that metric
     * @param oracle    how the exact value was obtained, for example {@code "big-math, 50 digits"}
     */
    public record Entry(String formulaId, String testCase, String metric, double error, double bound, String oracle) {
    }

    /** Appends one entry; safe to call from a test running in one JVM (appends are synchronized). */
    public static synchronized void record(String formulaId, String testCase, String metric, double error,
                                           double bound, String oracle) {
        if (PropertyHarness.detached()) {
            // A property run through falsify() checks a mutant: its errors are not the reference's accuracy.
            return;
        }
        if (Double.isNaN(error) || Double.isNaN(bound)) {
            throw new IllegalArgumentException("error: NaN accuracy figure for " + formulaId + " (" + testCase
                    + "); record an absolute error where the exact value underflows");
        }
        Entry e = new Entry(formulaId, testCase, metric, error, bound, oracle);
        try {
            Path dir = PropertyPolicy.resultsDir().resolve("accuracy");
            Files.createDirectories(dir);
            String line = JSON.writeValueAsString(e) + "\n";
            Path file = dir.resolve(formulaId + ".jsonl");
            StandardOpenOption mode = STARTED.add(file) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
