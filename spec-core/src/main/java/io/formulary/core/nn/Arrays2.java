package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;

/** Package-private helpers for copying and shape-checking weight arrays (null means "absent"). */
final class Arrays2 {

    private Arrays2() {
    }

    static double[] copy(double[] v) {
        return v == null ? null : v.clone();
    }

    static double[][] copy(double[][] m) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] == null ? null : m[i].clone();
        }
        return out;
    }

    /** Finite entries, rectangular; the message names the entry ({@code weights.E[3][5] is NaN}). */
    static void finiteIfPresent(double[][] m, String name) {
        if (m != null) {
            Checks.finite(m, name);
        }
    }

    static void finiteIfPresent(double[] v, String name) {
        if (v != null) {
            Checks.finite(v, name);
        }
    }

    static void matrix(double[][] m, int rows, int cols, String name) {
        if (m == null) {
            throw new IllegalArgumentException(name + ": expected " + rows + "x" + cols + ", got nothing");
        }
        int c = m.length == 0 ? 0 : m[0].length;
        if (m.length != rows || c != cols) {
            throw new IllegalArgumentException(name + ": expected " + rows + "x" + cols + ", got " + m.length + "x" + c);
        }
    }

    static void vector(double[] v, int n, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + ": expected length " + n + ", got nothing");
        }
        if (v.length != n) {
            throw new IllegalArgumentException(name + ": expected length " + n + ", got " + v.length);
        }
    }

    static void absent(Object o, String name, String why) {
        if (o != null) {
            throw new IllegalArgumentException(name + ": must be absent (" + why + ")");
        }
    }
}
