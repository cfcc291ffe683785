package io.formulary.core.init;

import io.formulary.core.numeric.ErrorFunctions;

/**
 * The activations whose Gaussian moments the INIT chapter tabulates (INIT-F11), each with its derivative and its
 * kinks, evaluated in a cancellation-free form:
 * <ul>
 *   <li>{@code SIGMOID}: branch on the sign ({@code e^x/(1+e^x)} for {@code x < 0}); derivative {@code s(x) s(-x)}.</li>
 *   <li>{@code TANH}: {@code StrictMath.tanh}; derivative {@code sech^2 = 4e/(1+e)^2}, {@code e = exp(-2|x|)}.</li>
 *   <li>{@code GELU}: {@code x Phi(x)} with the normal distribution function evaluated directly (no
 *   {@code 1 + erf} cancellation for negative x).</li>
 *   <li>{@code GELU_TANH}: {@code (x/2)(1 + tanh(u))} written as {@code x sigmoid(2u)},
 *   {@code u = sqrt(2/pi)(x + 0.044715 x^3)}.</li>
 *   <li>{@code SILU}: {@code x sigmoid(x)}; {@code ELU}: {@code a expm1(x)} for {@code x <= 0}, a = 1;
 *   {@code SELU}: {@code lambda_S ELU_{alpha_S}} with the published constants; {@code SOFTPLUS}:
 *   {@code max(x,0) + log1p(e^{-|x|})}; {@code RELU}: {@code max(x, 0)}; {@code LINEAR}: x.</li>
 * </ul>
 * Definitions agree with the reference Transformer's activations; the extra ones are those this chapter adds.
 */
public enum ActivationFunction {
    /** {@code max(x, 0)}. */
    RELU(true, false),
    /** {@code 1/(1+e^{-x})}. */
    SIGMOID(false, true),
    /** Hyperbolic tangent. */
    TANH(false, true),
    /** {@code x Phi(x)} (exact GELU). */
    GELU(false, true),
    /** The tanh approximation of GELU. */
    GELU_TANH(false, true),
    /** {@code x sigmoid(x)} (Swish with beta = 1). */
    SILU(false, true),
    /** ELU with {@code a = 1}. */
    ELU(true, false),
    /** SELU with the published constants. */
    SELU(true, false),
    /** {@code ln(1 + e^x)}. */
    SOFTPLUS(false, true),
    /** The identity. */
    LINEAR(false, true);

    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_CUBIC = 0.044715;

    private final boolean kinkAtZero;
    private final boolean smooth;

    ActivationFunction(boolean kinkAtZero, boolean smooth) {
        this.kinkAtZero = kinkAtZero;
        this.smooth = smooth;
    }

    /** Points where the function or its derivative jumps (the origin for RELU, ELU, SELU). */
    public double[] kinks() {
        return kinkAtZero ? new double[] {0.0} : new double[0];
    }

    /** Whether the function is infinitely differentiable (Stein's identity applies without jump terms). */
    public boolean smooth() {
        return smooth;
    }

    /** The activation at x. */
    public double apply(double x) {
        return switch (this) {
            case RELU -> x > 0 ? x : 0.0;
            case SIGMOID -> sigmoid(x);
            case TANH -> StrictMath.tanh(x);
            case GELU -> x * ErrorFunctions.normalCdf(x);
            case GELU_TANH -> x * sigmoid(2 * SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
            case SILU -> x * sigmoid(x);
            case ELU -> elu(x, 1.0);
            case SELU -> Selu.LAMBDA * elu(x, Selu.ALPHA);
            case SOFTPLUS -> Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
            case LINEAR -> x;
        };
    }

    /** The derivative at x (the right derivative at a kink). */
    public double derivative(double x) {
        return switch (this) {
            case RELU -> x > 0 ? 1.0 : 0.0;
            case SIGMOID -> sigmoid(x) * sigmoid(-x);
            case TANH -> sechSquared(x);
            case GELU -> ErrorFunctions.normalCdf(x) + x * ErrorFunctions.normalPdf(x);
            case GELU_TANH -> {
                double u = 2 * SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
                double du = 2 * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
                yield sigmoid(u) + x * sigmoid(u) * sigmoid(-u) * du;
            }
            case SILU -> sigmoid(x) + x * sigmoid(x) * sigmoid(-x);
            case ELU -> x > 0 ? 1.0 : StrictMath.exp(x);
            case SELU -> Selu.LAMBDA * (x > 0 ? 1.0 : Selu.ALPHA * StrictMath.exp(x));
            case SOFTPLUS -> sigmoid(x);
            case LINEAR -> 1.0;
        };
    }

    /** The logistic sigmoid, branching on the sign so {@code exp} never overflows and nothing cancels. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + StrictMath.exp(-x));
        }
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    /** {@code sech^2 x = 1 - tanh^2 x} without the cancellation of the difference. */
    public static double sechSquared(double x) {
        double e = StrictMath.exp(-2 * Math.abs(x));
        double d = 1 + e;
        return 4 * e / (d * d);
    }

    /** {@code ELU_a(x)}: x for {@code x > 0}, {@code a (e^x - 1)} (via expm1) otherwise. */
    public static double elu(double x, double a) {
        return x > 0 ? x : a * StrictMath.expm1(x);
    }
}
