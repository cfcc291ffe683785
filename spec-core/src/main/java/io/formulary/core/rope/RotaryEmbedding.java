package io.formulary.core.rope;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Tolerance;

/**
 * One-dimensional rotary position embedding (RoPE): the frequency schedule, the 2x2 building block, the rotation of
 * a {@code d}-vector, the attention-score identity, the rotate-half layout with its permutation and the rounding
 * model (ROPE-F1..F4, F21, F23).
 *
 * <p>Conventions, as explicit options:
 * <ul>
 *   <li>Layout ({@link Layout}): {@code INTERLEAVED} pairs {@code (2i, 2i+1)} (RoFormer, GPT-J, Meta LLaMA) or
 *       {@code ROTATE_HALF} pairs {@code (i, i+d/2)} (GPT-NeoX, Hugging Face LLaMA/Mistral/Qwen).</li>
 *   <li>Frequency rule: {@code theta_i = base^(-2i/d)} over the full dimension (RoFormer, LLaMA, NeoX with
 *       {@code rotary_pct = 1}); a partial-rotary or per-axis schedule is an explicit {@code theta} array.
 *       NTK-style variants change {@code base}; position interpolation passes non-integer positions.</li>
 *   <li>Position offset: positions are plain reals with no implicit offset. Most LLM code (Hugging Face
 *       {@code position_ids = arange(len)}, Meta LLaMA {@code start_pos}) counts from 0 and adds the KV-cache offset;
 *       callers pass {@code offset + index}. The score depends only on {@code n - m}, but rotated vectors (golden
 *       data) do not, so the offset must be recorded with them. Position interpolation passes {@code m / s}.</li>
 *   <li>Rotation sense: counter-clockwise, {@code z_{2i} = v_{2i} cos - v_{2i+1} sin}; a clockwise peer equals this
 *       reference at negated positions.</li>
 *   <li>Phase evaluation ({@link PhaseMode}): {@code EXACT} by default, {@code FLOAT64_RECIPE} on request.</li>
 * </ul>
 */
public final class RotaryEmbedding {

    /** Largest supported dimension, {@code 2^20}. */
    public static final int MAX_DIMENSION = 1 << 20;
    /** The usual schedule base. */
    public static final double DEFAULT_BASE = 10000;

    private RotaryEmbedding() {
    }

    // ------------------------------------------------------------------ validation shared by the chapter

    /** Requires an even dimension in {@code [2, 2^20]}. */
    static int checkDimension(int d, String name) {
        Checks.inRange(d, 2, MAX_DIMENSION, name);
        return Checks.even(d, name);
    }

    /** Requires a finite base {@code > 1}. */
    static double checkBase(double base) {
        Checks.finite(base, "base");
        if (!(base > 1)) {
            throw Checks.fail("base", "must be > 1, got " + base);
        }
        return base;
    }

    /** Requires a finite position. */
    static double checkPosition(double p, String name) {
        return Checks.finite(p, name);
    }

    /** Requires a finite vector of length {@code d}. */
    static double[] checkVector(double[] v, int d, String name) {
        return Checks.length(v, d, name);
    }

    /** Requires an explicit, finite frequency array of length {@code d/2}. */
    static double[] checkTheta(double[] theta, int d) {
        return Checks.length(theta, d / 2, "theta");
    }

    // ------------------------------------------------------------------ ROPE-F1

    /**
     * The frequency schedule of 1-D RoPE.
     *
     * <p>$$\theta_i=\beta^{-2i/d},\qquad i=0,\dots,d/2-1.$$
     *
     * <p>Domain: {@code d} even in {@code [2, 2^20]}, {@code base} finite and {@code > 1}. Special cases:
     * {@code theta_0 = 1} exactly. Accuracy: each entry within {@code (ln base + 2) u} relative (one
     * {@code StrictMath.pow} of an exactly representable exponent, the SIN-F1 recipe). Source: ROPE-F1.
     *
     * @param d    dimension, even, {@code 2 <= d <= 2^20}
     * @param base schedule base {@code > 1}
     * @return {@code theta}, length {@code d/2}, decreasing from 1
     * @throws IllegalArgumentException if {@code d} is odd or out of range, or {@code base} is not finite and {@code > 1}
     */
    @Formula(value = "ROPE-F1", title = "RoPE frequency schedule theta_i = base^(-2i/d)",
            args = {@Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d/2]: theta_i", accuracy = "(ln base + 2) u relative")
    public static double[] frequencies(int d, double base) {
        checkDimension(d, "d");
        checkBase(base);
        double[] theta = new double[d / 2];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Phases.scheduleFrequency(base, 2 * i, d);
        }
        return theta;
    }

