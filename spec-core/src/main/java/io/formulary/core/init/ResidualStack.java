package io.formulary.core.init;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

import java.util.random.RandomGenerator;

/**
 * Residual stacks at initialization: variance growth without normalization (INIT-F22), Post-Norm's geometric branch
 * weights (INIT-F23), Pre-Norm's linear growth (INIT-F24), and the simulations that check them on finite-width
 * stacks of linear or feed-forward branches.
 */
public final class ResidualStack {

    private ResidualStack() {
    }

    /** Branch families of the simulations. */
    public enum BranchKind {
        /** {@code F(x) = x W}, {@code W ~ N(0, 1/d)} (LeCun): preserves the mean square. */
        LINEAR,
        /** {@code F(x) = relu(x W_1) W_2}, {@code d_ff = 4d}, {@code W_1} He, {@code W_2} LeCun: output mean square about 1. */
        FEED_FORWARD
    }

    /**
     * Mean square after l unnormalized residual blocks {@code x <- x + F(x)} whose branches are uncorrelated with
     * the stream:
     * $$\mathrm{ms}(x_l)=2^l\,\mathrm{ms}(x_0)\ \text{(branches preserving the mean square)},\qquad
     * \mathrm{ms}(x_l)=\mathrm{ms}(x_0)+l\ \text{(branch outputs of mean square 1)},$$
     * from {@code Var[x + F(x)] = Var x + Var F} (uncorrelatedness suffices, erratum E5). Exact up to one rounding.
     * Source: INIT-F22.
     *
     * @param l          number of blocks, {@code >= 0}
     * @param ms0        mean square of the input, finite {@code >= 0}
     * @param preserving true for mean-square-preserving branches, false for branches of unit output mean square
     * @return {@code ms(x_l)}
     */
    @Formula(value = "INIT-F22", title = "Mean square of an unnormalized residual stack",
            args = {@Formula.Arg(name = "l", shape = "int", domain = ">= 0"),
                    @Formula.Arg(name = "ms0", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "preserving", shape = "boolean")},
            output = "scalar", accuracy = "exact up to 1 rounding")
    public static double unnormalizedMeanSquare(int l, double ms0, boolean preserving) {
        checkDepth(l);
        Checks.nonNegative(ms0, "ms0");
        return preserving ? Math.scalb(ms0, l) : ms0 + l;
    }

    /**
     * Post-Norm's branch weights at initialization,
     * $$x_l=\frac{x_0}{2^{l/2}}+\sum_{k=0}^{l-1}\frac{F_k(x_k)}{2^{(l-k)/2}},$$
     * i.e. {@code omega_k = 2^{-(l-k)/2}} for branch k (the input x_0 has the weight of branch 0). Squared weights
     * sum to one with the input's: {@code 2^{-l} + sum_k 2^{-(l-k)} = 1}. Evaluated as a power of two times
     * {@code 1/sqrt2} for odd exponents (1 ulp). Source: INIT-F23.
     *
     * @param l depth, {@code >= 0}
     * @return the l weights {@code omega_0..omega_{l-1}}
     */
    @Formula(value = "INIT-F23", title = "Post-Norm branch weights 2^{-(l-k)/2}",
            args = {@Formula.Arg(name = "l", shape = "int", domain = ">= 0")},
            output = "vector[l]", accuracy = "1 ulp")
    public static double[] postNormWeights(int l) {
        checkDepth(l);
        double[] w = new double[l];
        for (int k = 0; k < l; k++) {
            w[k] = halfPower(l - k);
        }
        return w;
    }

    /** {@code 2^{-j/2}}. */
    static double halfPower(int j) {
        double base = Math.scalb(1.0, -(j / 2));
        return j % 2 == 0 ? base : base * 0.7071067811865476;
    }

    /** The weight of branch k in a stack of depth l, {@code 2^{-(l-k)/2}}, with the index checked. */
    public static double postNormWeight(int l, int k) {
        checkDepth(l);
        if (k < 0 || k >= l) {
            throw Checks.fail("k", "k=" + k + " outside [0, l=" + l + ")");
        }
        return halfPower(l - k);
    }

    /**
     * The idealized Post-Norm expansion for given branch outputs: {@code x_0 2^{-l/2} + sum_k F_k 2^{-(l-k)/2}}.
     *
     * @param x0             the input row
     * @param branchOutputs  {@code F_k(x_k)}, l rows of the input's width
     * @return the expansion
     */
    public static double[] postNormExpansion(double[] x0, double[][] branchOutputs) {
        Checks.finite(x0, "x0");
        int l = branchOutputs.length;
        double[] y = new double[x0.length];
        double w0 = halfPower(l);
        for (int i = 0; i < y.length; i++) {
            y[i] = w0 * x0[i];
        }
        for (int k = 0; k < l; k++) {
            Checks.length(branchOutputs[k], x0.length, "branchOutputs[" + k + "]");
            double w = halfPower(l - k);
            for (int i = 0; i < y.length; i++) {
                y[i] += w * branchOutputs[k][i];
            }
        }
        return y;
    }

