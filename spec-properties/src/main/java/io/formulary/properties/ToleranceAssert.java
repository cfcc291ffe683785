package io.formulary.properties;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;

/**
 * The one assertion helper for numeric comparisons: applies a {@link Tolerance} and, on failure, throws an
 * {@link AssertionError} that names the spec ID, what was compared and the index, and prints expected, actual,
 * error and the allowed bound.
 */
public final class ToleranceAssert {

    private ToleranceAssert() {
    }

    /** Scalar comparison. */
    public static void assertWithin(String id, String what, double actual, double expected, Tolerance tol) {
        if (!tol.accepts(actual, expected)) {
            double scale = Math.max(Math.abs(actual), Math.abs(expected));
            throw new AssertionError(String.format("%s %s: expected %s, actual %s, error %s > allowed %s (%s)", id, what,
                    expected, actual, Math.abs(actual - expected), tol.allowed(scale), tol));
        }
    }

    /** Entrywise comparison of two vectors. */
    public static void assertWithin(String id, String what, double[] actual, double[] expected, Tolerance tol) {
        if (actual.length != expected.length) {
            throw new AssertionError(id + " " + what + ": length " + actual.length + ", expected " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            assertWithin(id, what + "[" + i + "]", actual[i], expected[i], tol);
        }
    }

    /** Entrywise comparison of two matrices. */
    public static void assertWithin(String id, String what, double[][] actual, double[][] expected, Tolerance tol) {
        if (actual.length != expected.length) {
            throw new AssertionError(id + " " + what + ": " + actual.length + " rows, expected " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            assertWithin(id, what + "[" + i + "]", actual[i], expected[i], tol);
        }
    }

    /** Normwise comparison of two vectors (2-norm of the difference against the larger norm). */
    public static void assertWithinNormwise(String id, String what, double[] actual, double[] expected, Tolerance tol) {
        if (!tol.acceptsNormwise(actual, expected)) {
            double[] diff = new double[Math.min(actual.length, expected.length)];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = actual[i] - expected[i];
            }
            double scale = Math.max(AccurateSums.norm2(actual), AccurateSums.norm2(expected));
            throw new AssertionError(String.format("%s %s: normwise error %s > allowed %s (%s), |expected| %s",
                    id, what, AccurateSums.norm2(diff), tol.allowed(scale), tol, AccurateSums.norm2(expected)));
        }
    }
}
