package io.formulary.properties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;

/**
 * The one place where the number of examples per property and the seed policy are decided.
 *
 * <ul>
 *   <li>{@code -Dformulary.examples=N}: examples per QuickTheories run (default {@value #DEFAULT_EXAMPLES}; the
 *       Maven build passes the value of the root POM's {@code formulary.examples} property, which the
 *       {@code exhaustive} profile raises).</li>
 *   <li>{@code -Dformulary.seed=fixed} (default): each property's seed is derived from its ID, so every run of
 *       the suite draws the same inputs on every machine and JDK.</li>
 *   <li>{@code -Dformulary.seed=random}: a fresh seed per property, recorded in its result, to explore.</li>
 *   <li>{@code -Dformulary.seed=<n>}: replay with this seed (the command a failure prints).</li>
 * </ul>
 */
public final class PropertyPolicy {

    /** Examples per property run when nothing is configured. */
    public static final int DEFAULT_EXAMPLES = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PropertyPolicy() {
    }

    /** Examples per QuickTheories run. */
    public static int examples() {
        String v = System.getProperty("formulary.examples", "");
        if (v.isBlank() || v.startsWith("${")) {
            return DEFAULT_EXAMPLES;
        }
        int n = Integer.parseInt(v.trim());
        if (n < 1) {
            throw new IllegalArgumentException("formulary.examples: must be >= 1, got " + n);
        }
        return n;
    }

    /** Examples scaled for an expensive property ({@code fraction} of the configured count, at least 1). */
    public static int examples(double fraction) {
        return Math.max(1, (int) Math.round(examples() * fraction));
    }

    /** The seed policy as configured: {@code fixed}, {@code random} or a number. */
    public static String seedPolicy() {
        String v = System.getProperty("formulary.seed", "");
        return v.isBlank() || v.startsWith("${") ? "fixed" : v.trim();
    }

    /** The seed for a property under the configured policy. */
    public static long seedFor(String propertyId) {
        String policy = seedPolicy();
        if ("fixed".equals(policy)) {
            return fixedSeed(propertyId);
        }
        if ("random".equals(policy)) {
            return RANDOM.nextLong();
        }
        try {
            return Long.parseLong(policy);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("formulary.seed: expected fixed, random or a number, got " + policy, e);
        }
    }

    /** The fixed seed of a property: 64-bit FNV-1a hash of its ID (stable across JDKs and machines). */
    public static long fixedSeed(String propertyId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : propertyId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Where result records are written ({@code -Dformulary.results.dir}, default {@code target/formulary-results}). */
    public static Path resultsDir() {
        String v = System.getProperty("formulary.results.dir", "");
        return Paths.get(v.isBlank() || v.startsWith("${") ? "target/formulary-results" : v);
    }

    /** The command that replays one property with one seed. */
    public static String replayCommand(String propertyId, long seed) {
        return "mvn -B verify -pl spec-properties -am -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=" + propertyId
                + " -Dformulary.seed=" + seed;
    }
}
