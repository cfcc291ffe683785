package io.formulary.core.rope;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * Rotary position embedding for 2-D and N-D positions: the flattening index the article rejects, the 4x4 answer and
 * its lossy sum alternative, the {@code d}-dimensional 2-D variants and N-D positions (ROPE-F5..F8).
 *
 * <p>Conventions: position {@code (x, y)} with {@code x} the row and {@code y} the column; under
 * {@link AxisAssignment#AXIS_SPLIT} the first half of the channels takes {@code x} and the second half {@code y};
 * per-axis frequencies {@code omega_j = base^(-2j/c)} with {@code c = d/N} the chunk size (a project choice, the
 * article fixes only the 4x4 matrix: erratum 8). Layout within a half is {@code INTERLEAVED}.
 */
public final class RotaryEmbedding2d {

    private RotaryEmbedding2d() {
    }

    // ------------------------------------------------------------------ ROPE-F5

    /**
     * The row-major index of cell {@code (x, y)} in a grid of width {@code w}: the 1-D position a flattening
     * approach would give the cell.
     *
     * <p>$$\ell(x,y)=x\,w+y,$$ so {@code l(x+1,y) - l(x,y) = w} while {@code l(x,y+1) - l(x,y) = 1}.
     *
     * <p>Domain: {@code x, y} integers with {@code 0 <= y < w}, {@code w >= 1}, {@code |l| < 2^53}. Exact. The
     * article writes {@code x h + y} for a square {@code h x h} map (erratum 9). Source: ROPE-F5.
     *
     * @param x row, integer-valued, {@code >= 0}
     * @param y column, integer-valued, {@code 0 <= y < w}
     * @param w grid width, {@code >= 1}
     * @return {@code x w + y} (exact)
     */
    @Formula(value = "ROPE-F5", title = "Row-major flattened index l(x, y) = x w + y",
            args = {@Formula.Arg(name = "x", shape = "scalar", domain = "integer >= 0"),
                    @Formula.Arg(name = "y", shape = "scalar", domain = "integer, 0 <= y < w"),
                    @Formula.Arg(name = "w", shape = "int", domain = ">= 1")},
            output = "scalar: flattened position", accuracy = "exact")
    public static double flattenIndex(double x, double y, int w) {
        Checks.atLeast(w, 1, "w");
        Checks.nonNegative(x, "x");
        Checks.nonNegative(y, "y");
        if (x != Math.rint(x)) {
            throw Checks.fail("x", "must be an integer, got " + x);
        }
        if (y != Math.rint(y) || !(y < w)) {
            throw Checks.fail("y", "must be an integer in [0, w), got " + y);
        }
        double l = x * w + y;
        if (!(l < 0x1p53)) {
            throw Checks.fail("x", "flattened index x*w+y must be below 2^53, got " + l);
        }
        return l;
    }

    // ------------------------------------------------------------------ ROPE-F6

    /**
     * The article's 4x4 two-dimensional rotary matrix with a single frequency.
     *
     * <p>$$\mathcal R_{x,y}=\begin{pmatrix}\cos x\theta&-\sin x\theta&0&0\\\sin x\theta&\cos x\theta&0&0\\
     * 0&0&\cos y\theta&-\sin y\theta\\0&0&\sin y\theta&\cos y\theta\end{pmatrix}.$$
     *
     * <p>Domain: all finite; {@code theta = 0} is accepted (the identity) but makes positions unrecoverable. The
     * off-block zeros are exact. Accuracy: entries within 2 ulps of the exact values (exact phases). Source: ROPE-F6.
     *
     * @param x     first coordinate
     * @param y     second coordinate
     * @param theta frequency
     * @return the {@code 4 x 4} matrix
     */
    @Formula(value = "ROPE-F6", title = "4x4 two-dimensional rotary matrix R_{x,y}",
            args = {@Formula.Arg(name = "x", shape = "scalar"), @Formula.Arg(name = "y", shape = "scalar"),
                    @Formula.Arg(name = "theta", shape = "scalar")},
            output = "matrix[4][4]", accuracy = "2 ulps per entry")
    public static double[][] matrix4(double x, double y, double theta) {
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        Checks.finite(theta, "theta");
        double[][] r = new double[4][4];
        double[] cs = new double[2];
        Phases.explicit(x, theta, PhaseMode.EXACT, cs);
        setBlock(r, 0, cs);
        Phases.explicit(y, theta, PhaseMode.EXACT, cs);
        setBlock(r, 1, cs);
        return r;
    }

    /**
     * The relative but lossy alternative {@code R^sum_{x,y} = R((x + y) theta)} (a 2x2 rotation): it cannot tell
     * {@code (x + t, y - t)} from {@code (x, y)}, so no inverse is offered.
     *
     * @param x     first coordinate
     * @param y     second coordinate
     * @param theta frequency
     * @return the {@code 2 x 2} rotation
     */
    public static double[][] sumFormMatrix(double x, double y, double theta) {
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        Checks.finite(theta, "theta");
        double s = x + y;
        if (!Double.isFinite(s)) {
            throw Checks.fail("y", "x + y overflows");
        }
        double[][] r = new double[2][2];
        double[] cs = new double[2];
        Phases.explicit(s, theta, PhaseMode.EXACT, cs);
        setBlock(r, 0, cs);
        return r;
    }

    static void setBlock(double[][] r, int pair, double[] cs) {
        int i0 = 2 * pair;
        r[i0][i0] = cs[0];
        r[i0][i0 + 1] = -cs[1];
        r[i0 + 1][i0] = cs[1];
        r[i0 + 1][i0 + 1] = cs[0];
    }

    // ------------------------------------------------------------------ ROPE-F7

    /** Requires {@code d % 4 == 0} (and the 1-D limits). */
    static int checkDimension2d(int d, String name) {
        RotaryEmbedding.checkDimension(d, name);
        if (d % 4 != 0) {
            throw Checks.fail(name, "d must be a multiple of 4 for 2-D RoPE, got " + d);
        }
        return d;
    }

    /**
     * Two-dimensional RoPE of a {@code d}-vector at position {@code (x, y)}.
     *
     * <p>$$\mathcal R^{(d)}_{x,y}=\operatorname{blockdiag}\big(\mathcal R^{(c)}_x,\mathcal R^{(c)}_y\big),\quad
     * c=d/2,\quad \mathcal R^{(c)}_p=\operatorname{blockdiag}_jR(p\,\omega_j),\quad \omega_j=\beta^{-2j/c}$$
     * ({@code AXIS_SPLIT}); {@code AXIS_INTERLEAVED} is {@code Pi R Pi^T} with pair {@code 2j+a} for axis {@code a}
     * and frequency {@code j}.
     *
     * <p>Domain: {@code d % 4 == 0}, finite vector and positions, {@code base > 1}. For {@code d = 4} with
     * {@code omega_0 = 1} this is the article's 4x4 matrix at {@code theta = 1}. Accuracy: as ROPE-F3 per pair.
     * Source: ROPE-F7.
     *
     * @param v       vector of length {@code d}, {@code d % 4 == 0}
     * @param x       first axis position
     * @param y       second axis position
     * @param base    per-axis schedule base
     * @param variant channel assignment
     * @return {@code R_{x,y} v}
     * @throws IllegalArgumentException if {@code d % 4 != 0}, on non-finite input, bad base or null variant
     */
    @Formula(value = "ROPE-F7", title = "2-D RoPE in d dimensions (axis-split or axis-interleaved)",
            args = {@Formula.Arg(name = "v", shape = "vector[d]", domain = "finite, d % 4 == 0"),
                    @Formula.Arg(name = "x", shape = "scalar"), @Formula.Arg(name = "y", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1"),
                    @Formula.Arg(name = "variant", shape = "enum(AXIS_SPLIT|AXIS_INTERLEAVED)")},
            output = "vector[d]: R_{x,y} v", accuracy = "as ROPE-F3 per pair")
    public static double[] rotate2d(double[] v, double x, double y, double base, AxisAssignment variant) {
        return rotate2d(v, x, y, base, variant, PhaseMode.EXACT);
    }

    /** {@link #rotate2d(double[], double, double, double, AxisAssignment)} with an explicit phase mode. */
    public static double[] rotate2d(double[] v, double x, double y, double base, AxisAssignment variant, PhaseMode mode) {
        Checks.notNull(v, "v");
        int d = checkDimension2d(v.length, "d");
        RotaryEmbedding.checkVector(v, d, "v");
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        RotaryEmbedding.checkBase(base);
        Checks.notNull(variant, "variant");
        Checks.notNull(mode, "mode");
        double[] z = new double[d];
        double[] cs = new double[2];
        int c = d / 2;
        Phases.Schedule schedule = Phases.Schedule.of(base, c, mode);
        for (int a = 0; a < 2; a++) {
            double p = a == 0 ? x : y;
            for (int j = 0; j < c / 2; j++) {
                schedule.cosSin(p, j, cs);
                int pair = pairOf(variant, a, j, c / 2);
                Phases.rotate(v[2 * pair], v[2 * pair + 1], cs[0], cs[1], z, 2 * pair, 2 * pair + 1);
            }
        }
        return z;
    }

    /**
     * 2-D RoPE of every cell of an {@code h x w} grid at once (for example the queries or keys of an image's
     * patches): row {@code l = x w + y} of {@code vectors} is rotated to position {@code (x, y)}. Equal, bit for bit,
     * to {@link #rotate2d(double[], double, double, double, AxisAssignment, PhaseMode)} per row; the cosines and
     * sines are computed once per row index {@code x} and per column index {@code y} instead of once per cell.
     *
     * @param vectors {@code h w} vectors of length {@code d}, {@code d % 4 == 0}, row-major over the grid
     * @param h       grid height (values of {@code x}: {@code 0..h-1})
     * @param w       grid width (values of {@code y}: {@code 0..w-1})
     * @param base    per-axis schedule base
     * @param variant channel assignment
     * @param mode    phase evaluation
     * @return the rotated vectors, same shape
     * @throws IllegalArgumentException if the row count is not {@code h w}, or as {@code rotate2d}
     */
    public static double[][] rotateGrid(double[][] vectors, int h, int w, double base, AxisAssignment variant, PhaseMode mode) {
        Checks.atLeast(h, 1, "h");
        Checks.atLeast(w, 1, "w");
        Checks.finite(vectors, "vectors");
        if ((long) h * w != vectors.length) {
            throw Checks.fail("vectors", "row count " + vectors.length + " is not h * w = " + ((long) h * w));
        }
        int d = checkDimension2d(vectors[0].length, "d");
        RotaryEmbedding.checkBase(base);
        Checks.notNull(variant, "variant");
        Checks.notNull(mode, "mode");
        int c = d / 2;
        int perAxis = c / 2;
        Phases.Schedule schedule = Phases.Schedule.of(base, c, mode);
        double[][] rowCs = new double[h][2 * perAxis];
        double[][] colCs = new double[w][2 * perAxis];
        double[] cs = new double[2];
        for (int x = 0; x < h; x++) {
            for (int j = 0; j < perAxis; j++) {
                schedule.cosSin(x, j, cs);
                rowCs[x][2 * j] = cs[0];
                rowCs[x][2 * j + 1] = cs[1];
            }
        }
        for (int y = 0; y < w; y++) {
            for (int j = 0; j < perAxis; j++) {
                schedule.cosSin(y, j, cs);
                colCs[y][2 * j] = cs[0];
                colCs[y][2 * j + 1] = cs[1];
            }
        }
        double[][] out = new double[vectors.length][d];
        for (int x = 0; x < h; x++) {
            for (int y = 0; y < w; y++) {
                double[] v = vectors[x * w + y];
                double[] z = out[x * w + y];
                for (int a = 0; a < 2; a++) {
                    double[] table = a == 0 ? rowCs[x] : colCs[y];
                    for (int j = 0; j < perAxis; j++) {
                        int pair = pairOf(variant, a, j, perAxis);
                        Phases.rotate(v[2 * pair], v[2 * pair + 1], table[2 * j], table[2 * j + 1], z, 2 * pair, 2 * pair + 1);
                    }
                }
            }
        }
        return out;
    }

    /** The pair index that axis {@code a} at frequency {@code j} drives. */
    static int pairOf(AxisAssignment variant, int a, int j, int perAxis) {
        return variant == AxisAssignment.AXIS_SPLIT ? a * perAxis + j : 2 * j + a;
    }

    /**
     * The dense 2-D rotary matrix (for matrix properties).
     *
     * @param d       dimension, {@code d % 4 == 0}
     * @param x       first axis position
     * @param y       second axis position
     * @param base    schedule base
     * @param variant channel assignment
     * @param mode    phase evaluation
     * @return {@code d x d} orthogonal matrix
     */
    public static double[][] matrix2d(int d, double x, double y, double base, AxisAssignment variant, PhaseMode mode) {
        checkDimension2d(d, "d");
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        RotaryEmbedding.checkBase(base);
        Checks.notNull(variant, "variant");
        Checks.notNull(mode, "mode");
        double[][] r = new double[d][d];
        double[] cs = new double[2];
        int c = d / 2;
        Phases.Schedule schedule = Phases.Schedule.of(base, c, mode);
        for (int a = 0; a < 2; a++) {
            for (int j = 0; j < c / 2; j++) {
                schedule.cosSin(a == 0 ? x : y, j, cs);
                setBlock(r, pairOf(variant, a, j, c / 2), cs);
            }
        }
        return r;
    }

    /**
     * The component order of {@code Pi}, mapping {@code AXIS_SPLIT} channels to {@code AXIS_INTERLEAVED} ones:
     * {@code (Pi v)[k] = v[order[k]]}, so that {@code R^inter = Pi R^split Pi^T}.
     *
     * @param d dimension, {@code d % 4 == 0}
     * @return the order, a permutation of {@code 0..d-1}
     */
    public static int[] axisInterleavedOrder(int d) {
        checkDimension2d(d, "d");
        int perAxis = d / 4;
        int[] order = new int[d];
        for (int a = 0; a < 2; a++) {
            for (int j = 0; j < perAxis; j++) {
                int to = 2 * j + a;
                int from = a * perAxis + j;
                order[2 * to] = 2 * from;
                order[2 * to + 1] = 2 * from + 1;
            }
        }
        return order;
    }

    /**
     * Sectioned multi-axis RoPE (multimodal-RoPE style): one 1-D schedule {@code theta_i = base^(-2i/d)} over all
     * {@code d/2} pairs, pair {@code i} driven by the axis whose contiguous section contains it.
     *
     * @param v         vector of length {@code d}, even
     * @param positions one position per axis
     * @param sections  pairs per axis, non-negative, summing to {@code d/2}, one per axis
     * @param base      schedule base
     * @param layout    pair layout ({@code ROTATE_HALF} for Qwen2-VL M-RoPE)
     * @return the rotated vector
     * @throws IllegalArgumentException on negative sections, a wrong sum, or an axis count mismatch
     */
    public static double[] rotateSectioned(double[] v, double[] positions, int[] sections, double base, Layout layout) {
        Checks.notNull(v, "v");
        int d = RotaryEmbedding.checkDimension(v.length, "d");
        Checks.notNull(sections, "sections");
        Checks.notNull(positions, "positions");
        long sum = 0;
        for (int a = 0; a < sections.length; a++) {
            if (sections[a] < 0) {
                throw Checks.fail("sections", "section " + a + " is negative: " + sections[a]);
            }
            sum += sections[a];
        }
        if (sum != d / 2) {
            throw Checks.fail("sections", "sum to " + sum + ", expected d/2 = " + (d / 2));
        }
        int[] axisOfPair = new int[d / 2];
        int i = 0;
        for (int a = 0; a < sections.length; a++) {
            for (int t = 0; t < sections[a]; t++) {
                axisOfPair[i++] = a;
            }
        }
        return rotateByAxis(v, positions, axisOfPair, sections.length, base, layout);
    }

    /**
     * Round-robin multi-axis RoPE: pair {@code i} is driven by axis {@code i mod N} (Qwen3-VL's interleaved
     * M-RoPE, reportedly), one 1-D schedule over all pairs.
     *
     * @param v         vector of length {@code d}, even
     * @param positions one position per axis, {@code N >= 1}
     * @param base      schedule base
     * @param layout    pair layout
     * @return the rotated vector
     */
    public static double[] rotateRoundRobin(double[] v, double[] positions, double base, Layout layout) {
        Checks.notNull(v, "v");
        int d = RotaryEmbedding.checkDimension(v.length, "d");
        Checks.notNull(positions, "positions");
        int axes = positions.length;
        Checks.atLeast(axes, 1, "positions.length");
        int[] axisOfPair = new int[d / 2];
        for (int i = 0; i < axisOfPair.length; i++) {
            axisOfPair[i] = i % axes;
        }
        return rotateByAxis(v, positions, axisOfPair, axes, base, layout);
    }

    private static double[] rotateByAxis(double[] v, double[] positions, int[] axisOfPair, int axes, double base,
                                         Layout layout) {
        int d = v.length;
        RotaryEmbedding.checkVector(v, d, "v");
        Checks.finite(positions, "positions");
        if (positions.length != axes) {
            throw Checks.fail("positions", "length " + positions.length + ", expected one per axis: " + axes);
        }
        RotaryEmbedding.checkBase(base);
        Checks.notNull(layout, "layout");
        double[] z = new double[d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, d, PhaseMode.EXACT);
        for (int i = 0; i < d / 2; i++) {
            schedule.cosSin(positions[axisOfPair[i]], i, cs);
            RotaryEmbedding.rotatePairInto(v, z, i, d / 2, layout, cs);
        }
        return z;
    }

    // ------------------------------------------------------------------ ROPE-F8

    /** Requires {@code N >= 1} and {@code d % (2N) == 0}. */
    static void checkAxes(int d, int axes) {
        Checks.atLeast(axes, 1, "N");
        RotaryEmbedding.checkDimension(d, "d");
        if (d % (2 * axes) != 0) {
            throw Checks.fail("d", "must be a multiple of 2N = " + (2 * axes) + " for " + axes + "-D RoPE, got " + d);
        }
    }

    /**
     * N-dimensional RoPE: chunk {@code a} of size {@code c = d/N} is a 1-D RoPE of dimension {@code c} driven by
     * {@code x_a}.
     *
     * <p>$$\mathcal R_{x_0,\dots,x_{N-1}}=\operatorname{blockdiag}\big(\mathcal R^{(c)}_{x_0},\dots,
     * \mathcal R^{(c)}_{x_{N-1}}\big),\qquad \omega_j=\beta^{-2j/c}.$$
     *
     * <p>Domain: {@code N = positions.length >= 1}, {@code d % (2N) == 0}, finite input. {@code N = 1} is F3 and
     * {@code N = 2} is F7 {@code AXIS_SPLIT}. Accuracy as F3. Source: ROPE-F8.
     *
     * @param v         vector of length {@code d}
     * @param positions the {@code N} coordinates
     * @param base      schedule base
     * @return the rotated vector
     */
    @Formula(value = "ROPE-F8", title = "N-dimensional RoPE (one chunk of d/N channels per axis)",
            args = {@Formula.Arg(name = "v", shape = "vector[d]", domain = "finite, d % (2N) == 0"),
                    @Formula.Arg(name = "positions", shape = "vector[N]", domain = "finite, N >= 1"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d]", accuracy = "as ROPE-F3 per pair")
    public static double[] rotateNd(double[] v, double[] positions, double base) {
        Checks.notNull(v, "v");
        Checks.notNull(positions, "positions");
        int axes = positions.length;
        checkAxes(v.length, axes);
        int d = v.length;
        RotaryEmbedding.checkVector(v, d, "v");
        Checks.finite(positions, "positions");
        RotaryEmbedding.checkBase(base);
        int c = d / axes;
        double[] z = new double[d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, c, PhaseMode.EXACT);
        for (int a = 0; a < axes; a++) {
            for (int j = 0; j < c / 2; j++) {
                schedule.cosSin(positions[a], j, cs);
                int pair = a * (c / 2) + j;
                Phases.rotate(v[2 * pair], v[2 * pair + 1], cs[0], cs[1], z, 2 * pair, 2 * pair + 1);
            }
        }
        return z;
    }

    /**
     * The dense N-D rotary matrix.
     *
     * @param d         dimension, {@code d % (2N) == 0}
     * @param positions the {@code N} coordinates
     * @param base      schedule base
     * @return {@code d x d} orthogonal matrix
     */
    public static double[][] matrixNd(int d, double[] positions, double base) {
        Checks.notNull(positions, "positions");
        int axes = positions.length;
        checkAxes(d, axes);
        Checks.finite(positions, "positions");
        RotaryEmbedding.checkBase(base);
        int c = d / axes;
        double[][] r = new double[d][d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, c, PhaseMode.EXACT);
        for (int a = 0; a < axes; a++) {
            for (int j = 0; j < c / 2; j++) {
                schedule.cosSin(positions[a], j, cs);
                setBlock(r, a * (c / 2) + j, cs);
            }
        }
        return r;
    }

    /**
     * The generator of one axis in N-D RoPE: {@code G_a} with {@code R_x = exp(sum_a x_a G_a)}, using rounded
     * schedule frequencies.
     *
     * @param d    dimension
     * @param axes {@code N}
     * @param axis {@code a}, {@code 0 <= a < N}
     * @param base schedule base
     * @return {@code d x d} skew-symmetric matrix
     */
    public static double[][] axisGenerator(int d, int axes, int axis, double base) {
        checkAxes(d, axes);
        Checks.inRange(axis, 0, axes - 1, "axis");
        RotaryEmbedding.checkBase(base);
        int c = d / axes;
        double[][] g = new double[d][d];
        for (int j = 0; j < c / 2; j++) {
            double w = Phases.scheduleFrequency(base, 2 * j, c);
            int pair = axis * (c / 2) + j;
            g[2 * pair][2 * pair + 1] = -w;
            g[2 * pair + 1][2 * pair] = w;
        }
        return g;
    }
}
