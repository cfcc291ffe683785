package io.formulary.properties;

import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A thin layer over QuickTheories for properties that run inside JUnit Jupiter test methods.
 *
 * <p>Inside a method annotated {@link Property} (and tagged with its ID), {@link #qt()} returns a QuickTheories
 * entry point already configured with the property's seed, the configured example count and a {@link Reporter}
 * that captures the smallest counterexample for the property's structured result before failing the test with a
 * message that names the property, the seed, the counterexample and the command that replays it.
 *
 * <pre>{@code
 * @Property @Tag("ORTHO-P1") @DisplayName("ORTHO-P1: every form is orthogonal")
 * void everyFormIsOrthogonal() {
 *     qt().forAll(OrthogonalGens.pairs()).checkAssert(p -> ...);
 * }
 * }</pre>
 *
 * <p>Properties that draw their own numbers (Monte-Carlo checks) take {@link #seed()} for their generator and
 * report how many samples they used with {@link #examples(long)}. {@link #regime(String)} counts how often a named
 * hard regime was hit, so generators can be shown to reach what they promise. {@link #falsify(String, Runnable)}
 * runs a property body outside JUnit (for the mutant tests) and reports whether it was falsified.
 */
public final class PropertyHarness {

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();
    /** Set while {@link #falsify} runs a body: such runs check mutants and must not feed the accuracy log. */
    private static final ThreadLocal<Boolean> DETACHED = ThreadLocal.withInitial(() -> false);

    private PropertyHarness() {
    }

    /** Mutable per-run state of one property; confined to the thread running it. */
    static final class Context {
        final String id;
        final long seed;
        long examples;
        boolean usedQuickTheories;
        String counterexample;
        String message;
        final Map<String, Long> regimes = new TreeMap<>();

        Context(String id, long seed) {
            this.id = id;
            this.seed = seed;
        }
    }

    static Context begin(String id) {
        Context c = new Context(id, PropertyPolicy.seedFor(id));
        CURRENT.set(c);
        return c;
    }

    static void end() {
        CURRENT.remove();
    }

    static Context current() {
        Context c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no property is running: annotate the test method with @Property and "
                    + "@Tag(\"AREA-Pn\"), or run it through PropertyHarness.falsify");
        }
        return c;
    }

    /** The ID of the running property. */
    public static String id() {
        return current().id;
    }

    /** The seed of the running property (derived from its ID unless {@code -Dformulary.seed} says otherwise). */
    public static long seed() {
        return current().seed;
    }

    /** QuickTheories configured for the running property with the configured number of examples. */
    public static QuickTheory qt() {
        return qt(PropertyPolicy.examples());
    }

    /** QuickTheories configured for the running property with an explicit number of examples. */
    public static QuickTheory qt(int examples) {
        Context c = current();
        c.usedQuickTheories = true;
        c.examples += examples;
        // Unlimited testing time: the example count, not the clock, decides how much is tried (reproducible).
        return QuickTheory.qt()
                .withFixedSeed(c.seed)
                .withExamples(examples)
                .withUnlimitedTestingTime()
                .withGenerateAttempts(10 * examples + 100)
                .withShrinkCycles(10_000)
                .withReporter(new RecordingReporter(c));
    }

    /** Adds to the example count of the running property (for checks that draw their own inputs). */
    public static void examples(long n) {
        current().examples += n;
    }

    /** Counts one hit of a named input regime (for example {@code near-antipodal}). */
    public static void regime(String name) {
        Context c = CURRENT.get();
        if (c != null) {
            c.regimes.merge(name, 1L, Long::sum);
        }
    }

    /**
     * Runs a property body outside JUnit, with the seed and example policy of {@code propertyId}, and reports
     * whether it was falsified. Used by the mutant tests: a deliberately wrong subject must be caught.
     *
     * @return the failure description (counterexample and message) if the body failed, empty if it held
     */
    public static Optional<String> falsify(String propertyId, Runnable body) {
        Context outer = CURRENT.get();
        boolean outerDetached = DETACHED.get();
        Context c = begin(propertyId);
        DETACHED.set(true);
        try {
            body.run();
            return Optional.empty();
        } catch (AssertionError | IllegalStateException e) {
            String ce = c.counterexample == null ? "" : "counterexample: " + c.counterexample + "\n";
            return Optional.of(ce + e.getMessage());
        } finally {
            DETACHED.set(outerDetached);
            if (outer != null) {
                CURRENT.set(outer);
            } else {
                end();
            }
        }
    }

    /** Whether the current thread runs a property body through {@link #falsify} (a mutant check). */
    public static boolean detached() {
        return DETACHED.get();
    }

    /** Captures the smallest counterexample, then fails like QuickTheories' own reporter, with a replay line. */
    private static final class RecordingReporter implements Reporter {
        private final Context context;

        RecordingReporter(Context context) {
            this.context = context;
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause,
                                   List<Object> others, AsString<Object> toString) {
            fail(seed, examplesUsed, smallest, String.valueOf(cause), toString, cause);
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                                   AsString<Object> toString) {
            fail(seed, examplesUsed, smallest, "predicate returned false", toString, null);
        }

        @Override
        public void valuesExhausted(int found) {
            throw new IllegalStateException(context.id + ": gave up after finding only " + found
                    + " example(s) matching the assumptions (seed " + context.seed + ")");
        }

        private void fail(long seed, int examplesUsed, Object smallest, String cause, AsString<Object> toString,
                          Throwable throwable) {
            String shown;
            try {
                shown = toString.asString(smallest);
            } catch (RuntimeException e) {
                shown = String.valueOf(smallest);
            }
            context.counterexample = shown;
            context.message = cause;
            String text = context.id + " falsified after " + examplesUsed + " example(s)\n"
                    + "smallest counterexample: " + shown + "\n"
                    + "cause: " + cause + "\n"
                    + "seed: " + seed + "\n"
                    + "replay: " + PropertyPolicy.replayCommand(context.id, seed);
            AssertionError error = new AssertionError(text);
            if (throwable != null) {
                error.initCause(throwable);
            }
            throw error;
        }
    }
}
