package io.formulary.properties;

import java.util.Map;

/**
 * The structured result of one property run, written as JSON under the results directory and read by the report
 * and the {@code check} command (never parsed from console text).
 *
 * @param id             property ID, for example {@code ORTHO-P1}
 * @param statement      the display name (the statement of the property)
 * @param testClass      fully qualified test class
 * @param testMethod     test method name
 * @param subject        the implementation under test ({@code reference} unless another subject is plugged in)
 * @param outcome        {@code passed}, {@code failed}, {@code expected-failure} or {@code unexpected-pass}
 * @param examples       inputs tried (sum over the property's QuickTheories runs; 1 for a fixed check)
 * @param seed           the seed of the (last) QuickTheories run, or the property's fixed seed
 * @param seedPolicy     {@code fixed}, {@code random} or the replay seed
 * @param counterexample the smallest falsifying input, as text (null unless failed)
 * @param message        the failure message (null unless failed)
 * @param replay         the command that replays this property with this seed
 * @param deviation      for an expected failure, the recorded reason (null otherwise)
 * @param regimes        how often each named input regime was hit
 * @param durationMillis wall time of the test method
 * @param finishedAt     ISO-8601 instant
 */
public record PropertyResult(String id, String statement, String testClass, String testMethod, String subject,
                             String outcome, long examples, long seed, String seedPolicy, String counterexample,
                             String message, String replay, String deviation, Map<String, Long> regimes,
                             long durationMillis, String finishedAt) {

    /** Outcome of a property that held. */
    public static final String PASSED = "passed";
    /** Outcome of a property that was falsified. */
    public static final String FAILED = "failed";
    /** Outcome of a property that failed as recorded in the deviations list. */
    public static final String EXPECTED_FAILURE = "expected-failure";
    /** Outcome of a property listed as a deviation that nevertheless held (the list must be updated). */
    public static final String UNEXPECTED_PASS = "unexpected-pass";
}