    // ------------------------------------------------------------------ ROPE-F2

    /**
     * The 2-D building block: one pair rotated by the angle {@code n theta}.
     *
     * <p>$$\mathcal R_n v=\begin{pmatrix}\cos n\theta&-\sin n\theta\\\sin n\theta&\cos n\theta\end{pmatrix}
     * \begin{pmatrix}v_0\\v_1\end{pmatrix},\qquad \widetilde{\mathcal R_nv}=e^{\mathrm in\theta}\tilde v.$$
     *
     * <p>Domain: all arguments finite. Evaluation: the phase {@code n*theta} with one rounding (this is the
     * F2 recipe; the exact-phase path is {@link #rotate}), then {@code z0 = fma(v0, c, -(v1 s))},
     * {@code z1 = fma(v0, s, v1 c)}. Accuracy: {@code |z - exact(fl(n theta))| <= 4u ||v||} per component pair.
     * Source: ROPE-F2.
     *
     * @param v0    first component
     * @param v1    second component
     * @param n     position
     * @param theta frequency
     * @return {@code (z0, z1)}
     * @throws IllegalArgumentException if any argument is not finite
     */
    @Formula(value = "ROPE-F2", title = "2x2 rotary block R(n theta) applied to a pair",
            args = {@Formula.Arg(name = "v0", shape = "scalar"), @Formula.Arg(name = "v1", shape = "scalar"),
                    @Formula.Arg(name = "n", shape = "scalar"), @Formula.Arg(name = "theta", shape = "scalar")},
            output = "vector[2]: rotated pair", accuracy = "4u ||v|| given the rounded phase")
    public static double[] rotatePair(double v0, double v1, double n, double theta) {
        Checks.finite(v0, "v0");
        Checks.finite(v1, "v1");
        checkPosition(n, "n");
        Checks.finite(theta, "theta");
        double[] cs = new double[2];
        Phases.recipe(n, theta, cs);
        double[] z = new double[2];
        Phases.rotate(v0, v1, cs[0], cs[1], z, 0, 1);
        return z;
    }

    // ------------------------------------------------------------------ ROPE-F3

