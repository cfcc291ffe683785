package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** Rotary position embedding of one head vector (WIDEN-F7). */
public final class Rope {

    private Rope() {
    }

    /**
     * The standard frequency schedule {@code theta_p = b^{-2p/d_h}}, {@code p = 0..d_h/2-1}.
     *
     * @param headSize even {@code d_h >= 2}
     * @param base     {@code b > 0}, {@code b != 1}
     * @return {@code d_h/2} frequencies ({@code StrictMath.pow})
     */
    public static double[] standardFrequencies(int headSize, double base) {
        Checks.atLeast(headSize, 2, "headSize");
        Checks.even(headSize, "headSize");
        Checks.positive(base, "base");
        if (base == 1) {
            throw Checks.fail("base", "must be != 1");
        }
        double[] theta = new double[headSize / 2];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = StrictMath.pow(base, -2.0 * p / headSize);
        }
        return theta;
    }

    /**
     * Rotates one head vector at position {@code m}.
     *
     * <p>$$x'_{2p}=x_{2p}\cos(m\theta_p)-x_{2p+1}\sin(m\theta_p),\qquad x'_{2p+1}=x_{2p}\sin(m\theta_p)+x_{2p+1}\cos(m\theta_p)$$
     * (interleaved pairs; {@code HALF_SPLIT} uses {@code (p, p+d_h/2)}). Hence
     * {@code <RoPE_m(q), RoPE_m'(k)> = sum_p q_p^T Rot((m'-m) theta_p) k_p}.
     *
     * <p>Domain: finite {@code x} of even length {@code d_h}, {@code theta} of length {@code d_h/2} with positive
     * entries, any integer position (negative and offset positions allowed). The angle {@code m theta_p} is one
     * double product; sine and cosine from {@link StrictMath} (correct argument reduction). Accuracy: a few ulps
     * of {@code |x|} per pair plus the rounding of the angle ({@code |m theta| u}). Source: WIDEN-F7.
     *
     * @param x        head vector, length {@code d_h}
     * @param position the position {@code m}
     * @param theta    frequencies, length {@code d_h/2}
     * @param layout   pair layout
     * @return the rotated vector
     * @throws IllegalArgumentException on odd length, wrong {@code theta} length or non-finite input
     */
    @Formula(value = "WIDEN-F7", title = "RoPE rotation of a head vector",
            args = {@Formula.Arg(name = "x", shape = "vector[dh]", domain = "finite, dh even"),
                    @Formula.Arg(name = "position", shape = "int"),
                    @Formula.Arg(name = "theta", shape = "vector[dh/2]", domain = "> 0"),
                    @Formula.Arg(name = "layout", shape = "enum(INTERLEAVED_PAIRS|HALF_SPLIT)")},
            output = "vector[dh]", accuracy = "a few ulps of |x| per pair plus the angle rounding |m theta| u")
    public static double[] rotate(double[] x, int position, double[] theta, RopeLayout layout) {
        Checks.finite(x, "x");
        Checks.even(x.length, "x.length");
        Checks.length(theta, x.length / 2, "theta");
        Checks.notNull(layout, "layout");
        return rotateUnchecked(x, position, theta, layout);
    }

    static double[] rotateUnchecked(double[] x, long position, double[] theta, RopeLayout layout) {
        int half = x.length / 2;
        double[] y = new double[x.length];
        for (int p = 0; p < half; p++) {
            int a = layout == RopeLayout.INTERLEAVED_PAIRS ? 2 * p : p;
            int b = layout == RopeLayout.INTERLEAVED_PAIRS ? 2 * p + 1 : p + half;
            double angle = position * theta[p];
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            y[a] = x[a] * cos - x[b] * sin;
            y[b] = x[a] * sin + x[b] * cos;
        }
        return y;
    }
}
