package io.formulary.core.numeric;

/**
 * Accurate summation, dot products and norms.
 *
 * <p>{@link #sum} is Neumaier's compensated summation and {@link #dot} is the Ogita-Rump-Oishi {@code Dot2}
 * algorithm built on an exact {@code Math.fma} product (fma is exactly rounded on every JDK, so results are
 * reproducible bit for bit). Both return a result as accurate as if computed in twice the working precision and
 * then rounded: the error is at most {@code u|s| + gamma(n)^2 * sum|x_i|} (Ogita, Rump and Oishi 2005, Prop. 4.5),
 * i.e. a few ulps unless the sum cancels catastrophically.
 *
 * <p>{@link #norm2} scales by the largest magnitude before squaring, so it neither overflows for entries near
 * {@code Double.MAX_VALUE} nor underflows for subnormal-scale vectors.
 */
public final class AccurateSums {

    private AccurateSums() {
    }

    /** Error-free transformation: returns the rounding error {@code e} with {@code a + b = fl(a+b) + e} exactly. */
    public static double twoSumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    /** Error-free transformation of a product: {@code a*b = fl(a*b) + e} exactly (barring underflow). */
    public static double twoProductError(double a, double b, double p) {
        return Math.fma(a, b, -p);
    }

    /** Neumaier-compensated sum of a vector; the empty sum is 0. */
    public static double sum(double[] x) {
        Checks.notNull(x, "x");
        double s = 0;
        double c = 0;
        for (double xi : x) {
            double t = s + xi;
            c += Math.abs(s) >= Math.abs(xi) ? (s - t) + xi : (xi - t) + s;
            s = t;
        }
        return s + c;
    }

    /** Dot2: fma-based compensated dot product of two vectors of equal length; the empty dot product is 0. */
    public static double dot(double[] x, double[] y) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        if (x.length != y.length) {
            throw Checks.fail("y", "length " + y.length + " differs from x: length " + x.length);
        }
        double s = 0;
        double c = 0;
        for (int i = 0; i < x.length; i++) {
            double p = x[i] * y[i];
            double pe = Math.fma(x[i], y[i], -p);
            double t = s + p;
            c += twoSumError(s, p, t) + pe;
            s = t;
        }
        return s + c;
    }

    /** Compensated sum of squares {@code sum x_i^2} (may overflow for huge entries; see {@link #norm2}). */
    public static double sumOfSquares(double[] x) {
        return dot(x, x);
    }

    /** The largest magnitude {@code max_i |x_i|} (0 for an empty vector). */
    public static double maxAbs(double[] x) {
        double m = 0;
        for (double xi : x) {
            m = Math.max(m, Math.abs(xi));
        }
        return m;
    }

    /**
     * Scaled Euclidean norm {@code m * sqrt(sum (x_i/m)^2)} with {@code m = max|x_i|}, the sum of squares
     * compensated. Returns 0 for the zero vector and NaN if any entry is NaN.
     */
    public static double norm2(double[] x) {
        Checks.notNull(x, "x");
        double m = maxAbs(x);
        for (double xi : x) {
            if (Double.isNaN(xi)) {
                return Double.NaN;
            }
        }
        if (m == 0) {
            return 0;
        }
        if (Double.isInfinite(m)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] / m;
        }
        return m * StrictMath.sqrt(dot(scaled, scaled));
    }

    /** Frobenius norm of a rectangular matrix, scaled like {@link #norm2}. */
    public static double normFrobenius(double[][] a) {
        Checks.notNull(a, "a");
        int n = 0;
        for (double[] row : a) {
            n += row.length;
        }
        double[] flat = new double[n];
        int k = 0;
        for (double[] row : a) {
            System.arraycopy(row, 0, flat, k, row.length);
            k += row.length;
        }
        return norm2(flat);
    }
}