    /**
     * One-dimensional RoPE of a {@code d}-vector at position {@code n}, canonical layout, exact phases.
     *
     * <p>$$(\mathcal R_nv)_{2i}=v_{2i}\cos n\theta_i-v_{2i+1}\sin n\theta_i,\qquad
     * (\mathcal R_nv)_{2i+1}=v_{2i}\sin n\theta_i+v_{2i+1}\cos n\theta_i,\qquad\theta_i=\beta^{-2i/d}.$$
     *
     * <p>Domain: {@code v} finite of even length {@code d <= 2^20}, {@code n} finite, {@code base > 1}. Special
     * cases: {@code n = 0} returns {@code v} exactly. Accuracy (mode {@code EXACT}): cosines and sines within 2 ulps
     * of the exact values at any {@code |n| <= 1e9}; each component then within {@code 4u ||v_pair||} of the exact
     * rotation. Cost {@code O(d)}. Source: ROPE-F3.
     *
     * @param v    vector of length {@code d}
     * @param n    position
     * @param base schedule base
     * @return {@code R_n v}
     * @throws IllegalArgumentException on odd or out-of-range length, non-finite components or position, bad base
     */
    @Formula(value = "ROPE-F3", title = "1-D RoPE R_n v (interleaved pairs, exact phases)",
            args = {@Formula.Arg(name = "v", shape = "vector[d]", domain = "finite, d even"),
                    @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d]: R_n v", accuracy = "2 ulps per rotation entry at |n| <= 1e9; 4u ||v_pair|| per pair")
    public static double[] rotate(double[] v, double n, double base) {
        return rotate(v, n, base, Layout.INTERLEAVED, PhaseMode.EXACT);
    }

    /**
     * 1-D RoPE with an explicit layout and phase mode (the schedule {@code base^(-2i/d)}).
     *
     * @param v      vector of length {@code d}, even
     * @param n      position
     * @param base   schedule base {@code > 1}
     * @param layout pair layout
     * @param mode   phase evaluation
     * @return {@code R_n v} in the given layout
     */
    public static double[] rotate(double[] v, double n, double base, Layout layout, PhaseMode mode) {
        Checks.notNull(v, "v");
        int d = checkDimension(v.length, "d");
        checkVector(v, d, "v");
        checkPosition(n, "n");
        checkBase(base);
        Checks.notNull(layout, "layout");
        Checks.notNull(mode, "mode");
        double[] z = new double[d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, d, mode);
        int h = d / 2;
        for (int i = 0; i < h; i++) {
            schedule.cosSin(n, i, cs);
            rotatePairInto(v, z, i, h, layout, cs);
        }
        return z;
    }

    /**
     * 1-D RoPE with explicit frequencies (a partial-rotary or custom schedule).
     *
     * @param v      vector of length {@code d}, even
     * @param n      position
     * @param theta  frequencies, length {@code d/2}, finite
     * @param layout pair layout
     * @param mode   phase evaluation ({@code EXACT} treats each {@code theta_i} as exact)
     * @return {@code R_n v}
     */
    public static double[] rotate(double[] v, double n, double[] theta, Layout layout, PhaseMode mode) {
        Checks.notNull(v, "v");
        int d = checkDimension(v.length, "d");
        checkVector(v, d, "v");
        checkPosition(n, "n");
        checkTheta(theta, d);
        Checks.notNull(layout, "layout");
        Checks.notNull(mode, "mode");
        double[] z = new double[d];
        double[] cs = new double[2];
        int h = d / 2;
        for (int i = 0; i < h; i++) {
            Phases.explicit(n, theta[i], mode, cs);
            rotatePairInto(v, z, i, h, layout, cs);
        }
        return z;
    }

    static void rotatePairInto(double[] v, double[] z, int i, int h, Layout layout, double[] cs) {
        int i0 = layout == Layout.INTERLEAVED ? 2 * i : i;
        int i1 = layout == Layout.INTERLEAVED ? 2 * i + 1 : i + h;
        Phases.rotate(v[i0], v[i1], cs[0], cs[1], z, i0, i1);
    }

    /**
     * The dense rotary matrix {@code R_n} (for matrix properties and cross-checks; {@link #rotate} is the
     * {@code O(d)} evaluation). Its column {@code j} is {@code R_n e_j}, computed with the same phases.
     *
     * @param d      dimension, even
     * @param n      position
     * @param base   schedule base
     * @param layout pair layout
     * @param mode   phase evaluation
     * @return {@code d x d} orthogonal matrix
     */
    public static double[][] matrix(int d, double n, double base, Layout layout, PhaseMode mode) {
        checkDimension(d, "d");
        checkPosition(n, "n");
        checkBase(base);
        Checks.notNull(layout, "layout");
        Checks.notNull(mode, "mode");
        double[][] r = new double[d][d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, d, mode);
        int h = d / 2;
        for (int i = 0; i < h; i++) {
            schedule.cosSin(n, i, cs);
            int i0 = layout == Layout.INTERLEAVED ? 2 * i : i;
            int i1 = layout == Layout.INTERLEAVED ? 2 * i + 1 : i + h;
            r[i0][i0] = cs[0];
            r[i0][i1] = -cs[1];
            r[i1][i0] = cs[1];
            r[i1][i1] = cs[0];
        }
        return r;
    }

    /** The canonical dense matrix {@code R_n} (interleaved, exact phases). */
    public static double[][] matrix(int d, double n, double base) {
        return matrix(d, n, base, Layout.INTERLEAVED, PhaseMode.EXACT);
    }

    /**
     * The generator {@code G = blockdiag(theta_i J)} with {@code R_n = exp(n G)} (ROPE-F3), using the rounded
     * schedule frequencies.
     *
     * @param d    dimension, even
     * @param base schedule base
     * @return {@code d x d} skew-symmetric matrix
     */
    public static double[][] generator(int d, double base) {
        double[] theta = frequencies(d, base);
        double[][] g = new double[d][d];
        for (int i = 0; i < d / 2; i++) {
            g[2 * i][2 * i + 1] = -theta[i];
            g[2 * i + 1][2 * i] = theta[i];
        }
        return g;
    }

    /**
     * The complex-number form of F3: pair {@code i} as {@code v_{2i} + i v_{2i+1}}, multiplied by
     * {@code e^{i n theta_i} = cos + i sin} with plain complex arithmetic (a separate code path from
     * {@link #rotate}, for ROPE-P5).
     *
     * @param v    vector of length {@code d}, even
     * @param n    position
     * @param base schedule base
     * @return {@code R_n v}
     */
    public static double[] rotateComplex(double[] v, double n, double base) {
        double[] theta = frequencies(Checks.notNull(v, "v").length, base);
        checkVector(v, v.length, "v");
        checkPosition(n, "n");
        double[] z = new double[v.length];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, v.length, PhaseMode.EXACT);
        for (int i = 0; i < theta.length; i++) {
            schedule.cosSin(n, i, cs);
            double re = v[2 * i];
            double im = v[2 * i + 1];
            // (re + i im)(c + i s) = (re c - im s) + i (re s + im c)
            z[2 * i] = re * cs[0] - im * cs[1];
            z[2 * i + 1] = re * cs[1] + im * cs[0];
        }
        return z;
    }

