package io.formulary.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the property suite of {@code spec-properties} in this JVM through the JUnit Platform Launcher, so the
 * harness writes its structured records into a chosen directory, and prints one progress line per finished test.
 *
 * <p>The tests of the chapter packages ({@code io.formulary.properties.<chapter>...}) are run: properties,
 * reference values, accuracy tests, generator and mutant tests. The harness's own tests in the root package are
 * not chapter results and are left to the build. Tags in {@link #EXCLUDED_TAGS} are not run, as in the default
 * build.
 */
public final class PropertyRunner {

    /** Tags excluded as in the default build (heavy sweeps) and the report's own browser check. */
    public static final List<String> EXCLUDED_TAGS = List.of("exhaustive", "browser");

    private static final String ROOT = "io.formulary.properties";

    /**
     * What a run did.
     *
     * @param tests     tests finished
     * @param succeeded tests that succeeded
     * @param failed    tests that failed
     * @param aborted   tests aborted (expected failures are reported as aborted)
     * @param skipped   tests skipped (disabled)
     * @param millis    wall time
     */
    public record Summary(long tests, long succeeded, long failed, long aborted, long skipped, long millis) {
    }

    private PropertyRunner() {
    }

    /**
     * Runs the chapter tests.
     *
     * @param resultsDir where the harness writes its records (set as {@code formulary.results.dir})
     * @param packages   the property packages to run ({@code io.formulary.properties.gauss}); empty means all
     * @param progress   where progress lines go
     * @return counts of what ran
     */
    public static Summary run(Path resultsDir, List<String> packages, PrintWriter progress) {
        System.setProperty("formulary.results.dir", resultsDir.toAbsolutePath().toString());
        List<String> selected = packages.isEmpty() ? List.of(ROOT) : packages;
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selected.stream().map(DiscoverySelectors::selectPackage).toList())
                // Classes of chapter sub-packages only: io.formulary.properties.<chapter>.<Class>.
                .filters(ClassNameFilter.includeClassNamePatterns("io\\.formulary\\.properties\\.[a-z0-9_]+\\..+"),
                        TagFilter.excludeTags(EXCLUDED_TAGS))
                .build();
        Launcher launcher = LauncherFactory.create();
        Progress listener = new Progress(progress);
        long start = System.nanoTime();
        launcher.execute(request, listener);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Summary(listener.done.get(), listener.succeeded.get(), listener.failed.get(),
                listener.aborted.get(), listener.skipped.get(), millis);
    }

    /** Prints {@code [  12/340] passed  GAUSS-P4: statement} as tests finish. */
    private static final class Progress implements TestExecutionListener {
        private final PrintWriter out;
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong aborted = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            total.set(plan.countTestIdentifiers(TestIdentifier::isTest));
            out.printf("running %d tests of the property suite%n", total.get());
            out.flush();
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                skipped.incrementAndGet();
                line(id, "skipped", reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    // A container failure (class set-up) fails its tests without finishing them one by one.
                    failed.incrementAndGet();
                    out.printf("container failed: %s: %s%n", id.getDisplayName(), reason(result.getThrowable()));
                    out.flush();
                }
                return;
            }
            String status;
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    succeeded.incrementAndGet();
                    status = "passed";
                }
                case ABORTED -> {
                    aborted.incrementAndGet();
                    status = "aborted";
                }
                default -> {
                    failed.incrementAndGet();
                    status = "FAILED";
                }
            }
            line(id, status, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? null
                    : reason(result.getThrowable()));
        }

        private void line(TestIdentifier id, String status, String detail) {
            long n = done.incrementAndGet();
            int width = Long.toString(Math.max(total.get(), n)).length();
            out.printf(Locale.ROOT, "[%" + width + "d/%d] %-8s %s%n", n, Math.max(total.get(), n), status,
                    name(id));
            if (detail != null && !detail.isBlank()) {
                out.printf("           %s%n", detail);
            }
            out.flush();
        }

        /** A property by its display name ({@code ID: statement}); any other test as {@code Class > method()}. */
        private static String name(TestIdentifier id) {
            String display = id.getDisplayName();
            if (display.matches("[A-Z]+-P[0-9]+: .*")) {
                return display;
            }
            return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + " > " + display)
                    .orElse(display);
        }

        private static String reason(Optional<Throwable> t) {
            if (t.isEmpty()) {
                return "";
            }
            String m = t.get().getMessage();
            String first = m == null ? t.get().getClass().getSimpleName() : m.lines().findFirst().orElse("");
            return first.length() > 200 ? first.substring(0, 200) + "..." : first;
        }
    }
}
