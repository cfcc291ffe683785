package io.formulary.core.numeric;

/**
 * The one tolerance vocabulary of formulary: an absolute part, a relative part and a part in units in the last
 * place, combined by a single acceptance rule.
 *
 * <p>Acceptance rule, written once ({@link #accepts(double, double)}): {@code actual} is accepted against
 * {@code expected} when both are NaN, or both are the same infinity, or, for finite values,
 * <pre>  |actual - expected| &lt;= absolute + relative * max(|actual|, |expected|) + ulps * ulp(max(|actual|, |expected|))</pre>
 * Any other combination involving NaN or an infinity is rejected. For vectors and matrices the default is
 * normwise ({@link #acceptsNormwise}): the same rule with the 2-norm (vectors) or Frobenius norm (matrices) of the
 * difference and of the two operands; {@link #acceptsEntrywise} applies the scalar rule per entry.
 *
 * <p>Scaling is explicit: {@link #times(double)} (for example by a dimension) and {@link #timesCondition(double)}
 * (by a condition number) return new tolerances; nothing is global or mutable.
 *
 * @param absolute absolute bound, {@code >= 0}
 * @param relative relative bound, {@code >= 0}
 * @param ulps     bound in units in the last place of the larger magnitude, {@code >= 0}
 */
public record Tolerance(double absolute, double relative, double ulps) {

    /** Unit roundoff of double precision, {@code 2^-53}. */
    public static final double UNIT_ROUNDOFF = 0x1p-53;
    /** Machine epsilon of double precision, {@code 2^-52}. */
    public static final double EPSILON = 0x1p-52;
    /** Bitwise equality (NaN equals NaN, {@code -0.0} equals {@code 0.0}). */
    public static final Tolerance EXACT = new Tolerance(0, 0, 0);

    public Tolerance {
        Checks.nonNegative(absolute, "absolute");
        Checks.nonNegative(relative, "relative");
        Checks.nonNegative(ulps, "ulps");
    }

    /** Absolute tolerance only. */
    public static Tolerance absolute(double bound) {
        return new Tolerance(bound, 0, 0);
    }

    /** Relative tolerance only. */
    public static Tolerance relative(double bound) {
        return new Tolerance(0, bound, 0);
    }

    /** A bound in ulps of the larger magnitude. */
    public static Tolerance ulps(double count) {
        return new Tolerance(0, 0, count);
    }

    /** Absolute plus relative: {@code |x-y| <= abs + rel*max(|x|,|y|)}. */
    public static Tolerance of(double absolute, double relative) {
        return new Tolerance(absolute, relative, 0);
    }

    /** The same tolerance with an extra absolute floor (for values near zero). */
    public Tolerance plusAbsolute(double extra) {
        return new Tolerance(absolute + extra, relative, ulps);
    }

    /** Every part multiplied by {@code factor} (for example a dimension). */
    public Tolerance times(double factor) {
        Checks.nonNegative(factor, "factor");
        return new Tolerance(absolute * factor, relative * factor, ulps * factor);
    }

    /** Every part multiplied by a condition number {@code kappa >= 1}. */
    public Tolerance timesCondition(double kappa) {
        Checks.finite(kappa, "kappa");
        if (!(kappa >= 1)) {
            throw Checks.fail("kappa", "condition number must be >= 1, got " + kappa);
        }
        return times(kappa);
    }

    /** The allowed error for operands of magnitude {@code scale}. */
    public double allowed(double scale) {
        double s = Math.abs(scale);
        return absolute + relative * s + (ulps == 0 ? 0 : ulps * Math.ulp(s));
    }

    /** The acceptance rule for scalars (see the class comment for NaN and infinity semantics). */
    public boolean accepts(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) && Double.isNaN(expected);
        }
        if (Double.isInfinite(actual) || Double.isInfinite(expected)) {
            return actual == expected;
        }
        double err = Math.abs(actual - expected);
        return err <= allowed(Math.max(Math.abs(actual), Math.abs(expected)));
    }

    /** Scalar rule applied to every entry; lengths must agree. */
    public boolean acceptsEntrywise(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!accepts(actual[i], expected[i])) {
                return false;
            }
        }
        return true;
    }

    /** Normwise rule with the 2-norm: {@code ||x-y|| <= abs + rel*max(||x||,||y||) + ulps*ulp(max)}. */
    public boolean acceptsNormwise(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        double[] diff = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            diff[i] = actual[i] - expected[i];
        }
        double err = AccurateSums.norm2(diff);
        if (Double.isNaN(err)) {
            return false;
        }
        return err <= allowed(Math.max(AccurateSums.norm2(actual), AccurateSums.norm2(expected)));
    }

    /** Normwise rule with the Frobenius norm; shapes must agree. */
    public boolean acceptsNormwise(double[][] actual, double[][] expected) {
        return acceptsNormwise(flattenIfSameShape(actual, expected, true), flattenIfSameShape(expected, actual, false));
    }

    /** Scalar rule applied to every entry of two matrices of the same shape. */
    public boolean acceptsEntrywise(double[][] actual, double[][] expected) {
        return acceptsEntrywise(flattenIfSameShape(actual, expected, true), flattenIfSameShape(expected, actual, false));
    }

    private static double[] flattenIfSameShape(double[][] m, double[][] other, boolean first) {
        boolean same = m.length == other.length;
        for (int i = 0; same && i < m.length; i++) {
            same = m[i].length == other[i].length;
        }
        if (!same) {
            // Lengths differ by construction, so the vector rule rejects.
            return new double[first ? 0 : 1];
        }
        int n = 0;
        for (double[] row : m) {
            n += row.length;
        }
        double[] flat = new double[n];
        int k = 0;
        for (double[] row : m) {
            System.arraycopy(row, 0, flat, k, row.length);
            k += row.length;
        }
        return flat;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Tolerance[");
        String sep = "";
        if (absolute > 0) {
            b.append("abs=").append(absolute);
            sep = ", ";
        }
        if (relative > 0) {
            b.append(sep).append("rel=").append(relative);
            sep = ", ";
        }
        if (ulps > 0) {
            b.append(sep).append("ulps=").append(ulps);
            sep = ", ";
        }
        if (sep.isEmpty()) {
            b.append("exact");
        }
        return b.append(']').toString();
    }
}