    // ------------------------------------------------------------------ ROPE-F4

    /**
     * The attention score of a query at {@code m} and a key at {@code n}, by the relative form.
     *
     * <p>$$\langle\mathcal R_mq,\mathcal R_nk\rangle=q^\top\mathcal R_{n-m}k=\sum_{i}\Big[(q_{2i}k_{2i}+q_{2i+1}k_{2i+1})
     * \cos\delta_i+(q_{2i+1}k_{2i}-q_{2i}k_{2i+1})\sin\delta_i\Big],\quad\delta_i=(n-m)\theta_i.$$
     *
     * <p>Domain: {@code q, k} finite of equal even length, positions finite. Evaluation: {@code Delta = n - m} once
     * (exact when the positions are within a factor 2 or are integers below 2^53), fma products and a Neumaier sum,
     * which protects the score against cancellation between pairs. Accuracy: within the F23 score tolerance
     * {@link #scoreTolerance}. Source: ROPE-F4.
     *
     * @param q    query, length {@code d}
     * @param k    key, length {@code d}
     * @param m    query position
     * @param n    key position
     * @param base schedule base
     * @return {@code <R_m q, R_n k>}
     * @throws IllegalArgumentException on length mismatch, odd length, non-finite input or bad base
     */
    @Formula(value = "ROPE-F4", title = "RoPE attention score <R_m q, R_n k> = q^T R_{n-m} k",
            args = {@Formula.Arg(name = "q", shape = "vector[d]", domain = "finite, d even"),
                    @Formula.Arg(name = "k", shape = "vector[d]"),
                    @Formula.Arg(name = "m", shape = "scalar"), @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "scalar: score", accuracy = "tau_s(m, n) of ROPE-F23")
    public static double score(double[] q, double[] k, double m, double n, double base) {
        Checks.notNull(q, "q");
        int d = checkDimension(q.length, "d");
        Checks.sameLength(q, "q", k, "k");
        checkPosition(m, "m");
        checkPosition(n, "n");
        checkBase(base);
        double delta = n - m;
        if (!Double.isFinite(delta)) {
            throw Checks.fail("n", "n - m overflows");
        }
        double[] terms = new double[d];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, d, PhaseMode.EXACT);
        for (int i = 0; i < d / 2; i++) {
            schedule.cosSin(delta, i, cs);
            double a = Math.fma(q[2 * i], k[2 * i], q[2 * i + 1] * k[2 * i + 1]);
            double b = Math.fma(q[2 * i + 1], k[2 * i], -(q[2 * i] * k[2 * i + 1]));
            terms[2 * i] = a * cs[0];
            terms[2 * i + 1] = b * cs[1];
        }
        return finiteScore(AccurateSums.sum(terms));
    }

