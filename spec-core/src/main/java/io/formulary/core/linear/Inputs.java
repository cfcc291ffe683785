package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;

/** Validation shared by the chapter's entry points; every message starts with the parameter name. */
final class Inputs {

    private Inputs() {
    }

    /** A finite rectangular data matrix with at least {@code minRows} rows; returns its column count. */
    static int data(double[][] x, int minRows, String name) {
        Checks.finite(x, name);
        if (x.length < minRows) {
            throw Checks.fail(name, "has " + x.length + " rows, needs at least " + minRows);
        }
        return x[0].length;
    }

    /** Labels: one per row of the data, each in {@code [0, k)}. */
    static void labels(int[] y, int rows, int k, String name) {
        Checks.notNull(y, name);
        if (k < 2) {
            throw Checks.fail("k", "must be >= 2, got " + k);
        }
        if (y.length != rows) {
            throw Checks.fail(name, "length " + y.length + " differs from the " + rows + " rows of X");
        }
        for (int j = 0; j < y.length; j++) {
            if (y[j] < 0 || y[j] >= k) {
                throw new IllegalArgumentException(name + "[" + j + "]=" + y[j] + " outside [0,k=" + k + ")");
            }
        }
    }

    /** Priors: each in (0, 1], summing to 1 within 1e-12; returns the count. */
    static int priors(double[] p, String name) {
        Checks.finite(p, name);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0 && p[i] <= 1)) {
                throw Checks.fail(name, "entry " + i + " = " + p[i] + " is not in (0, 1]");
            }
            s += p[i];
        }
        if (!(Math.abs(s - 1) <= 1e-12)) {
            throw Checks.fail(name, "priors sum to " + s + " (must be 1)");
        }
        return p.length;
    }

    /** A query vector of the model's dimension. */
    static void query(double[] x, int n, String name) {
        Checks.finite(x, name);
        if (x.length != n) {
            throw Checks.fail(name, "has length " + x.length + ", model expects n=" + n);
        }
    }

    static double dot(double[] a, double[] b) {
        return io.formulary.core.numeric.AccurateSums.dot(a, b);
    }

    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double[][] copy(double[][] m) {
        return Checks.copy(m);
    }
}
