package io.formulary.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * JUnit Jupiter extension behind {@link Property}: opens the harness context for the property named by the
 * method's {@code @Tag("AREA-Pn")}, and after the method writes one {@link PropertyResult} as JSON to
 * {@code <results dir>/<ID>.json}. A property listed in {@link Deviations} that fails is recorded as an expected
 * failure and reported to JUnit as aborted (skipped); one that passes is recorded as an unexpected pass and fails.
 */
public final class PropertyRecorder implements BeforeTestExecutionCallback, TestExecutionExceptionHandler,
        AfterTestExecutionCallback {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PropertyRecorder.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        String id = propertyId(context);
        PropertyHarness.begin(id);
        context.getStore(NS).put("start", System.nanoTime());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Optional<Deviations.Deviation> deviation = Deviations.find(propertyId(context));
        if (deviation.isPresent() && !(throwable instanceof TestAbortedException)) {
            context.getStore(NS).put("expected", throwable);
            throw new TestAbortedException("expected failure (" + deviation.get().date() + "): "
                    + deviation.get().reason(), throwable);
        }
        throw throwable;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String id = propertyId(context);
        PropertyHarness.Context c = PropertyHarness.current();
        try {
            Throwable expected = context.getStore(NS).get("expected", Throwable.class);
            Throwable failure = context.getExecutionException().orElse(null);
            Optional<Deviations.Deviation> deviation = Deviations.find(id);
            String outcome;
            Throwable shown = expected != null ? expected : failure;
            if (expected != null) {
                outcome = PropertyResult.EXPECTED_FAILURE;
            } else if (failure != null) {
                outcome = PropertyResult.FAILED;
            } else if (deviation.isPresent()) {
                outcome = PropertyResult.UNEXPECTED_PASS;
            } else {
                outcome = PropertyResult.PASSED;
            }
            long start = context.getStore(NS).getOrDefault("start", Long.class, System.nanoTime());
            long examples = c.examples > 0 ? c.examples : 1;
            // The cause of a falsification (not QuickTheories' summary line), else the failure itself.
            String message = shown == null ? null : (c.message != null ? c.message : shown.toString());
            PropertyResult result = new PropertyResult(id, context.getDisplayName(),
                    context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
                    Subjects.describe(), outcome, examples, c.seed, PropertyPolicy.seedPolicy(), c.counterexample,
                    message, PropertyPolicy.replayCommand(id, c.seed), deviation.map(Deviations.Deviation::reason).orElse(null),
                    c.regimes, (System.nanoTime() - start) / 1_000_000, Instant.now().toString());
            write(result);
            if (PropertyResult.UNEXPECTED_PASS.equals(outcome)) {
                throw new AssertionError(id + " is listed in deviations.tsv but now holds: remove the line");
            }
        } finally {
            PropertyHarness.end();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String propertyId(ExtensionContext context) {
        List<String> ids = context.getTags().stream().filter(t -> t.matches("[A-Z]+-P[0-9]+")).sorted().toList();
        if (ids.size() != 1) {
            throw new IllegalStateException(context.getRequiredTestMethod() + ": a @Property needs exactly one "
                    + "@Tag(\"AREA-Pn\"), found " + ids);
        }
        return ids.get(0);
    }

    private static void write(PropertyResult result) {
        try {
            Path dir = PropertyPolicy.resultsDir();
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(result.id() + ".json").toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