    /**
     * The complex form of F4: {@code Re sum_i q~_i conj(k~_i) e^{-i (n-m) theta_i}}, with plain complex arithmetic.
     *
     * @param q    query
     * @param k    key
     * @param m    query position
     * @param n    key position
     * @param base schedule base
     * @return the score
     */
    public static double scoreComplex(double[] q, double[] k, double m, double n, double base) {
        Checks.notNull(q, "q");
        int d = checkDimension(q.length, "d");
        Checks.sameLength(q, "q", k, "k");
        checkPosition(m, "m");
        checkPosition(n, "n");
        checkBase(base);
        double[] terms = new double[d / 2];
        double[] cs = new double[2];
        Phases.Schedule schedule = Phases.Schedule.of(base, d, PhaseMode.EXACT);
        for (int i = 0; i < d / 2; i++) {
            schedule.cosSin(m - n, i, cs);
            // q~ conj(k~) = (q0 + i q1)(k0 - i k1) = (q0 k0 + q1 k1) + i (q1 k0 - q0 k1)
            double re = q[2 * i] * k[2 * i] + q[2 * i + 1] * k[2 * i + 1];
            double im = q[2 * i + 1] * k[2 * i] - q[2 * i] * k[2 * i + 1];
            // Re[(re + i im)(c + i s)] with angle (m - n) theta = re c - im s
            terms[i] = re * cs[0] - im * cs[1];
        }
        return finiteScore(AccurateSums.sum(terms));
    }

    /** Products of finite components near the overflow threshold can overflow; that is reported, never returned. */
    private static double finiteScore(double s) {
        if (!Double.isFinite(s)) {
            throw Checks.fail("q", "score overflows double precision (components of q and k too large)");
        }
        return s;
    }

    // ------------------------------------------------------------------ ROPE-F21

    /**
     * RoPE in the rotate-half layout (GPT-NeoX, Hugging Face LLaMA): pair {@code i} is components {@code (i, i+h)}.
     *
     * <p>$$z_i=v_i\cos n\theta_i-v_{i+h}\sin n\theta_i,\qquad z_{i+h}=v_{i+h}\cos n\theta_i+v_i\sin n\theta_i,
     * \qquad h=d/2,$$ and $$\mathrm{RH}_n(Pv)=P\,\mathrm{IL}_n(v),\quad (Pv)_i=v_{2i},\ (Pv)_{h+i}=v_{2i+1}.$$
     *
     * <p>Domain as {@link #rotate}. Accuracy as F3; with the same phase recipe it equals the interleaved rotation
     * of {@code P^{-1} v}, permuted by {@code P}, bit for bit. Source: ROPE-F21.
     *
     * @param v    vector of length {@code d}, even
     * @param n    position
     * @param base schedule base
     * @return {@code RH_n v}
     */
    @Formula(value = "ROPE-F21", title = "RoPE in the rotate-half layout (GPT-NeoX / HF LLaMA)",
            args = {@Formula.Arg(name = "v", shape = "vector[d]", domain = "finite, d even"),
                    @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d]: RH_n v", accuracy = "as ROPE-F3")
    public static double[] rotateHalf(double[] v, double n, double base) {
        return rotate(v, n, base, Layout.ROTATE_HALF, PhaseMode.EXACT);
    }

    /**
     * The index order of {@code P}: {@code (Pv)_j = v[order[j]]}, i.e. {@code [0, 2, 4, ..., 1, 3, 5, ...]}.
     *
     * @param d dimension, even
     * @return {@code order}, a permutation of {@code 0..d-1}
     */
    public static int[] rotateHalfOrder(int d) {
        checkDimension(d, "d");
        int h = d / 2;
        int[] order = new int[d];
        for (int i = 0; i < h; i++) {
            order[i] = 2 * i;
            order[h + i] = 2 * i + 1;
        }
        return order;
    }

    /** {@code P v}: interleaved order to rotate-half order. */
    public static double[] toRotateHalf(double[] v) {
        Checks.notNull(v, "v");
        int[] order = rotateHalfOrder(v.length);
        checkVector(v, v.length, "v");
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[order[j]];
        }
        return out;
    }

