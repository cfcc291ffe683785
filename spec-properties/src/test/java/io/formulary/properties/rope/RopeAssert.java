package io.formulary.properties.rope;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Tolerance;

import static io.formulary.properties.MaxNorms.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

/** Assertion and matrix helpers of the ROPE properties: every failure names the ID, expected, actual, error and bound. */
final class RopeAssert {

    static final double U = Tolerance.UNIT_ROUNDOFF;

    private RopeAssert() {
    }

    /** Asserts {@code |actual - expected| <= bound}. */
    static void close(String id, String what, double actual, double expected, double bound) {
        double err = Math.abs(actual - expected);
        assertThat(err <= bound)
                .as("%s %s: expected %s, actual %s, error %s, bound %s", id, what, expected, actual, err, bound)
                .isTrue();
    }

    /** Asserts {@code max_ij |a_ij - b_ij| <= bound}. */
    static void closeEntrywise(String id, String what, double[][] actual, double[][] expected, double bound) {
        double err = maxAbsDiff(actual, expected);
        assertThat(err <= bound)
                .as("%s %s: max entry error %s exceeds bound %s", id, what, err, bound).isTrue();
    }

    /** Asserts {@code max_i |a_i - b_i| <= bound}. */
    static void closeEntrywise(String id, String what, double[] actual, double[] expected, double bound) {
        double err = maxAbsDiff(actual, expected);
        assertThat(err <= bound)
                .as("%s %s: expected %s, actual %s, max error %s, bound %s", id, what,
                        RopeGens.head(expected), RopeGens.head(actual), err, bound).isTrue();
    }

    static double[][] mul(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(a, b);
    }

    static double[][] tmul(double[][] a, double[][] b) {
        return DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(a), b);
    }

    static double[] mul(double[][] a, double[] x) {
        return DenseLinearAlgebra.multiply(a, x);
    }

    static double[][] transpose(double[][] a) {
        return DenseLinearAlgebra.transpose(a);
    }

    static double[][] identity(int n) {
        return DenseLinearAlgebra.identity(n);
    }

    static double[][] add(double[][] a, double[][] b, double fb) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + fb * b[i][j];
            }
        }
        return c;
    }

    static double[][] scale(double[][] a, double f) {
        return add(new double[a.length][a[0].length], a, f);
    }

    static double dot(double[] a, double[] b) {
        return AccurateSums.dot(a, b);
    }

    static double norm(double[] a) {
        return AccurateSums.norm2(a);
    }

    static double frobenius(double[][] a) {
        return AccurateSums.normFrobenius(a);
    }

    static double[] permute(double[] v, int[] order) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[order[j]];
        }
        return out;
    }
}
