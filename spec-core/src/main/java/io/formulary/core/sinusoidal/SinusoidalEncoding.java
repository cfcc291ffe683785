package io.formulary.core.sinusoidal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DoubleDouble;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.PreciseAngles;
import io.formulary.core.numeric.Tolerance;

/**
 * The sinusoidal position encoding of "Attention is All You Need", its article (cos-first) layout, the layout
 * permutations, and the algebra the article builds on it: inner products, the shift map, the diagonal-Hessian
 * form and the normalised decay sum (chapter SIN, formulas F1-F10 and F18).
 *
 * <p>Conventions are explicit options: {@link Layout} (interleaved sin/cos, interleaved cos/sin, or all sines
 * then all cosines), {@link FrequencyRule} ({@code base^(-2i/d)} or the {@code (d/2 - 1)} divisor), a position
 * offset (tables start at any position), and {@link PhaseMode} (the 2-ulp oracle or the float64 peer recipe).
 * Pairs are 0-based: pair {@code i} has frequency {@code theta_i}, {@code i = 0..d/2-1}.
 */
public final class SinusoidalEncoding {

    /** Largest supported dimension. */
    public static final int MAX_D = 1 << 20;
    private static final double U = Tolerance.UNIT_ROUNDOFF;
    /** Largest dimension for which a dense d x d matrix is formed (shift matrix, generator). */
    public static final int MAX_DENSE_D = 64;

    private SinusoidalEncoding() {
    }

    // ------------------------------------------------------------------------------------------- validation

    static void checkDimension(int d) {
        if (!(d >= 2 && d <= MAX_D && d % 2 == 0)) {
            throw new IllegalArgumentException("d: d must be even and in [2, 1048576], got " + d);
        }
    }

    static void checkBase(double base) {
        Checks.finite(base, "base");
        if (!(base > 1)) {
            throw Checks.fail("base", "must be > 1, got " + base);
        }
    }

    static double[] checkTheta(double[] theta, int d) {
        Checks.notNull(theta, "theta");
        Checks.length(theta, d / 2, "theta");
        return Checks.finite(theta, "theta").clone();
    }

    static double[] checkTheta(double[] theta) {
        Checks.notNull(theta, "theta");
        if (theta.length < 1 || theta.length > MAX_D / 2) {
            throw Checks.fail("theta", "length must be in [1, 524288], got " + theta.length);
        }
        return Checks.finite(theta, "theta").clone();
    }

    // ------------------------------------------------------------------------------------------- F1

    /**
     * The frequency schedule.
     *
     * <p>$$\theta_i=b^{-2i/d}=b^{-i/(d/2)},\qquad i=0,\dots,d/2-1.$$
     * Exponent {@code -(2.0*i)/d} (one rounding), then {@code StrictMath.pow(base, e)}; {@code theta_0 = 1}
     * exactly. Relative error at most {@code (ln b + 2) u} ({@code 1.4e-15} for {@code b = 1e4}); the
     * double-double values used by {@link PhaseMode#EXACT} come from {@link PreciseAngles#frequency}.
     * Source: SIN-F1.
     *
     * @param d even, {@code 2 <= d <= 2^20}
     * @param base finite, {@code > 1}
     * @return {@code theta}, length {@code d/2}
     * @throws IllegalArgumentException if {@code d} is odd or out of range, or {@code base} is not finite and > 1
     */
    @Formula(value = "SIN-F1", title = "Frequency schedule theta_i = base^(-2i/d)",
            args = {@Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d/2]", accuracy = "(ln b + 2) u relative")
    public static double[] frequencies(int d, double base) {
        return frequencies(d, base, FrequencyRule.PAPER);
    }

    /**
     * The frequencies under either rule, as float64 peers compute them: {@code StrictMath.pow(base, e)} with
     * {@code e = -(2.0 i)/d} ({@link FrequencyRule#PAPER}) or {@code e = -i/(double) max(d/2-1, 1)}
     * ({@link FrequencyRule#DIVISOR}).
     *
     * @param d even, {@code 2 <= d <= 2^20}
     * @param base finite, {@code > 1}
     * @param rule the frequency rule
     * @return {@code theta}, length {@code d/2}
     */
    public static double[] frequencies(int d, double base, FrequencyRule rule) {
        checkDimension(d);
        checkBase(base);
        Checks.notNull(rule, "rule");
        double[] theta = new double[d / 2];
        int divisor = Math.max(d / 2 - 1, 1);
        for (int i = 0; i < theta.length; i++) {
            double e = rule == FrequencyRule.PAPER ? -(2.0 * i) / d : -(double) i / divisor;
            theta[i] = i == 0 ? 1.0 : StrictMath.pow(base, e);
        }
        return theta;
    }

    private record FrequencyKey(int d, double base, FrequencyRule rule) {
    }

    /**
     * Recently used double-double schedules: a pure function of its key, so caching changes no result; it saves
     * the d/2 double-double powers per call that otherwise dominate the cost of an encoding.
     */
    private static final java.util.Map<FrequencyKey, DoubleDouble[]> FREQUENCY_CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FREQUENCY_CACHE_SIZE = 32;

    /** The double-double frequencies of the oracle mode (shared array: callers must not modify it). */
    static DoubleDouble[] preciseFrequencies(int d, double base, FrequencyRule rule) {
        FrequencyKey key = new FrequencyKey(d, base, rule);
        DoubleDouble[] cached = FREQUENCY_CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        DoubleDouble[] theta = computePreciseFrequencies(d, base, rule);
        if (FREQUENCY_CACHE.size() >= FREQUENCY_CACHE_SIZE) {
            FREQUENCY_CACHE.clear();
        }
        FREQUENCY_CACHE.put(key, theta);
        return theta;
    }

    private static DoubleDouble[] computePreciseFrequencies(int d, double base, FrequencyRule rule) {
        DoubleDouble[] theta = new DoubleDouble[d / 2];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = rule == FrequencyRule.PAPER ? PreciseAngles.frequency(base, i, d)
                    : PreciseAngles.frequencyDivisor(base, i, d);
        }
        return theta;
    }