    /**
     * Pre-Norm's branch input scales at initialization: with {@code ms(x_k) = k + 1},
     * {@code Norm(x_k) = x_k/sqrt(k+1)} and
     * $$x_l=x_0+\sum_{k=0}^{l-1}F_k\big(x_k/\sqrt{k+1}\big),\qquad \mathrm{ms}(x_l)=l+1,$$
     * every branch with coefficient 1. Returns {@code 1/sqrt(k+1)}, k = 0..l-1 (1 ulp). Source: INIT-F24.
     *
     * @param l depth, {@code >= 0}
     * @return the l input scales
     */
    @Formula(value = "INIT-F24", title = "Pre-Norm branch input scales 1/sqrt(k+1)",
            args = {@Formula.Arg(name = "l", shape = "int", domain = ">= 0")},
            output = "vector[l]", accuracy = "1 ulp")
    public static double[] preNormInputScales(int l) {
        checkDepth(l);
        double[] s = new double[l];
        for (int k = 0; k < l; k++) {
            s[k] = 1 / Math.sqrt(k + 1.0);
        }
        return s;
    }

    /** A random branch of the given family and width. */
    public static Branch randomBranch(RandomGenerator rng, BranchKind kind, int d) {
        Checks.notNull(rng, "rng");
        Checks.notNull(kind, "kind");
        checkWidth(d);
        if (kind == BranchKind.LINEAR) {
            double[][] w = Initialization.weights(rng, InitScheme.LECUN, WeightDistribution.NORMAL, d, d);
            double[] zero = new double[d];
            return x -> Initialization.dense(x, w, zero);
        }
        int dff = 4 * d;
        double[][] w1 = Initialization.weights(rng, InitScheme.HE, WeightDistribution.NORMAL, d, dff);
        double[][] w2 = Initialization.weights(rng, InitScheme.LECUN, WeightDistribution.NORMAL, dff, d);
        double[] z1 = new double[dff];
        double[] z2 = new double[d];
        return x -> {
            double[] h = Initialization.dense(x, w1, z1);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(h[i], 0);
            }
            return Initialization.dense(h, w2, z2);
        };
    }

    /** A row of d standard-normal entries. */
    public static double[] gaussianRow(RandomGenerator rng, int d) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    /**
     * One Post-Norm stack {@code x_{t+1} = RMSNorm(x_t + F_t(x_t))} (gain 1) on a fresh Gaussian input, returning
     * the realized {@code log2 omega_k = sum_{t=k}^{l-1} log2 s_t}, {@code s_t = 1/sqrt(ms(x_t + F_t(x_t)) + eps)}
     * (accumulated as logarithms, so deep stacks never underflow).
     */
    public static double[] simulatePostNorm(RandomGenerator rng, BranchKind kind, int d, int l, double epsilon) {
        checkDepth(l);
        checkWidth(d);
        Checks.nonNegative(epsilon, "epsilon");
        double[] x = gaussianRow(rng, d);
        x = Normalization.rmsNormRow(x, 0);
        double[] log2s = new double[l];
        for (int t = 0; t < l; t++) {
            double[] f = randomBranch(rng, kind, d).apply(x);
            double[] sum = new double[d];
            for (int i = 0; i < d; i++) {
                sum[i] = x[i] + f[i];
            }
            double ms = Normalization.meanSquare(sum);
            log2s[t] = -0.5 * StrictMath.log(ms + epsilon) / StrictMath.log(2);
            x = Normalization.rmsNormRow(sum, epsilon);
        }
        double[] log2w = new double[l];
        double acc = 0;
        for (int k = l - 1; k >= 0; k--) {
            acc += log2s[k];
            log2w[k] = acc;
        }
        return log2w;
    }

    /**
     * One Pre-Norm stack {@code x_{t+1} = x_t + F_t(RMSNorm(x_t))} on a fresh input of mean square 1, returning
     * {@code ms(x_t)} for t = 0..l.
     */
    public static double[] simulatePreNorm(RandomGenerator rng, BranchKind kind, int d, int l, double epsilon) {
        checkDepth(l);
        checkWidth(d);
        Checks.nonNegative(epsilon, "epsilon");
        double[] x = Normalization.rmsNormRow(gaussianRow(rng, d), 0);
        double[] ms = new double[l + 1];
        ms[0] = Normalization.meanSquare(x);
        for (int t = 0; t < l; t++) {
            double[] f = randomBranch(rng, kind, d).apply(Normalization.rmsNormRow(x, epsilon));
            for (int i = 0; i < d; i++) {
                x[i] += f[i];
            }
            ms[t + 1] = Normalization.meanSquare(x);
        }
        return ms;
    }

    /**
     * One unnormalized stack {@code x <- x + F(x)} with LeCun-linear branches on a fresh input of mean square 1,
     * returning {@code log2 ms(x_t)}, t = 0..l.
     */
    public static double[] simulateUnnormalized(RandomGenerator rng, int d, int l) {
        checkDepth(l);
        checkWidth(d);
        double[] x = Normalization.rmsNormRow(gaussianRow(rng, d), 0);
        double[] out = new double[l + 1];
        out[0] = StrictMath.log(Normalization.meanSquare(x)) / StrictMath.log(2);
        for (int t = 0; t < l; t++) {
            double[] f = randomBranch(rng, BranchKind.LINEAR, d).apply(x);
            for (int i = 0; i < d; i++) {
                x[i] += f[i];
            }
            out[t + 1] = StrictMath.log(Normalization.meanSquare(x)) / StrictMath.log(2);
        }
        return out;
    }

    static void checkDepth(int l) {
        if (l < 0) {
            throw Checks.fail("l", "must be >= 0, got " + l);
        }
    }

    static void checkWidth(int d) {
        if (d < 1) {
            throw Checks.fail("d", "width must be >= 1, got " + d);
        }
    }
}
