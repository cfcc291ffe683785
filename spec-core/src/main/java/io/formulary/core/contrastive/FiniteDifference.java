package io.formulary.core.contrastive;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

import java.util.function.ToDoubleFunction;

/**
 * The central finite difference used to check analytic gradients (CONTRA-F17).
 */
public final class FiniteDifference {

    /** {@code eps^(1/3)} for {@code eps = 2^-52}, the step scale that balances truncation and rounding. */
    public static final double CUBE_ROOT_EPSILON = StrictMath.cbrt(0x1p-52);

    private FiniteDifference() {
    }

    /**
     * Central difference of {@code f} in coordinate {@code k} with step {@code h_k = scale * eps^(1/3) max(1, |theta_k|)}.
     * <pre>\widehat g_k=\frac{f(\theta+h_ke_k)-f(\theta-h_ke_k)}{(\theta_k+h_k)-(\theta_k-h_k)}</pre>
     * The denominator is the actually represented step, not {@code 2 h_k}.
     *
     * @param f     the function, evaluated at two perturbed copies of {@code theta}
     * @param theta the point, finite
     * @param k     coordinate index
     * @param scale step multiplier ({@code 1} for the standard step, {@code 2} for the truncation estimate)
     */
    public static double partial(ToDoubleFunction<double[]> f, double[] theta, int k, double scale) {
        Checks.notNull(f, "f");
        Checks.finite(theta, "theta");
        Checks.inRange(k, 0, theta.length - 1, "k");
        Checks.positive(scale, "scale");
        double h = step(theta[k]) * scale;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        plus[k] = theta[k] + h;
        minus[k] = theta[k] - h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (plus[k] - minus[k]);
    }

    /** The standard step {@code h_k = eps^(1/3) max(1, |theta_k|)}. */
    public static double step(double thetaK) {
        return CUBE_ROOT_EPSILON * Math.max(1, Math.abs(thetaK));
    }

    /**
     * The central difference of the contrastive loss with respect to parameter {@code k} of a reference encoder.
     * Source: CONTRA-F17; the tolerance of the comparison is CONTRA-P1's.
     */
    @Formula(value = "CONTRA-F17", title = "Central finite difference of the loss in one parameter", args = {
            @Arg(name = "encoder", shape = "enum(LINEAR|MLP)"), @Arg(name = "r", shape = "int", domain = ">= 1 (MLP)"),
            @Arg(name = "d", shape = "int", domain = ">= 1"), @Arg(name = "normalize", shape = "boolean"),
            @Arg(name = "theta", shape = "vector[N]"), @Arg(name = "X", shape = "matrix[B][m]"),
            @Arg(name = "partner", shape = "int[B]", domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean"),
            @Arg(name = "k", shape = "int", domain = "0 <= k < N")},
            output = "scalar: estimated dL/dtheta_k", accuracy = "see CONTRA-P1")
    public static double lossPartial(GradientAccumulation.EncoderKind encoder, int r, int d, boolean normalize,
                                     double[] theta, double[][] X, int[] partner, double tau, boolean masked, int k) {
        Encoder e = GradientAccumulation.encoder(encoder, r, d, normalize);
        Checks.finite(X, "X");
        Checks.finite(theta, "theta");
        if (theta.length != e.parameterCount(X[0].length)) {
            throw Checks.fail("theta", "length " + theta.length + ", expected " + e.parameterCount(X[0].length));
        }
        return partial(t -> ContrastiveLoss.loss(e.forward(t, X), partner, tau, masked), theta, k, 1);
    }
}