    // ------------------------------------------------------------------------------------------- F2, F3

    /**
     * The paper's encoding ({@link Layout#STANDARD}, oracle mode {@link PhaseMode#EXACT}).
     *
     * <p>$$p_{k,2i}=\sin(k\theta_i),\qquad p_{k,2i+1}=\cos(k\theta_i),\qquad \theta_i=b^{-2i/d}.$$
     * Every component is within 2 ulps of the exact value of the formula for the exact double inputs (or within
     * {@code 1e-20} absolute where that value is closer to zero) for {@code |k| <= 1e9}: the frequency and phase
     * are carried in double-double and reduced modulo a four-double {@code 2 pi}. Larger finite {@code k} are
     * accepted; the phase then keeps about {@code 10^-31 |k|} absolute accuracy. Source: SIN-F2.
     *
     * @param k position, finite
     * @param d even, {@code 2 <= d <= 2^20}
     * @param base finite, {@code > 1}
     * @return {@code p_k}, length {@code d}
     * @throws IllegalArgumentException on a non-finite position, an odd or out-of-range {@code d}, a bad base
     */
    @Formula(value = "SIN-F2", title = "Standard sinusoidal encoding (sin at 2i, cos at 2i+1)",
            args = {@Formula.Arg(name = "k", shape = "scalar", domain = "finite"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d]", accuracy = "2 ulps (or 1e-20 absolute) of the exact formula for |k| <= 1e9")
    public static double[] encode(double k, int d, double base) {
        return encode(k, d, base, Layout.STANDARD, FrequencyRule.PAPER, PhaseMode.EXACT);
    }

    /**
     * The article's layout (eq. r2), cos first: pair {@code i} is {@code e^{i k theta_i}} as (real, imaginary).
     *
     * <p>$$q_{k,2i}=\cos(k\theta_i),\quad q_{k,2i+1}=\sin(k\theta_i);\qquad \tilde q_{k,i}=e^{\mathrm ik\theta_i}.$$
     * {@code q_k = S p_k} with {@code S} the pair swap ({@link #swapPairs}). Accuracy as {@link #encode}.
     * Source: SIN-F3.
     *
     * @param k position, finite
     * @param d even, {@code 2 <= d <= 2^20}
     * @param base finite, {@code > 1}
     * @return {@code q_k}, length {@code d}
     * @throws IllegalArgumentException as {@link #encode(double, int, double)}
     */
    @Formula(value = "SIN-F3", title = "Article layout (cos at 2i, sin at 2i+1)",
            args = {@Formula.Arg(name = "k", shape = "scalar", domain = "finite"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[d]", accuracy = "2 ulps (or 1e-20 absolute) of the exact formula for |k| <= 1e9")
    public static double[] encodeArticle(double k, int d, double base) {
        return encode(k, d, base, Layout.ARTICLE, FrequencyRule.PAPER, PhaseMode.EXACT);
    }

    /**
     * The encoding with every convention explicit.
     *
     * @param k position, finite
     * @param d even, {@code 2 <= d <= 2^20}
     * @param base finite, {@code > 1}
     * @param layout where sin and cos sit
     * @param rule how the frequencies follow from the base
     * @param mode oracle ({@link PhaseMode#EXACT}) or float64 peer recipe
     * @return {@code p_k}, length {@code d}
     */
    public static double[] encode(double k, int d, double base, Layout layout, FrequencyRule rule, PhaseMode mode) {
        Checks.finite(k, "k");
        checkDimension(d);
        checkBase(base);
        Checks.notNull(layout, "layout");
        Checks.notNull(rule, "rule");
        Checks.notNull(mode, "mode");
        double[] p = new double[d];
        if (mode == PhaseMode.EXACT) {
            DoubleDouble[] theta = preciseFrequencies(d, base, rule);
            for (int i = 0; i < d / 2; i++) {
                double[] sc = PreciseAngles.sinCos(k, theta[i]);
                p[layout.sinIndex(i, d)] = sc[0];
                p[layout.cosIndex(i, d)] = sc[1];
            }
        } else {
            fillRecipe(p, k, frequencies(d, base, rule), layout);
        }
        return p;
    }

    /**
     * The encoding for an explicit (for example trainable) frequency array.
     *
     * @param k position, finite
     * @param theta finite frequencies, length {@code d/2}
     * @param layout where sin and cos sit
     * @param mode {@link PhaseMode#EXACT}: exact sin/cos of {@code k * theta_i} (the double {@code theta_i} taken
     *             as exact); {@link PhaseMode#FLOAT64_RECIPE}: {@code sin(fl(k theta_i))}
     * @return the encoding, length {@code 2 theta.length}
     */
    public static double[] encode(double k, double[] theta, Layout layout, PhaseMode mode) {
        Checks.finite(k, "k");
        double[] t = checkTheta(theta);
        Checks.notNull(layout, "layout");
        Checks.notNull(mode, "mode");
        int d = 2 * t.length;
        double[] p = new double[d];
        if (mode == PhaseMode.EXACT) {
            for (int i = 0; i < t.length; i++) {
                double[] sc = PreciseAngles.sinCos(k, DoubleDouble.of(t[i]));
                p[layout.sinIndex(i, d)] = sc[0];
                p[layout.cosIndex(i, d)] = sc[1];
            }
        } else {
            fillRecipe(p, k, t, layout);
        }
        return p;
    }

    private static void fillRecipe(double[] p, double k, double[] theta, Layout layout) {
        int d = p.length;
        for (int i = 0; i < theta.length; i++) {
            double phi = k * theta[i];
            p[layout.sinIndex(i, d)] = StrictMath.sin(phi);
            p[layout.cosIndex(i, d)] = StrictMath.cos(phi);
        }
    }

    /**
     * A table of encodings for the positions {@code offset, offset+1, ..., offset+rows-1} (the position-offset
     * convention: 0 for the paper and PyTorch, {@code padding_idx + 1} for fairseq, {@code start_index} for
     * tensor2tensor).
     *
     * @param rows number of positions, {@code 0 <= rows <= 2^24}
     * @param offset first position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @param layout layout
     * @param rule frequency rule
     * @param mode phase mode
     * @return {@code rows x d}
     */
    public static double[][] table(int rows, double offset, int d, double base, Layout layout, FrequencyRule rule,
                                   PhaseMode mode) {
        Checks.inRange(rows, 0, 1 << 24, "rows");
        Checks.finite(offset, "offset");
        checkDimension(d);
        checkBase(base);
        Checks.notNull(layout, "layout");
        Checks.notNull(rule, "rule");
        Checks.notNull(mode, "mode");
        double[][] out = new double[rows][d];
        if (mode == PhaseMode.EXACT) {
            DoubleDouble[] theta = preciseFrequencies(d, base, rule);
            for (int r = 0; r < rows; r++) {
                double k = offset + r;
                for (int i = 0; i < d / 2; i++) {
                    double[] sc = PreciseAngles.sinCos(k, theta[i]);
                    out[r][layout.sinIndex(i, d)] = sc[0];
                    out[r][layout.cosIndex(i, d)] = sc[1];
                }
            }
        } else {
            double[] theta = frequencies(d, base, rule);
            for (int r = 0; r < rows; r++) {
                fillRecipe(out[r], offset + r, theta, layout);
            }
        }
        return out;
    }

    /**
     * The pair swap {@code S} ({@code STANDARD <-> ARTICLE}): exchanges components {@code 2i} and {@code 2i+1}.
     * {@code S = S^T = S^{-1}}.
     *
     * @param p vector of even length
     * @return {@code S p}
     */
    public static double[] swapPairs(double[] p) {
        return convert(p, Layout.STANDARD, Layout.ARTICLE);
    }

    /**
     * Converts an encoding between layouts by the permutation {@code out[to.sin(i)] = p[from.sin(i)]},
     * {@code out[to.cos(i)] = p[from.cos(i)]}; for example {@code concat[i] = standard[2i]},
     * {@code concat[d/2+i] = standard[2i+1]}. Exact (a permutation).
     *
     * @param p vector, even length, finite
     * @param from its layout
     * @param to the target layout
     * @return the permuted copy
     */
    public static double[] convert(double[] p, Layout from, Layout to) {
        Checks.notNull(p, "p");
        Checks.finite(p, "p");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        checkDimension(p.length);
        int d = p.length;
        double[] out = new double[d];
        for (int i = 0; i < d / 2; i++) {
            out[to.sinIndex(i, d)] = p[from.sinIndex(i, d)];
            out[to.cosIndex(i, d)] = p[from.cosIndex(i, d)];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- F4

    /**
     * The second-order Taylor expansion of the model in the two encodings.
     *
     * <p>$$\tilde f\approx f+p_m^\top\nabla_{x_m}f+p_n^\top\nabla_{x_n}f+\tfrac12p_m^\top\nabla^2_{x_mx_m}f\,p_m
     * +\tfrac12p_n^\top\nabla^2_{x_nx_n}f\,p_n+p_m^\top\mathcal H\,p_n,\qquad
     * \mathcal H=\frac{\partial^2 f}{\partial x_m\,\partial x_n^\top}.$$
     * The cross term has coefficient 1 (the mixed block occurs twice in the full Hessian form). Bilinear forms
     * are fma dot products with compensated sums. Source: SIN-F4.
     *
     * @param f0 {@code f} at the expansion point, finite
     * @param gradM gradient in {@code x_m}, length {@code a}
     * @param gradN gradient in {@code x_n}, length {@code b}
     * @param hessMM {@code a x a}
     * @param hessNN {@code b x b}
     * @param hessMN the mixed block, {@code a x b}
     * @param pm the encoding added to {@code x_m}, length {@code a}
     * @param pn the encoding added to {@code x_n}, length {@code b}
     * @return the expansion's value
     * @throws IllegalArgumentException on inconsistent dimensions or non-finite entries
     */
    @Formula(value = "SIN-F4", title = "Second-order Taylor expansion in the encodings",
            args = {@Formula.Arg(name = "f0", shape = "scalar"),
                    @Formula.Arg(name = "gradM", shape = "vector[a]"),
                    @Formula.Arg(name = "gradN", shape = "vector[b]"),
                    @Formula.Arg(name = "hessMM", shape = "matrix[a][a]"),
                    @Formula.Arg(name = "hessNN", shape = "matrix[b][b]"),
                    @Formula.Arg(name = "hessMN", shape = "matrix[a][b]"),
                    @Formula.Arg(name = "pm", shape = "vector[a]"),
                    @Formula.Arg(name = "pn", shape = "vector[b]")},
            output = "scalar", accuracy = "compensated: a few u times the sum of absolute terms")
    public static double taylorSecondOrder(double f0, double[] gradM, double[] gradN, double[][] hessMM,
                                           double[][] hessNN, double[][] hessMN, double[] pm, double[] pn) {
        Checks.finite(f0, "f0");
        Checks.notNull(pm, "pm");
        Checks.notNull(pn, "pn");
        Checks.finite(pm, "pm");
        Checks.finite(pn, "pn");
        Checks.notNull(gradM, "gradM");
        Checks.notNull(gradN, "gradN");
        Checks.length(gradM, pm.length, "gradM");
        Checks.length(gradN, pn.length, "gradN");
        Checks.finite(gradM, "gradM");
        Checks.finite(gradN, "gradN");
        Checks.notNull(hessMM, "hessMM");
        Checks.notNull(hessNN, "hessNN");
        Checks.notNull(hessMN, "hessMN");
        Checks.shape(hessMM, pm.length, pm.length, "hessMM");
        Checks.shape(hessNN, pn.length, pn.length, "hessNN");
        Checks.shape(hessMN, pm.length, pn.length, "hessMN");
        Checks.finite(hessMM, "hessMM");
        Checks.finite(hessNN, "hessNN");
        Checks.finite(hessMN, "hessMN");
        double[] terms = {
            f0,
            AccurateSums.dot(gradM, pm),
            AccurateSums.dot(gradN, pn),
            0.5 * bilinear(pm, hessMM, pm),
            0.5 * bilinear(pn, hessNN, pn),
            bilinear(pm, hessMN, pn)
        };
        return AccurateSums.sum(terms);
    }

    /** {@code y^T A z} as a compensated dot of {@code y} with {@code A z} (each row a compensated dot). */
    static double bilinear(double[] y, double[][] a, double[] z) {
        double[] az = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            az[r] = AccurateSums.dot(a[r], z);
        }
        return AccurateSums.dot(y, az);
    }

    // ------------------------------------------------------------------------------------------- F5, F7

    /**
     * The complex form of the 2-D inner product: {@code (Re, Im)} of {@code y~ conj(z~)}.
     *
     * <p>$$y\cdot z=\operatorname{Re}\big[\tilde y\,\overline{\tilde z}\big],\qquad
     * \operatorname{Im}\big[\tilde y\,\overline{\tilde z}\big]=y_1z_0-y_0z_1.$$
     * Real part as {@code fma(y0, z0, y1*z1)}, imaginary part as {@code fma(y1, z0, -y0*z1)}. Source: SIN-F5.
     *
     * @param y length 2, finite
     * @param z length 2, finite
     * @return {@code {Re, Im}}
     * @throws IllegalArgumentException on a wrong length or non-finite entries
     */
    @Formula(value = "SIN-F5", title = "Complex form of the 2-D inner product",
            args = {@Formula.Arg(name = "y", shape = "vector[2]"), @Formula.Arg(name = "z", shape = "vector[2]")},
            output = "vector[2]: (Re, Im) of y~ conj(z~)", accuracy = "within 2u |y||z| per part")
    public static double[] complexInnerProduct(double[] y, double[] z) {
        Checks.notNull(y, "y");
        Checks.notNull(z, "z");
        Checks.length(y, 2, "y");
        Checks.length(z, 2, "z");
        Checks.finite(y, "y");
        Checks.finite(z, "z");
        return new double[] {Math.fma(y[0], z[0], y[1] * z[1]), Math.fma(y[1], z[0], -y[0] * z[1])};
    }

    /**
     * The inner-product identity's right-hand side.
     *
     * <p>$$\langle p_m,p_n\rangle=\sum_{i=0}^{d/2-1}\cos\big((m-n)\theta_i\big),\qquad \|p_k\|^2=\frac d2.$$
     * {@code Delta = m - n} in double (exact for integers below 2^53 and dyadic positions on a common grid), then
     * a Neumaier sum of {@code StrictMath.cos(Delta * theta_i)} with {@link #frequencies}. Error at most
     * {@code |Delta| (ln b + 3) u sum theta_i + 2 d u}. Source: SIN-F7.
     *
     * @param m position, finite
     * @param n position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return {@code sum_i cos((m-n) theta_i)}
     * @throws IllegalArgumentException on non-finite positions or a bad {@code d}, {@code base}
     */
    @Formula(value = "SIN-F7", title = "Inner-product identity <p_m, p_n> = sum_i cos((m-n) theta_i)",
            args = {@Formula.Arg(name = "m", shape = "scalar"), @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "scalar", accuracy = "|m-n| (ln b + 3) u sum theta + 2 d u")
    public static double relativeInnerProduct(double m, double n, int d, double base) {
        Checks.finite(m, "m");
        Checks.finite(n, "n");
        return cosineSum(m - n, frequencies(d, base));
    }

    /**
     * {@code sum_i cos(delta theta_i)} for explicit frequencies (Neumaier sum).
     *
     * @param delta finite
     * @param theta finite frequencies
     * @return the sum
     */
    public static double cosineSum(double delta, double[] theta) {
        Checks.finite(delta, "delta");
        double[] t = checkTheta(theta);
        double[] c = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            c[i] = StrictMath.cos(delta * t[i]);
        }
        return AccurateSums.sum(c);
    }

    /**
     * {@code <p, q>} as an fma-compensated dot product.
     *
     * @param p finite
     * @param q finite, same length
     * @return the inner product
     * @throws IllegalArgumentException on a length mismatch ("q: length ... differs from p") or non-finite entries
     */
    public static double innerProduct(double[] p, double[] q) {
        Checks.notNull(p, "p");
        Checks.notNull(q, "q");
        Checks.finite(p, "p");
        Checks.finite(q, "q");
        if (p.length != q.length) {
            throw Checks.fail("q", "dimension mismatch: length " + q.length + " differs from p: length " + p.length);
        }
        return AccurateSums.dot(p, q);
    }

    // ------------------------------------------------------------------------------------------- F8

    /**
     * The shift map {@code p_{m+k} = M_k p_m}, applied pairwise.
     *
     * <p>$$p_{m+k}=M_k\,p_m,\qquad M_k=\operatorname{blockdiag}_i\,T(k\theta_i),$$
     * with {@code T(phi)} the rotation by {@code -phi} in {@code STANDARD} (sin, cos) and by {@code +phi} in
     * {@code ARTICLE} (cos, sin). Phases {@code phi = k theta_i} in the oracle mode; every block is
     * orthogonal. Source: SIN-F8.
     *
     * @param p the encoding {@code p_m}, length {@code d}, finite
     * @param k shift, finite
     * @param d even dimension, {@code p.length}
     * @param base finite, {@code > 1}
     * @param layout the layout of {@code p}
     * @return {@code M_k p}
     * @throws IllegalArgumentException on a dimension mismatch, non-finite entries, bad {@code d}, {@code base}
     */
    @Formula(value = "SIN-F8", title = "Linear shift relation p_{m+k} = M_k p_m",
            args = {@Formula.Arg(name = "p", shape = "vector[d]"), @Formula.Arg(name = "k", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1"),
                    @Formula.Arg(name = "layout", shape = "enum(STANDARD|ARTICLE|CONCAT)")},
            output = "vector[d]", accuracy = "a few u per component (each block is an exact-phase rotation)")
    public static double[] shift(double[] p, double k, int d, double base, Layout layout) {
        Checks.notNull(p, "p");
        Checks.finite(k, "k");
        checkDimension(d);
        checkBase(base);
        Checks.length(p, d, "p");
        Checks.finite(p, "p");
        Checks.notNull(layout, "layout");
        DoubleDouble[] theta = preciseFrequencies(d, base, FrequencyRule.PAPER);
        double[] out = new double[d];
        for (int i = 0; i < d / 2; i++) {
            double[] sc = PreciseAngles.sinCos(k, theta[i]);
            int si = layout.sinIndex(i, d);
            int ci = layout.cosIndex(i, d);
            double s = p[si];
            double c = p[ci];
            // angle addition: sin(a+b) = sin a cos b + cos a sin b, cos(a+b) = cos a cos b - sin a sin b
            out[si] = Math.fma(s, sc[1], c * sc[0]);
            out[ci] = Math.fma(c, sc[1], -s * sc[0]);
        }
        return out;
    }

    /**
     * The dense shift matrix {@code M_k} ({@code d <= 64}; for the matrix-exponential cross-check only).
     *
     * @param k shift, finite
     * @param d even, {@code 2 <= d <= 64}
     * @param base finite, {@code > 1}
     * @param layout layout
     * @return {@code M_k}, {@code d x d}
     */
    public static double[][] shiftMatrix(double k, int d, double base, Layout layout) {
        Checks.finite(k, "k");
        checkDense(d);
        checkBase(base);
        Checks.notNull(layout, "layout");
        DoubleDouble[] theta = preciseFrequencies(d, base, FrequencyRule.PAPER);
        double[][] m = new double[d][d];
        for (int i = 0; i < d / 2; i++) {
            double[] sc = PreciseAngles.sinCos(k, theta[i]);
            int si = layout.sinIndex(i, d);
            int ci = layout.cosIndex(i, d);
            m[si][si] = sc[1];
            m[si][ci] = sc[0];
            m[ci][si] = -sc[0];
            m[ci][ci] = sc[1];
        }
        return m;
    }

    /**
     * The generator {@code G = blockdiag_i theta_i K} with {@code M_k = exp(k G)} ({@code d <= 64}).
     *
     * @param d even, {@code 2 <= d <= 64}
     * @param base finite, {@code > 1}
     * @param layout layout
     * @return {@code G}, {@code d x d}
     */
    public static double[][] generator(int d, double base, Layout layout) {
        checkDense(d);
        checkBase(base);
        Checks.notNull(layout, "layout");
        double[] theta = frequencies(d, base);
        double[][] g = new double[d][d];
        for (int i = 0; i < d / 2; i++) {
            int si = layout.sinIndex(i, d);
            int ci = layout.cosIndex(i, d);
            g[si][ci] = theta[i];
            g[ci][si] = -theta[i];
        }
        return g;
    }

    private static void checkDense(int d) {
        checkDimension(d);
        if (d > MAX_DENSE_D) {
            throw Checks.fail("d", "dense matrices only for d <= " + MAX_DENSE_D + ", got " + d);
        }
    }

    // ------------------------------------------------------------------------------------------- F9

    /** Both sides of the diagonal-H identity, and the two parts of the product-to-sum side. */
    public record BilinearForm(double direct, double relativePart, double absolutePart) {
        /** The product-to-sum side, relative part plus absolute part. */
        public double productToSum() {
            return relativePart + absolutePart;
        }
    }

    /**
     * {@code p_m^T H p_n} for a diagonal {@code H = diag(h)}, directly and in product-to-sum form.
     *
     * <p>$$p_m^\top\mathcal Hp_n=\sum_i\big[c_i\cos m\theta_i\cos n\theta_i+s_i\sin m\theta_i\sin n\theta_i\big]
     * =\sum_i\Big[\tfrac{c_i+s_i}2\cos\big((m-n)\theta_i\big)+\tfrac{c_i-s_i}2\cos\big((m+n)\theta_i\big)\Big],$$
     * with {@code c_i} the diagonal entry at the cos component and {@code s_i} at the sin component of the given
     * layout ({@code ARTICLE}: {@code c_i = h_{2i}}; {@code STANDARD}: {@code c_i = h_{2i+1}}; erratum 1).
     * Compensated sums; encodings in the oracle mode. Source: SIN-F9.
     *
     * @param m position, finite
     * @param n position, finite
     * @param h diagonal, length {@code d}, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @param layout layout
     * @return direct form and the two product-to-sum parts
     * @throws IllegalArgumentException on a length mismatch, non-finite entries, bad {@code d}, {@code base}
     */
    @Formula(value = "SIN-F9", title = "Diagonal H: product-to-sum form with the (m+n) term",
            args = {@Formula.Arg(name = "m", shape = "scalar"), @Formula.Arg(name = "n", shape = "scalar"),
                    @Formula.Arg(name = "h", shape = "vector[d]"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1"),
                    @Formula.Arg(name = "layout", shape = "enum(STANDARD|ARTICLE|CONCAT)")},
            output = "record(direct, relativePart, absolutePart)", accuracy = "d max|h| tau_ip")
    public static BilinearForm diagonalBilinear(double m, double n, double[] h, int d, double base, Layout layout) {
        Checks.finite(m, "m");
        Checks.finite(n, "n");
        checkDimension(d);
        checkBase(base);
        Checks.notNull(h, "h");
        Checks.length(h, d, "h");
        Checks.finite(h, "h");
        Checks.notNull(layout, "layout");
        double[] pm = encode(m, d, base, layout, FrequencyRule.PAPER, PhaseMode.EXACT);
        double[] pn = encode(n, d, base, layout, FrequencyRule.PAPER, PhaseMode.EXACT);
        double[] hpn = new double[d];
        for (int j = 0; j < d; j++) {
            hpn[j] = h[j] * pn[j];
        }
        double direct = AccurateSums.dot(pm, hpn);
        DoubleDouble[] theta = preciseFrequencies(d, base, FrequencyRule.PAPER);
        double[] rel = new double[d / 2];
        double[] abs = new double[d / 2];
        double diff = m - n;
        double sum = m + n;
        for (int i = 0; i < d / 2; i++) {
            double c = h[layout.cosIndex(i, d)];
            double s = h[layout.sinIndex(i, d)];
            rel[i] = 0.5 * (c + s) * PreciseAngles.cos(PreciseAngles.angle(diff, theta[i]));
            abs[i] = 0.5 * (c - s) * PreciseAngles.cos(PreciseAngles.angle(sum, theta[i]));
        }
        return new BilinearForm(direct, AccurateSums.sum(rel), AccurateSums.sum(abs));
    }

    /**
     * The block extension of F9 in the {@code ARTICLE} layout: {@code H} block-diagonal with pair blocks
     * {@code B_i = [[alpha, beta], [gamma, delta]]}; returns the direct form {@code q_m^T H q_n} and the
     * product-to-sum form
     * {@code sum_i [(a+d)/2 cos((m-n)t) + (a-d)/2 cos((m+n)t) + (b+g)/2 sin((m+n)t) + (g-b)/2 sin((m-n)t)]}.
     *
     * @param m position
     * @param n position
     * @param blocks {@code d/2} rows of {@code {alpha, beta, gamma, delta}}
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return {@code {direct, productToSum}}
     */
    public static double[] blockBilinear(double m, double n, double[][] blocks, int d, double base) {
        Checks.finite(m, "m");
        Checks.finite(n, "n");
        checkDimension(d);
        checkBase(base);
        Checks.notNull(blocks, "blocks");
        Checks.shape(blocks, d / 2, 4, "blocks");
        Checks.finite(blocks, "blocks");
        double[] qm = encodeArticle(m, d, base);
        double[] qn = encodeArticle(n, d, base);
        DoubleDouble[] theta = preciseFrequencies(d, base, FrequencyRule.PAPER);
        double[] direct = new double[2 * d];
        double[] terms = new double[2 * d];
        for (int i = 0; i < d / 2; i++) {
            double a = blocks[i][0];
            double b = blocks[i][1];
            double g = blocks[i][2];
            double dd = blocks[i][3];
            double cm = qm[2 * i];
            double sm = qm[2 * i + 1];
            double cn = qn[2 * i];
            double sn = qn[2 * i + 1];
            direct[4 * i] = cm * a * cn;
            direct[4 * i + 1] = cm * b * sn;
            direct[4 * i + 2] = sm * g * cn;
            direct[4 * i + 3] = sm * dd * sn;
            DoubleDouble diff = PreciseAngles.angle(m - n, theta[i]);
            DoubleDouble sum = PreciseAngles.angle(m + n, theta[i]);
            terms[4 * i] = 0.5 * (a + dd) * PreciseAngles.cos(diff);
            terms[4 * i + 1] = 0.5 * (a - dd) * PreciseAngles.cos(sum);
            terms[4 * i + 2] = 0.5 * (b + g) * PreciseAngles.sin(sum);
            terms[4 * i + 3] = 0.5 * (g - b) * PreciseAngles.sin(diff);
        }
        return new double[] {AccurateSums.sum(direct), AccurateSums.sum(terms)};
    }

    // ------------------------------------------------------------------------------------------- F10

    /**
     * The normalised decay sum and its imaginary companion.
     *
     * <p>$$A_{d,b}(k)=\frac2d\sum_{i=0}^{d/2-1}\cos\big(k\,b^{-2i/d}\big),\qquad
     * Z_{d,b}(k)=\frac2d\sum_{i=0}^{d/2-1}e^{\mathrm i k\,b^{-2i/d}}.$$
     * A left Riemann sum of {@code cos(k b^-t)} on {@code t_i = 2i/d} (step {@code 2/d}, last node
     * {@code 1 - 2/d}). Phases in the oracle mode, Neumaier sums: error a few u. Source: SIN-F10.
     *
     * @param k relative position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return {@code {Re Z = A, Im Z}}
     * @throws IllegalArgumentException on a non-finite {@code k} or bad {@code d}, {@code base}
     */
    @Formula(value = "SIN-F10", title = "Normalised decay sum A_{d,b}(k) and Z_{d,b}(k)",
            args = {@Formula.Arg(name = "k", shape = "scalar"),
                    @Formula.Arg(name = "d", shape = "int", domain = "even, 2..2^20"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "vector[2]: (A, Im Z)", accuracy = "a few u (compensated sums of 2-ulp terms)")
    public static double[] decaySum(double k, int d, double base) {
        Checks.finite(k, "k");
        checkDimension(d);
        checkBase(base);
        DoubleDouble[] theta = preciseFrequencies(d, base, FrequencyRule.PAPER);
        double[] c = new double[d / 2];
        double[] s = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            double[] sc = PreciseAngles.sinCos(k, theta[i]);
            s[i] = sc[0];
            c[i] = sc[1];
        }
        double scale = 2.0 / d;
        return new double[] {scale * AccurateSums.sum(c), scale * AccurateSums.sum(s)};
    }

    // ------------------------------------------------------------------------------------------- inversion

    /** A recovered position with its diagnostics. */
    public record Recovery(double position, double residual, double uniqueHalfRange) {
    }

    /**
     * Recovers the position {@code k} from an encoding {@code p_k} (not a chapter formula; the inverse the issue
     * asks for). Coarse to fine: the phase of the lowest-frequency pair gives {@code k} modulo
     * {@code 2 pi / theta_min}, taken in {@code [-pi/theta_min, pi/theta_min)}; each higher frequency then corrects
     * the estimate by its wrapped phase residual divided by {@code theta_i}, ending with {@code theta_0 = 1}.
     *
     * <p>Range: exact recovery (to about {@code 1e-15 (1 + |k|)} plus the encoding's own error) for
     * {@code |k| < pi / theta_min = pi b^{(d-2)/d}}, the {@code uniqueHalfRange} returned. Each step needs the
     * previous estimate within {@code pi/theta_i}, which holds because consecutive frequencies differ by the factor
     * {@code b^{2/d}} (close to 1). Outside the range the lowest pair aliases: the estimate is off by a multiple
     * of {@code 2 pi/theta_min} at the first step, the finer pairs then pull it to a position that matches
     * {@code p_k} only in the highest frequencies, and the {@code residual} (max component difference between
     * {@code p_k} and the encoding of the answer) exposes the failure. With {@code d = 2} (one frequency) an alias
     * {@code k - 2 pi j} has the identical encoding: nothing can tell them apart. Non-integer positions are recovered as
     * well; float32 encodings are recovered only to about {@code 1e-7 / theta}.
     *
     * @param p the encoding, length {@code d}, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @param layout the layout of {@code p}
     * @return the position, the residual and the half-width of the unique range
     * @throws IllegalArgumentException on a length mismatch, non-finite entries, bad {@code d} or {@code base}
     */
    public static Recovery recoverPosition(double[] p, int d, double base, Layout layout) {
        Checks.notNull(p, "p");
        checkDimension(d);
        checkBase(base);
        Checks.length(p, d, "p");
        Checks.finite(p, "p");
        Checks.notNull(layout, "layout");
        double[] theta = frequencies(d, base);
        int last = d / 2 - 1;
        double k = 0;
        for (int i = last; i >= 0; i--) {
            double phase = StrictMath.atan2(p[layout.sinIndex(i, d)], p[layout.cosIndex(i, d)]);
            double predicted = PreciseAngles.reduce(PreciseAngles.angle(k, theta[i])).doubleValue();
            // wrapped difference in [-pi, pi]: the correction this frequency can see unambiguously
            double delta = Math.IEEEremainder(phase - predicted, 2 * Math.PI);
            k += delta / theta[i];
        }
        double[] back = encode(k, d, base, layout, FrequencyRule.PAPER, PhaseMode.EXACT);
        double residual = 0;
        for (int j = 0; j < d; j++) {
            residual = Math.max(residual, Math.abs(back[j] - p[j]));
        }
        return new Recovery(k, residual, Math.PI / theta[last]);
    }

    // ------------------------------------------------------------------------------------------- F18

    /** The F18 per-component error bounds at one phase. */
    public record RoundingBound(double float64, double float32Tolerance) {
    }

    /**
     * The rounding model at large positions: the error bound of the float64 recipe and the float32 peer
     * tolerance for one component with frequency {@code theta}.
     *
     * <p>$$|\hat p_{k,j}-p_{k,j}|\le|k\theta_i|(\ln b+3)u+2u,\qquad
     * \text{float32 tolerance }(|k\theta_i|(\ln b+5)+4)\,u_{32}.$$
     * Source: SIN-F18.
     *
     * @param k position, finite
     * @param theta frequency, finite
     * @param base finite, {@code > 1}
     * @return the two bounds
     * @throws IllegalArgumentException on non-finite input or a bad base
     */
    @Formula(value = "SIN-F18", title = "Rounding model at large positions",
            args = {@Formula.Arg(name = "k", shape = "scalar"), @Formula.Arg(name = "theta", shape = "scalar"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1")},
            output = "record(float64, float32Tolerance)", accuracy = "bounds (first order)")
    public static RoundingBound roundingBound(double k, double theta, double base) {
        Checks.finite(k, "k");
        Checks.finite(theta, "theta");
        checkBase(base);
        double phase = Math.abs(k * theta);
        double lnb = StrictMath.log(base);
        return new RoundingBound(phase * (lnb + 3) * U + 2 * U, (phase * (lnb + 5) + 4) * 0x1p-24);
    }

    /**
     * Float32 peer emulation (Hugging Face style, {@code STANDARD} layout): {@code theta} computed and stored in
     * float32, {@code pos * inv_freq} in float32, then the sine and cosine rounded to float32. Every intermediate
     * is cast to {@code float}. For sizing float32 tolerances only.
     *
     * @param k position, finite
     * @param d even dimension
     * @param base finite, {@code > 1}
     * @return the float32 encoding widened to double
     */
    public static double[] encodeFloat32(double k, int d, double base) {
        Checks.finite(k, "k");
        checkDimension(d);
        checkBase(base);
        float kf = (float) k;
        double[] p = new double[d];
        for (int i = 0; i < d / 2; i++) {
            float e = -(2.0f * i) / d;
            float theta = (float) StrictMath.pow((float) base, e);
            float phi = kf * theta;
            p[2 * i] = (float) StrictMath.sin(phi);
            p[2 * i + 1] = (float) StrictMath.cos(phi);
        }
        return p;
    }
}