    /** {@code P^{-1} v}: rotate-half order back to interleaved order. */
    public static double[] fromRotateHalf(double[] v) {
        Checks.notNull(v, "v");
        int[] order = rotateHalfOrder(v.length);
        checkVector(v, v.length, "v");
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[order[j]] = v[j];
        }
        return out;
    }

    /**
     * Converts the output rows of a projection weight (for example {@code W_q} or {@code W_k}, shape
     * {@code (nHeads * d) x in}) from the interleaved to the rotate-half convention: within each head the rows are
     * permuted by {@code P}. This is the {@code permute} of the Hugging Face LLaMA conversion script (view rows as
     * (head, d/2, 2), swap the last two axes, flatten).
     *
     * @param w      weight matrix, rows a multiple of {@code nHeads * d}
     * @param nHeads number of heads, {@code >= 1}
     * @param d      head dimension, even
     * @return the permuted copy
     * @throws IllegalArgumentException if {@code d} is odd or the row count is not {@code nHeads * d}
     */
    public static double[][] permuteHeadRows(double[][] w, int nHeads, int d) {
        Checks.finite(w, "w");
        Checks.atLeast(nHeads, 1, "nHeads");
        checkDimension(d, "d");
        if ((long) nHeads * d != w.length) {
            throw Checks.fail("w", "row count " + w.length + " is not nHeads * d = " + ((long) nHeads * d));
        }
        int[] order = rotateHalfOrder(d);
        double[][] out = new double[w.length][];
        for (int head = 0; head < nHeads; head++) {
            for (int j = 0; j < d; j++) {
                out[head * d + j] = w[head * d + order[j]].clone();
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ ROPE-F23

    /**
     * The score tolerance of the rounding model (for the {@code FLOAT64_RECIPE} evaluation; the exact mode is
     * well inside it).
     *
     * <p>$$\tau_s(m,n)=2\Big[(\ln\beta+3)u\,(|m|+|n|+|n-m|)\max_i\theta_i+8du\Big]\|q\|_2\|k\|_2.$$
     *
     * <p>Domain: positions finite, {@code d} even, base {@code > 1}, norms finite {@code >= 0}. With
     * {@code qNorm = kNorm = 1} it is the matrix-entry tolerance. Source: ROPE-F23 (with
     * {@code max theta_i = 1} for the standard schedule).
     *
     * @param m     query position
     * @param n     key position
     * @param d     dimension
     * @param base  schedule base
     * @param qNorm {@code ||q||_2}
     * @param kNorm {@code ||k||_2}
     * @return {@code tau_s}
     */
    @Formula(value = "ROPE-F23", title = "Rounding model: score tolerance tau_s(m, n)",
            args = {@Formula.Arg(name = "m", shape = "scalar"), @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1"),
                    @Formula.Arg(name = "qNorm", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "kNorm", shape = "scalar", domain = ">= 0")},
            output = "scalar: tolerance", accuracy = "a bound, not an estimate")
    public static double scoreTolerance(double m, double n, int d, double base, double qNorm, double kNorm) {
        return scoreTolerance(m, n, d, base, qNorm, kNorm, Tolerance.UNIT_ROUNDOFF);
    }

    /**
     * The F23 score tolerance for another unit roundoff: {@code 2^-24} for float32 peers, to which
     * {@code 4 * 2^-24} is added per the chapter.
     *
     * @param u unit roundoff of the arithmetic checked
     * @return {@code tau_s}
     */
    public static double scoreTolerance(double m, double n, int d, double base, double qNorm, double kNorm, double u) {
        checkPosition(m, "m");
        checkPosition(n, "n");
        checkDimension(d, "d");
        checkBase(base);
        Checks.nonNegative(qNorm, "qNorm");
        Checks.nonNegative(kNorm, "kNorm");
        Checks.positive(u, "u");
        double positions = Math.abs(m) + Math.abs(n) + Math.abs(n - m);
        double t = 2 * ((StrictMath.log(base) + 3) * u * positions + 8.0 * d * u);
        if (u > Tolerance.UNIT_ROUNDOFF) {
            t += 4 * u;
        }
        return t * qNorm * kNorm;
    }
}
