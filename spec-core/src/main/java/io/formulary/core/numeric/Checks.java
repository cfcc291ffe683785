package io.formulary.core.numeric;

import java.util.Arrays;

/**
 * Argument validation at the public boundary, with one message policy: every message starts with the name of
 * the offending parameter, followed by a colon or a verb phrase, then the violated condition and the value
 * (for example {@code "sigmaP: not positive definite (Cholesky failed at pivot 3)"} or {@code "a[2] is NaN"}).
 *
 * <p>Every comparison is written so that NaN fails it: a check passes only when the condition is positively
 * established. All failures are {@link IllegalArgumentException}s; nothing here returns a flag.
 */
public final class Checks {

    private Checks() {
    }

    /** Fails with {@code "<name>: <condition>"}. */
    public static IllegalArgumentException fail(String name, String condition) {
        return new IllegalArgumentException(name + ": " + condition);
    }

    /** Requires a non-null reference: {@code "a must not be null"}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Requires a finite double (not NaN, not infinite). */
    public static double finite(double value, String name) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " is NaN");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is infinite");
        }
        return value;
    }

    /** Requires a finite, strictly positive double. */
    public static double positive(double value, String name) {
        finite(value, name);
        if (!(value > 0)) {
            throw fail(name, "must be > 0, got " + value);
        }
        return value;
    }

    /** Requires a finite, non-negative double. */
    public static double nonNegative(double value, String name) {
        finite(value, name);
        if (!(value >= 0)) {
            throw fail(name, "must be >= 0, got " + value);
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi} for a finite value. */
    public static double inRange(double value, double lo, double hi, String name) {
        finite(value, name);
        if (!(value >= lo && value <= hi)) {
            throw fail(name, "must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw fail(name, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static int inRange(int value, int lo, int hi, String name) {
        if (value < lo || value > hi) {
            throw fail(name, "must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Requires an even integer. */
    public static int even(int value, String name) {
        if ((value & 1) != 0) {
            throw fail(name, "must be even, got " + value);
        }
        return value;
    }

    /** Requires a non-null vector whose entries are all finite; reports the first bad index. */
    public static double[] finite(double[] v, String name) {
        notNull(v, name);
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
            if (Double.isInfinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is infinite");
            }
        }
        return v;
    }

    /** Requires a non-null, rectangular matrix with finite entries and at least one row and one column. */
    public static double[][] finite(double[][] m, String name) {
        notNull(m, name);
        if (m.length == 0) {
            throw fail(name, "must have at least one row");
        }
        int cols = -1;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (cols < 0) {
                cols = m[i].length;
                if (cols == 0) {
                    throw fail(name, "must have at least one column");
                }
            } else if (m[i].length != cols) {
                throw fail(name, "row " + i + " has length " + m[i].length + ", expected " + cols + " (not rectangular)");
            }
            for (int j = 0; j < cols; j++) {
                if (Double.isNaN(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is NaN");
                }
                if (Double.isInfinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is infinite");
                }
            }
        }
        return m;
    }

    /** Requires a finite vector of exactly {@code expected} entries: {@code "x: length 3, expected 5"}. */
    public static double[] length(double[] v, int expected, String name) {
        finite(v, name);
        if (v.length != expected) {
            throw fail(name, "length " + v.length + ", expected " + expected);
        }
        return v;
    }

    /** Requires two finite vectors of equal length: {@code "b: length 4 differs from a: length 5"}. */
    public static void sameLength(double[] a, String nameA, double[] b, String nameB) {
        finite(a, nameA);
        finite(b, nameB);
        if (a.length != b.length) {
            throw fail(nameB, "length " + b.length + " differs from " + nameA + ": length " + a.length);
        }
    }

    /** Requires a finite square matrix of size {@code n x n} (any n if {@code n < 0}); returns n. */
    public static int square(double[][] m, int n, String name) {
        finite(m, name);
        int rows = m.length;
        int cols = m[0].length;
        if (rows != cols) {
            throw fail(name, "shape " + rows + "x" + cols + " is not square");
        }
        if (n >= 0 && rows != n) {
            throw fail(name, "shape " + rows + "x" + cols + ", expected " + n + "x" + n);
        }
        return rows;
    }

    /** Requires a finite matrix of shape {@code rows x cols}; a negative expected size matches any. */
    public static void shape(double[][] m, int rows, int cols, String name) {
        finite(m, name);
        boolean ok = (rows < 0 || m.length == rows) && (cols < 0 || m[0].length == cols);
        if (!ok) {
            throw fail(name, "shape " + m.length + "x" + m[0].length + ", expected "
                    + (rows < 0 ? "*" : rows) + "x" + (cols < 0 ? "*" : cols));
        }
    }

    /**
     * Requires a finite square matrix that is symmetric to within {@code relTol * max|m_ij|} entrywise
     * (a bitwise-symmetric input always passes). Returns the dimension.
     */
    public static int symmetric(double[][] m, double relTol, String name) {
        int n = square(m, -1, name);
        double scale = 0;
        for (double[] row : m) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double allowed = relTol * scale;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double diff = Math.abs(m[i][j] - m[j][i]);
                if (!(diff <= allowed)) {
                    throw fail(name, "not symmetric (|" + name + "[" + i + "][" + j + "] - " + name + "[" + j + "][" + i
                            + "]| = " + diff + " > " + allowed + ")");
                }
            }
        }
        return n;
    }

    /** Deep copy of a vector, for values-in/values-out signatures. */
    public static double[] copy(double[] v) {
        return v.clone();
    }

    /** Deep copy of a matrix, for values-in/values-out signatures. */
    public static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = Arrays.copyOf(m[i], m[i].length);
        }
        return out;
    }
}
