package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.Formula;

/** The elementwise activations of the reference Transformer (WIDEN-F5). */
public final class Activations {

    private static final double SQRT_2_OVER_PI = 0.7978845608028654;

    private Activations() {
    }

    /**
     * One activation value.
     *
     * <p>$$\mathrm{ReLU}(x)=\max(x,0),\quad \mathrm{Leaky}_a(x)=\begin{cases}x&x\ge0\\ax&x<0\end{cases},\quad
     * \mathrm{GELU}(x)=\tfrac12x\,\mathrm{erfc}(-x/\sqrt2),\quad
     * \mathrm{GELU}_{\tanh}(x)=\frac{x}{1+e^{-2z}},\ z=\sqrt{2/\pi}(x+0.044715x^3).$$
     *
     * <p>Domain: finite {@code x}; {@code slope} in {@code [0,1)} for the leaky kind, 0 otherwise. Special cases:
     * GELU uses the erfc form, so {@code GELU(-30) = -1.47e-196} instead of the {@code -0.0} of
     * {@code (1+erf)/2}; the tanh form is evaluated as {@code x/(1+e^{-2z})}, which equals it without cancelling.
     * Accuracy: ReLU, leaky and linear are exact (one rounding for the leaky product); GELU (erf) within 4 ulps
     * (x Phi(x) with Phi from numeric.ErrorFunctions; measured at most 4 ulps on [-30, 30] against a Taylor-series oracle); tanh GELU within {@code 4 + 4|z|} ulps (the exponent amplifies the rounding
     * of z). Source: WIDEN-F5.
     *
     * @param kind  the activation
     * @param slope leaky slope in {@code [0,1)}, 0 for the other kinds
     * @param x     finite argument
     * @return {@code A(x)}
     * @throws IllegalArgumentException if {@code x} is not finite or the slope is invalid
     */
    @Formula(value = "WIDEN-F5", title = "Activation function",
            args = {@Formula.Arg(name = "kind", shape = "enum(RELU|LEAKY_RELU|GELU_ERF|GELU_TANH|LINEAR)"),
                    @Formula.Arg(name = "slope", shape = "scalar", domain = "[0,1) for LEAKY_RELU, else 0"),
                    @Formula.Arg(name = "x", shape = "scalar")},
            output = "scalar: A(x)", accuracy = "exact RELU/LINEAR; 1 rounding LEAKY_RELU; 4 ulps GELU_ERF; 4+4|z| ulps GELU_TANH")
    public static double activate(ActivationKind kind, double slope, double x) {
        Checks.notNull(kind, "kind");
        Checks.finite(x, "x");
        switch (kind) {
            case RELU:
                return x > 0 ? x : 0.0;
            case LEAKY_RELU:
                if (!(slope >= 0 && slope < 1)) {
                    throw Checks.fail("slope", "leaky slope must be in [0, 1), got " + slope);
                }
                return x >= 0 ? x : slope * x;
            case GELU_ERF:
                return gelu(x);
            case GELU_TANH:
                return geluTanh(x);
            case LINEAR:
                return x;
            default:
                throw new IllegalStateException("unknown activation " + kind);
        }
    }

    /** Exact GELU {@code x Phi(x)} with {@code Phi} in the erfc form (never {@code 1 + erf}, which cancels for {@code x < 0}). */
    public static double gelu(double x) {
        return x * ErrorFunctions.normalCdf(x);
    }

    /** Tanh GELU as {@code x / (1 + e^{-2z})}, equal to {@code x(1+tanh z)/2} and free of cancellation. */
    public static double geluTanh(double x) {
        Checks.finite(x, "x");
        double z = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
        return x / (1.0 + StrictMath.exp(-2.0 * z));
    }
}
