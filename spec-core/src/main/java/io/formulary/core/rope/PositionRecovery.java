package io.formulary.core.rope;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Tolerance;

import java.util.Arrays;

/**
 * Invertibility of rotary matrices: reading positions back from {@code R}, the structure check that comes first,
 * and the range beyond which recovery is refused because of aliasing (ROPE-F9).
 */
public final class PositionRecovery {

    /** Default structure tolerance {@code tau}. */
    public static final double DEFAULT_TAU = 1e-12;

    /** {@code 2 pi} split into a double and a correction: {@code 2 pi = TWO_PI_HI + TWO_PI_LO} to about 1e-32. */
    private static final double TWO_PI_HI = 6.283185307179586;
    private static final double TWO_PI_LO = 2.4492935982947064e-16;

    private PositionRecovery() {
    }

    /**
     * The block angle {@code atan2(R_10, R_00)} in {@code (-pi, pi]} of the 2x2 block of pair {@code pair}.
     */
    static double blockAngle(double[][] r, int pair) {
        return StrictMath.atan2(r[2 * pair + 1][2 * pair], r[2 * pair][2 * pair]);
    }

    /**
     * Checks that {@code r} is block-rotary within {@code tau}: every entry outside the 2x2 diagonal blocks is at
     * most {@code tau} in absolute value and every block has {@code |R00 - R11|, |R01 + R10| <= tau} and
     * {@code |R00^2 + R10^2 - 1| <= tau}.
     *
     * @param r   {@code d x d} matrix, {@code d} even
     * @param d   expected dimension
     * @param tau tolerance, finite {@code >= 0}
     * @throws IllegalArgumentException naming {@code r} and the first offending entry or block
     */
    public static void checkBlockRotary(double[][] r, int d, double tau) {
        Checks.square(r, d, "r");
        Checks.nonNegative(tau, "tau");
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i / 2 != j / 2 && !(Math.abs(r[i][j]) <= tau)) {
                    throw Checks.fail("r", "not block-rotary: off-block entry [" + i + "][" + j + "] = " + r[i][j]
                            + " exceeds tau = " + tau);
                }
            }
        }
        for (int p = 0; p < d / 2; p++) {
            double a = r[2 * p][2 * p];
            double b = r[2 * p][2 * p + 1];
            double c = r[2 * p + 1][2 * p];
            double e = r[2 * p + 1][2 * p + 1];
            boolean ok = Math.abs(a - e) <= tau && Math.abs(b + c) <= tau && Math.abs(Math.fma(a, a, c * c) - 1) <= tau;
            if (!ok) {
                throw Checks.fail("r", "not block-rotary: block " + p + " is not a rotation within tau = " + tau);
            }
        }
    }

    /**
     * Recovers {@code (x, y)} from the article's 4x4 matrix (ROPE-F6) with a single frequency: the principal
     * values {@code atan2(R10, R00) / theta}, which equal {@code x} only for {@code |x theta| < pi}; otherwise the
     * result is {@code x - (2 pi / theta) round(x theta / 2 pi)} (aliasing).
     *
     * @param r     {@code 4 x 4} block-rotary matrix
     * @param theta the frequency, finite and non-zero
     * @param tau   structure tolerance
     * @return {@code (x, y)} in the principal window
     * @throws IllegalArgumentException if {@code theta == 0}, or {@code r} is not a 4x4 block-rotary matrix
     */
    public static double[] recoverSingle(double[][] r, double theta, double tau) {
        Checks.finite(theta, "theta");
        if (theta == 0) {
            throw Checks.fail("theta", "theta must be non-zero to recover positions");
        }
        checkBlockRotary(r, 4, tau);
        return new double[] {blockAngle(r, 0) / theta, blockAngle(r, 1) / theta};
    }

    /**
     * Recovers one coordinate from block angles at several frequencies by greedy unwrapping, from the lowest
     * frequency up, then verifies the residual.
     *
     * @param phi   block angles in {@code (-pi, pi]}, one per frequency
     * @param omega the frequencies, positive
     * @param base  schedule base (sets the residual threshold {@code 4 (ln base + 8) u (1 + |x| omega)})
     * @return the recovered coordinate
     * @throws IllegalArgumentException {@code "r: position outside unambiguous range ..."} if the residual fails
     */
    public static double recoverAxis(double[] phi, double[] omega, double base) {
        Checks.sameLength(phi, "phi", omega, "omega");
        RotaryEmbedding.checkBase(base);
        int n = omega.length;
        Checks.atLeast(n, 1, "omega.length");
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            Checks.positive(omega[i], "omega[" + i + "]");
            idx[i] = i;
        }
        // Lowest frequency first: its window |x| < pi/omega_min is the widest, and each later step only has to pick
        // the right period of a faster angle, which shrinks the error by the frequency ratio.
        Arrays.sort(idx, (a, b) -> Double.compare(omega[a], omega[b]));
        double x = phi[idx[0]] / omega[idx[0]];
        for (int l = 1; l < n; l++) {
            int i = idx[l];
            double k = Math.rint((x * omega[i] - phi[i]) / TWO_PI_HI);
            // phi + 2 pi k with 2 pi in two parts, so large k does not add the rounding of 2 pi times k.
            x = (Math.fma(TWO_PI_HI, k, phi[i]) + TWO_PI_LO * k) / omega[i];
        }
        double u = Tolerance.UNIT_ROUNDOFF;
        double lnBase = StrictMath.log(base);
        double omegaMin = omega[idx[0]];
        for (int i = 0; i < n; i++) {
            double res = Math.abs(wrap(x * omega[i] - phi[i]));
            double allowed = 4 * (lnBase + 8) * u * (1 + Math.abs(x) * omega[i]);
            if (!(res <= allowed)) {
                throw Checks.fail("r", "position outside unambiguous range abs(x) < pi/omega_min = "
                        + (Math.PI / omegaMin) + ", or not a rotary matrix (greedy unwrap gave " + x + ", residual "
                        + res + " > " + allowed + " at frequency " + omega[i] + ")");
            }
        }
        return x;
    }

    /** Reduces an angle to {@code [-pi, pi]}. */
    static double wrap(double a) {
        double k = Math.rint(a / TWO_PI_HI);
        return Math.fma(-TWO_PI_HI, k, a) - TWO_PI_LO * k;
    }

    /**
     * Recovers the position {@code (x, y)} from a {@code d}-dimensional 2-D rotary matrix ({@code AXIS_SPLIT},
     * per-axis schedule {@code omega_j = base^(-2j/c)}, {@code c = d/2}).
     *
     * <p>$$\varphi_j=\operatorname{atan2}(\mathcal R_{10},\mathcal R_{00}),\quad \hat x\leftarrow\varphi_{(1)}/
     * \omega_{(1)},\quad n_l=\operatorname{round}\big((\hat x\omega_{(l)}-\varphi_{(l)})/2\pi\big),\quad
     * \hat x\leftarrow(\varphi_{(l)}+2\pi n_l)/\omega_{(l)}.$$
     *
     * <p>Domain: {@code r} block-rotary within {@code tau}; each coordinate in the unambiguous range
     * {@code |x| < pi / omega_min} (17666.47 for {@code c = 32}, {@code base = 1e4}); for {@code d = 4} (one
     * frequency {@code omega_0 = 1}) the principal window {@code |x| < pi}, without a residual check. Accuracy:
     * {@code |x^ - x| <= 8u max(1, |x|)} in range. Outside it, the residual check rejects (aliasing: the map is
     * periodic per frequency). Source: ROPE-F9.
     *
     * @param r    {@code d x d} matrix, {@code d % 4 == 0}
     * @param base per-axis schedule base
     * @param tau  structure tolerance ({@code 1e-12} by default)
     * @return {@code (x, y)}
     * @throws IllegalArgumentException if {@code r} is not square of a valid size, not block-rotary, or a position
     *                                  is outside the unambiguous range
     */
    @Formula(value = "ROPE-F9", title = "Recover (x, y) from a 2-D rotary matrix, with the aliasing check",
            args = {@Formula.Arg(name = "r", shape = "matrix[d][d]", domain = "block-rotary, d % 4 == 0"),
                    @Formula.Arg(name = "base", shape = "scalar", domain = "finite, > 1"),
                    @Formula.Arg(name = "tau", shape = "scalar", domain = ">= 0")},
            output = "vector[2]: (x, y)", accuracy = "8u max(1, |x|) within |x| < pi/omega_min")
    public static double[] recover2d(double[][] r, double base, double tau) {
        return recoverNd(r, 2, base, tau);
    }

    /**
     * Recovers the {@code N} coordinates of an N-D rotary matrix (ROPE-F8), each chunk by {@link #recoverAxis}.
     *
     * @param r    {@code d x d} matrix, {@code d % (2N) == 0}
     * @param axes {@code N >= 1}
     * @param base schedule base
     * @param tau  structure tolerance
     * @return the {@code N} coordinates
     */
    public static double[] recoverNd(double[][] r, int axes, double base, double tau) {
        Checks.notNull(r, "r");
        int d = Checks.square(r, -1, "r");
        if (axes == 2 && d % 4 != 0) {
            throw Checks.fail("r", "d must be a multiple of 4 for 2-D RoPE, got " + d);
        }
        RotaryEmbedding2d.checkAxes(d, axes);
        RotaryEmbedding.checkBase(base);
        checkBlockRotary(r, d, tau);
        int c = d / axes;
        double[] out = new double[axes];
        for (int a = 0; a < axes; a++) {
            double[] phi = new double[c / 2];
            double[] omega = new double[c / 2];
            for (int j = 0; j < c / 2; j++) {
                phi[j] = blockAngle(r, a * (c / 2) + j);
                omega[j] = Phases.scheduleFrequency(base, 2 * j, c);
            }
            out[a] = omega.length == 1 ? phi[0] / omega[0] : recoverAxis(phi, omega, base);
        }
        return out;
    }

    /** {@link #recover2d(double[][], double, double)} with the default {@code tau = 1e-12}. */
    public static double[] recover2d(double[][] r, double base) {
        return recover2d(r, base, DEFAULT_TAU);
    }
}
