package io.formulary.core.init;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** ReZero / SkipInit residual gates (INIT-F25) and the article's fixed-step gate schedule (INIT-F26). */
public final class ReZero {

    private ReZero() {
    }

    /**
     * One gated residual update {@code x + alpha F(x)}:
     * $$x_{t+1}=x_t+\alpha_tF_t(x_t),\qquad \alpha_t=0\ \text{at initialization}.$$
     * For {@code alpha = 0} the input is returned unchanged (a copy): the branch is skipped, because
     * {@code x + 0 * F} is not a bitwise identity ({@code -0.0 + 0.0 = +0.0}, {@code 0 * inf = NaN}; erratum E15).
     * Accuracy: 1 ulp per entry. Source: INIT-F25.
     *
     * @param x            the stream, finite
     * @param alpha        the gate, finite
     * @param branchOutput {@code F(x)}, same length; ignored (may be non-finite) when {@code alpha = 0}
     * @return {@code x_{t+1}}
     */
    @Formula(value = "INIT-F25", title = "ReZero gated residual x + alpha F(x), skipping the branch at alpha = 0",
            args = {@Formula.Arg(name = "x", shape = "vector[d]"),
                    @Formula.Arg(name = "alpha", shape = "scalar"),
                    @Formula.Arg(name = "branchOutput", shape = "vector[d]", domain = "finite unless alpha = 0")},
            output = "vector[d]", accuracy = "1 ulp per entry")
    public static double[] gatedResidual(double[] x, double alpha, double[] branchOutput) {
        Checks.finite(x, "x");
        Checks.finite(alpha, "alpha");
        Checks.notNull(branchOutput, "branchOutput");
        if (branchOutput.length != x.length) {
            throw Checks.fail("branchOutput", "length " + branchOutput.length + " differs from x: length " + x.length);
        }
        if (alpha == 0) {
            return x.clone();
        }
        Checks.finite(branchOutput, "branchOutput");
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + alpha * branchOutput[i];
        }
        return y;
    }

    /** A ReZero stack: {@code x <- x + alpha_t F_t(x)}, branches with {@code alpha_t = 0} never evaluated. */
    public static double[] forward(double[] x0, double[] alphas, Branch[] branches) {
        Checks.finite(x0, "x0");
        Checks.finite(alphas, "alphas");
        Checks.notNull(branches, "branches");
        if (branches.length != alphas.length) {
            throw Checks.fail("branches", "length " + branches.length + " differs from alphas: length " + alphas.length);
        }
        double[] x = x0.clone();
        for (int t = 0; t < alphas.length; t++) {
            if (alphas[t] != 0) {
                x = gatedResidual(x, alphas[t], branches[t].apply(x.clone()));
            }
        }
        return x;
    }

    /**
     * The fixed-step gate schedule:
     * $$\alpha(s)=\min\big(1,\ \mathrm{fl}(s\,\delta)\big),\qquad s=0,1,2,\dots$$
     * one multiplication per step, never repeated addition (ten additions of 0.1 give 0.9999999999999999, so a
     * clamped accumulator reaches 1 one step late; erratum E16). Exact up to the one rounding of {@code s delta}.
     * Source: INIT-F26.
     *
     * @param s     optimizer step, {@code >= 0}
     * @param delta increment per step, in {@code (0, 1]}
     * @return {@code alpha(s)} in [0, 1]
     * @throws IllegalArgumentException for {@code s < 0} or delta outside (0, 1] or NaN
     */
    @Formula(value = "INIT-F26", title = "Fixed-step gate schedule min(1, s delta)",
            args = {@Formula.Arg(name = "s", shape = "long", domain = ">= 0"),
                    @Formula.Arg(name = "delta", shape = "scalar", domain = "(0, 1]")},
            output = "scalar in [0, 1]", accuracy = "exact up to 1 rounding")
    public static double alpha(long s, double delta) {
        checkDelta(delta);
        if (s < 0) {
            throw Checks.fail("s", "must be >= 0, got " + s);
        }
        return Math.min(1.0, s * delta);
    }

    /** The first step with {@code alpha(s) = 1}: tests {@code ceil(fl(1/delta)) + {-1, 0, 1}}. */
    public static long saturationStep(double delta) {
        checkDelta(delta);
        long guess = (long) Math.ceil(1 / delta);
        for (long s = Math.max(0, guess - 2); s <= guess + 2; s++) {
            if (s * delta >= 1) {
                return s;
            }
        }
        return guess + 2;
    }

    /** The drifting alternative the article's schedule must avoid: {@code alpha += delta} s times, clamped at 1. */
    public static double accumulated(long s, double delta) {
        checkDelta(delta);
        double a = 0;
        for (long i = 0; i < s && a < 1; i++) {
            a = Math.min(1.0, a + delta);
        }
        return a;
    }

    private static void checkDelta(double delta) {
        if (!(delta > 0 && delta <= 1)) {
            throw Checks.fail("delta", "must be in (0, 1], got " + delta);
        }
    }
}
