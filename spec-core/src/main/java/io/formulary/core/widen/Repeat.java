package io.formulary.core.widen;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** Repetition of vectors and matrices along widened axes (WIDEN-F11 to F13, F18, F22 per tensor). */
public final class Repeat {

    private Repeat() {
    }

    /**
     * The whole index map of a repetition pattern.
     *
     * <p>$$\pi(i)=\lfloor i/k\rfloor\ (\texttt{INTERLEAVED}),\quad i\bmod n\ (\texttt{TILED}),\quad
     * 2\lfloor\lfloor i/2\rfloor/k\rfloor+(i\bmod2)\ (\texttt{PAIR\_BLOCK}),\quad i\ (\texttt{NONE})$$
     * (0-based; the article's 1-based {@code ceil(i/k)} is the same map). Exact integer arithmetic.
     * Source: WIDEN-F11.
     *
     * @param pattern the pattern
     * @param n       original length, {@code >= 1} (even for {@code PAIR_BLOCK})
     * @param k       widening factor, {@code >= 1}
     * @return {@code pi(0..kn-1)} (length {@code n} for {@code NONE})
     * @throws IllegalArgumentException for {@code k < 1}, {@code n < 1} or odd {@code n} with {@code PAIR_BLOCK}
     */
    @Formula(value = "WIDEN-F11", title = "Repetition pattern index map",
            args = {@Formula.Arg(name = "pattern", shape = "enum(INTERLEAVED|TILED|PAIR_BLOCK|NONE)"),
                    @Formula.Arg(name = "n", shape = "int", domain = ">= 1; even for PAIR_BLOCK"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "int[kn]: source index of each widened index", accuracy = "exact")
    public static int[] indexMap(RepeatPattern pattern, int n, int k) {
        Checks.notNull(pattern, "pattern");
        pattern.check(n, k);
        int[] pi = new int[pattern.widenedLength(n, k)];
        for (int i = 0; i < pi.length; i++) {
            pi[i] = pattern.sourceUnchecked(i, n, k);
        }
        return pi;
    }

    /**
     * The article's repeat-and-divide map {@code R_{k,INTERLEAVED}}.
     *
     * <p>$$(R_kx)_i=\frac{x_{\lfloor i/k\rfloor}}{\sqrt k}\qquad(k=2:\ \tilde x_i=x_{\lceil i/2\rceil}/\sqrt2,\ 1\text{-based}).$$
     *
     * <p>{@code R^T R = I} (isometric embedding, not a square orthogonal matrix). Each entry is one product with the
     * factor {@code 1/StrictMath.sqrt(k)}: within one ulp of the exact value. Source: WIDEN-F12.
     *
     * @param x finite vector, length {@code n >= 1}
     * @param k widening factor, {@code >= 1}
     * @return {@code R_k x}, length {@code kn}
     * @throws IllegalArgumentException for {@code k < 1}, an empty or non-finite {@code x}
     */
    @Formula(value = "WIDEN-F12", title = "Repeat-and-divide R_k x",
            args = {@Formula.Arg(name = "x", shape = "vector[n]"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "vector[kn]", accuracy = "1 ulp per entry (one product with a correctly rounded factor)")
    public static double[] repeatDivide(double[] x, int k) {
        checkK(k);
        return vector(x, RepeatPattern.INTERLEAVED, k, WideningFactors.of(k).invSqrtK());
    }

    /**
     * A vector widened along its axis: {@code v~_i = f v_{pi(i)}}.
     *
     * @throws IllegalArgumentException for {@code k < 1}, empty, non-finite or odd-length ({@code PAIR_BLOCK})
     *                                  input, or a non-finite factor
     */
    public static double[] vector(double[] v, RepeatPattern pattern, int k, double f) {
        Checks.finite(v, "v");
        Checks.notNull(pattern, "pattern");
        checkK(k);
        if (v.length == 0) {
            throw new IllegalArgumentException("n must be >= 1, got 0");
        }
        pattern.check(v.length, k);
        Checks.finite(f, "f");
        double[] out = new double[pattern.widenedLength(v.length, k)];
        for (int i = 0; i < out.length; i++) {
            out[i] = f * v[pattern.sourceUnchecked(i, v.length, k)];
        }
        return out;
    }

    /**
     * A matrix widened along rows and columns.
     *
     * <p>$$\tilde W_{i,j}=f\,W_{\pi_r(i),\pi_c(j)};\qquad\text{two widened axes: }\tilde W=f\,k\,R_{\pi_r}WR_{\pi_c}^\top,
     * \ \text{the article's }\tilde W=RWR^\top\text{ being }f=1/k.$$
     *
     * <p>Each entry is one rounded product {@code f * w}. Source: WIDEN-F13.
     *
     * @param w    finite rectangular matrix
     * @param rows pattern of the row axis ({@code NONE}: not widened)
     * @param cols pattern of the column axis
     * @param k    widening factor, {@code >= 1}
     * @param f    finite factor
     * @return the widened matrix
     * @throws IllegalArgumentException for {@code k < 1}, ragged or non-finite {@code w}, an odd axis with
     *                                  {@code PAIR_BLOCK}, or a non-finite factor
     */
    @Formula(value = "WIDEN-F13", title = "Widening a matrix (row and column patterns, factor f)",
            args = {@Formula.Arg(name = "w", shape = "matrix[r][c]"),
                    @Formula.Arg(name = "rows", shape = "enum(INTERLEAVED|TILED|PAIR_BLOCK|NONE)"),
                    @Formula.Arg(name = "cols", shape = "enum(INTERLEAVED|TILED|PAIR_BLOCK|NONE)"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "f", shape = "scalar")},
            output = "matrix[kr or r][kc or c]", accuracy = "one rounding per entry")
    public static double[][] matrix(double[][] w, RepeatPattern rows, RepeatPattern cols, int k, double f) {
        Checks.finite(w, "w");
        Checks.notNull(rows, "rows");
        Checks.notNull(cols, "cols");
        checkK(k);
        rows.check(w.length, k);
        cols.check(w[0].length, k);
        Checks.finite(f, "f");
        int r = w.length;
        int c = w[0].length;
        double[][] out = new double[rows.widenedLength(r, k)][cols.widenedLength(c, k)];
        int[] pc = new int[out[0].length];
        for (int j = 0; j < pc.length; j++) {
            pc[j] = cols.sourceUnchecked(j, c, k);
        }
        for (int i = 0; i < out.length; i++) {
            double[] src = w[rows.sourceUnchecked(i, r, k)];
            for (int j = 0; j < pc.length; j++) {
                out[i][j] = f * src[pc[j]];
            }
        }
        return out;
    }

    /**
     * The left inverse of {@link #vector} (WIDEN-F22 per tensor): {@code v_j = (mean of the copies of j) / f}, the
     * mean taken as the first copy plus the mean deviation of the others (exact for equal copies).
     *
     * @throws IllegalArgumentException if the length is not a multiple of {@code k} (widened axes) or on bad input
     */
    public static double[] narrowVector(double[] v, RepeatPattern pattern, int k, double f) {
        Checks.finite(v, "v");
        Checks.notNull(pattern, "pattern");
        checkK(k);
        int n = originalLength(v.length, pattern, k, "v");
        pattern.check(n, k);
        Checks.finite(f, "f");
        if (f == 0) {
            throw Checks.fail("f", "must be nonzero to narrow");
        }
        int copies = pattern == RepeatPattern.NONE ? 1 : k;
        double[] first = new double[n];
        boolean[] seen = new boolean[n];
        double[] dev = new double[n];
        for (int i = 0; i < v.length; i++) {
            int j = pattern.sourceUnchecked(i, n, k);
            if (!seen[j]) {
                seen[j] = true;
                first[j] = v[i];
            } else {
                dev[j] += v[i] - first[j];
            }
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            // Mean as first copy plus mean deviation: exact when the copies are equal (an exact widening).
            out[j] = (first[j] + dev[j] / copies) / f;
        }
        return out;
    }

    /** The left inverse of {@link #matrix}: the mean over each block of copies, divided by {@code f}. */
    public static double[][] narrowMatrix(double[][] w, RepeatPattern rows, RepeatPattern cols, int k, double f) {
        Checks.finite(w, "w");
        Checks.notNull(rows, "rows");
        Checks.notNull(cols, "cols");
        checkK(k);
        int r = originalLength(w.length, rows, k, "w rows");
        int c = originalLength(w[0].length, cols, k, "w columns");
        rows.check(r, k);
        cols.check(c, k);
        Checks.finite(f, "f");
        if (f == 0) {
            throw Checks.fail("f", "must be nonzero to narrow");
        }
        int copies = (rows == RepeatPattern.NONE ? 1 : k) * (cols == RepeatPattern.NONE ? 1 : k);
        double[][] first = new double[r][c];
        boolean[][] seen = new boolean[r][c];
        double[][] dev = new double[r][c];
        for (int i = 0; i < w.length; i++) {
            int si = rows.sourceUnchecked(i, r, k);
            for (int j = 0; j < w[0].length; j++) {
                int sj = cols.sourceUnchecked(j, c, k);
                if (!seen[si][sj]) {
                    seen[si][sj] = true;
                    first[si][sj] = w[i][j];
                } else {
                    dev[si][sj] += w[i][j] - first[si][sj];
                }
            }
        }
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                // Mean as first copy plus mean deviation: exact when the copies are equal.
                out[i][j] = (first[i][j] + dev[i][j] / copies) / f;
            }
        }
        return out;
    }

    /**
     * Whether a pattern on a head axis of {@code H} heads of size {@code d_h} is head-local: every widened head
     * {@code floor(i/(k d_h))} takes its entries only from the original head {@code floor(pi(i)/d_h)} with the same
     * index.
     *
     * <p>{@code INTERLEAVED}: always ({@code floor(floor(i/k)/d_h) = floor(i/(k d_h))}); {@code PAIR_BLOCK}: when
     * {@code d_h} is even; {@code TILED}: only for {@code H = 1} or {@code k = 1}. Computed by enumeration (exact).
     * Source: WIDEN-F18.
     *
     * @param pattern  the pattern on the head axis (not {@code NONE})
     * @param numHeads {@code H >= 1}
     * @param headSize {@code d_h >= 1}
     * @param k        {@code >= 1}
     * @return whether the pattern is head-local
     * @throws IllegalArgumentException for sizes below 1, {@code NONE}, or {@code PAIR_BLOCK} with odd
     *                                  {@code H d_h}
     */
    @Formula(value = "WIDEN-F18", title = "Head locality of a repetition pattern",
            args = {@Formula.Arg(name = "pattern", shape = "enum(INTERLEAVED|TILED|PAIR_BLOCK)"),
                    @Formula.Arg(name = "numHeads", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "headSize", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "boolean", accuracy = "exact (enumeration)")
    public static boolean isHeadLocal(RepeatPattern pattern, int numHeads, int headSize, int k) {
        Checks.notNull(pattern, "pattern");
        if (pattern == RepeatPattern.NONE) {
            throw Checks.fail("pattern", "NONE does not widen an axis");
        }
        Checks.atLeast(numHeads, 1, "numHeads");
        Checks.atLeast(headSize, 1, "headSize");
        int n = Math.multiplyExact(numHeads, headSize);
        int[] pi = indexMap(pattern, n, k);
        for (int i = 0; i < pi.length; i++) {
            if (i / (k * headSize) != pi[i] / headSize) {
                return false;
            }
        }
        return true;
    }

    private static int originalLength(int widened, RepeatPattern pattern, int k, String name) {
        if (pattern == RepeatPattern.NONE) {
            return widened;
        }
        if (widened % k != 0) {
            throw Checks.fail(name, "length " + widened + " is not a multiple of k=" + k);
        }
        return widened / k;
    }

    static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }
}
