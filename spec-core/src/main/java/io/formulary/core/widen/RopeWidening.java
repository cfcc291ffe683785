package io.formulary.core.widen;

import io.formulary.core.nn.AttentionScaling;
import io.formulary.core.nn.Rope;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** The RoPE score of a pair-wise widened head with the standard frequency schedule (WIDEN-F20). */
public final class RopeWidening {

    private RopeWidening() {
    }

    /**
     * Original score, widened score and the error bound at one relative offset.
     *
     * @param original {@code s(Delta)}
     * @param widened  {@code s~(Delta)} with the standard schedule of the wide head
     * @param bound    the F20 bound on {@code |s~ - s|}
     */
    public record Scores(double original, double widened, double bound) {
    }

    /**
     * The per-copy frequency ratios {@code rho_r = b^{-2r/(k d_h)}}, {@code r = 0..k-1}: copy {@code r} of pair
     * {@code p} rotates at {@code theta_p rho_r} in the widened head ({@code StrictMath.pow}).
     *
     * @param headSize original even head size {@code d_h >= 2}
     * @param base     RoPE base {@code > 0}, {@code != 1}
     * @param k        widening factor {@code >= 1}
     * @return {@code rho_0..rho_{k-1}}, {@code rho_0 = 1}
     */
    public static double[] rho(int headSize, double base, int k) {
        Rope.standardFrequencies(headSize, base);
        Repeat.checkK(k);
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = StrictMath.pow(base, -2.0 * i / ((double) k * headSize));
        }
        return r;
    }

    /**
     * The score of one head at relative offset {@code Delta = m' - m}, originally and after pair-wise widening with
     * the standard schedule.
     *
     * <p>$$s(\Delta)=\tau\sum_p q_p^\top\mathrm{Rot}(\Delta\theta_p)k_p,\qquad
     * \tilde s(\Delta)=\tau\sum_p q_p^\top M_p(\Delta)k_p,\quad M_p(\Delta)=\frac1k\sum_{r<k}\mathrm{Rot}(\Delta\theta_p\rho_r),$$
     * $$|\tilde s-s|\le\tau\sum_p\|q_p\|\|k_p\|\frac1k\sum_r2\bigl|\sin\bigl(\Delta\theta_p(1-\rho_r)/2\bigr)\bigr|,$$
     * with {@code theta_p = b^{-2p/d_h}}, {@code tau = 1/sqrt(d_h)} (scaled) or 1, interleaved pairs
     * {@code q_p = (q_{2p}, q_{2p+1})}. Exact at {@code Delta = 0}. Direct sums of bounded cosines and sines.
     * Source: WIDEN-F20.
     *
     * @param q       original query head vector, even length {@code d_h}
     * @param key     original key head vector, length {@code d_h}
     * @param delta   relative offset {@code m' - m}
     * @param base    RoPE base {@code > 0}, {@code != 1}
     * @param k       widening factor {@code >= 1}
     * @param scaling score scaling of the original model (the widened model's is then {@code 1/sqrt(k d_h)})
     * @return original score, widened score and the bound
     * @throws IllegalArgumentException on odd or mismatched lengths, non-finite input, invalid base or {@code k}
     */
    @Formula(value = "WIDEN-F20", title = "RoPE score after pair-wise widening with the standard schedule",
            args = {@Formula.Arg(name = "q", shape = "vector[dh]", domain = "finite, dh even"),
                    @Formula.Arg(name = "key", shape = "vector[dh]"),
                    @Formula.Arg(name = "delta", shape = "int"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "> 0, != 1"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "scaling", shape = "enum(INV_SQRT_HEAD|NONE)")},
            output = "record: original, widened, bound",
            accuracy = "absolute: a few ulps times tau sum_p |q_p||k_p| (plus angle rounding |Delta theta| u)")
    public static Scores widenedScore(double[] q, double[] key, int delta, double base, int k,
                                      AttentionScaling scaling) {
        Checks.finite(q, "q");
        Checks.sameLength(q, "q", key, "key");
        Checks.notNull(scaling, "scaling");
        int dh = q.length;
        double[] theta = Rope.standardFrequencies(dh, base);
        double[] rho = rho(dh, base, k);
        double tau = scaling == AttentionScaling.INV_SQRT_HEAD ? 1.0 / Math.sqrt(dh) : 1.0;
        double s = 0;
        double sw = 0;
        double bound = 0;
        for (int p = 0; p < dh / 2; p++) {
            double q0 = q[2 * p];
            double q1 = q[2 * p + 1];
            double k0 = key[2 * p];
            double k1 = key[2 * p + 1];
            double dotPart = q0 * k0 + q1 * k1;
            double crossPart = q1 * k0 - q0 * k1;
            double phi = delta * theta[p];
            s += StrictMath.cos(phi) * dotPart + StrictMath.sin(phi) * crossPart;
            double c = 0;
            double sn = 0;
            double b = 0;
            for (int r = 0; r < k; r++) {
                double a = delta * (theta[p] * rho[r]);
                c += StrictMath.cos(a);
                sn += StrictMath.sin(a);
                b += 2 * Math.abs(StrictMath.sin(delta * theta[p] * (1 - rho[r]) / 2));
            }
            sw += (c / k) * dotPart + (sn / k) * crossPart;
            bound += Math.hypot(q0, q1) * Math.hypot(k0, k1) * b / k;
        }
        return new Scores(tau * s, tau * sw, tau * bound);
    }

    /**
     * The mean squared score error for independent {@code q, k ~ N(0, I_{d_h})} (scaled attention):
     * {@code E[(s~ - s)^2] = (2/d_h) sum_p (C_p^2 + S_p^2)} with
     * {@code C_p = (1/k) sum_r cos(Delta theta_p rho_r) - cos(Delta theta_p)} and {@code S_p} likewise with sines.
     *
     * @param headSize even {@code d_h >= 2}
     * @param base     RoPE base
     * @param k        widening factor {@code >= 1}
     * @param delta    relative offset (finite)
     * @return the expectation, {@code >= 0}
     */
    public static double expectedSquaredError(int headSize, double base, int k, double delta) {
        Checks.finite(delta, "delta");
        double[] theta = Rope.standardFrequencies(headSize, base);
        double[] rho = rho(headSize, base, k);
        double sum = 0;
        for (double t : theta) {
            double c = 0;
            double s = 0;
            for (double r : rho) {
                c += StrictMath.cos(delta * (t * r));
                s += StrictMath.sin(delta * (t * r));
            }
            double cp = c / k - StrictMath.cos(delta * t);
            double sp = s / k - StrictMath.sin(delta * t);
            sum += cp * cp + sp * sp;
        }
        return 2.0 * sum / headSize;
    }
}
