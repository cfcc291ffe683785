package io.formulary.core.widen;

import io.formulary.core.nn.ActivationKind;
import io.formulary.core.nn.Activations;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/** The scale calculus that generates every widening rule (WIDEN-F14), and its two failure formulas (F17, F21). */
public final class ScaleCalculus {

    private ScaleCalculus() {
    }

    /**
     * Factors of a linear layer from the space {@code (sigmaIn, pi_in)} to {@code (sigmaOut, pi_out)} (F14.1).
     *
     * @param weight {@code f_W = sigmaOut/(k sigmaIn)}
     * @param bias   {@code f_b = sigmaOut}
     */
    public record LinearFactors(double weight, double bias) {
    }

    /**
     * The linear-layer rule of the scale calculus.
     *
     * <p>$$f_W=\frac{\sigma_{out}}{k\,\sigma_{in}},\qquad f_b=\sigma_{out}$$
     * because {@code sum_{i<kn} sigma_in x_{pi(i)} f_W w_{pi(i),pi'(j)} = k sigma_in f_W (xW)_{pi'(j)}} must equal
     * {@code sigma_out (xW)_{pi'(j)}}, and the bias is indexed by the output axis only. The other rules of F14
     * (activations, products, norms {@code gamma~ = sigma_out rep(gamma)}, {@code eps~ = sigma_in^2 eps}, scores
     * {@code sigma_q sigma_k = k^{-1/2}} or {@code k^{-1}}, tied logits {@code sigma_h = k^{-1/2}}) are applied by
     * {@link WideningPlan}. Two roundings. Source: WIDEN-F14.
     *
     * @param sigmaIn  scale of the input space, finite {@code > 0}
     * @param sigmaOut scale of the output space, finite {@code > 0}
     * @param k        widening factor {@code >= 1}
     * @return {@code (f_W, f_b)}
     * @throws IllegalArgumentException for non-positive or non-finite scales or {@code k < 1}
     */
    @Formula(value = "WIDEN-F14", title = "Scale calculus: linear-layer factors",
            args = {@Formula.Arg(name = "sigmaIn", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "sigmaOut", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "record: weight f_W, bias f_b", accuracy = "2 roundings")
    public static LinearFactors linearFactors(double sigmaIn, double sigmaOut, int k) {
        Checks.positive(sigmaIn, "sigmaIn");
        Checks.positive(sigmaOut, "sigmaOut");
        Repeat.checkK(k);
        return new LinearFactors(sigmaOut / (k * sigmaIn), sigmaOut);
    }

    /**
     * The defect of positive homogeneity, {@code A(cx) - c A(x)}: zero for ReLU, leaky ReLU (up to rounding) and
     * the identity, nonzero for GELU, which is why the plain transform fails for GELU.
     *
     * <p>$$\delta(c,x)=A(cx)-c\,A(x);\qquad \mathrm{GELU}(1/\sqrt2)-\mathrm{GELU}(1)/\sqrt2=-0.0573426880632795.$$
     *
     * <p>Three roundings plus the activation's own. Source: WIDEN-F17.
     *
     * @param kind  activation
     * @param slope leaky slope (0 otherwise)
     * @param c     scale, finite {@code > 0}
     * @param x     finite argument
     * @return {@code A(cx) - cA(x)}
     * @throws IllegalArgumentException for invalid arguments
     */
    @Formula(value = "WIDEN-F17", title = "Homogeneity defect A(cx) - cA(x)",
            args = {@Formula.Arg(name = "kind", shape = "enum(RELU|LEAKY_RELU|GELU_ERF|GELU_TANH|LINEAR)"),
                    @Formula.Arg(name = "slope", shape = "scalar", domain = "[0,1) for LEAKY_RELU, else 0"),
                    @Formula.Arg(name = "c", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "x", shape = "scalar")},
            output = "scalar", accuracy = "absolute: a few ulps of max(|A(cx)|, |cA(x)|)")
    public static double activationDefect(ActivationKind kind, double slope, double c, double x) {
        Checks.positive(c, "c");
        Checks.finite(x, "x");
        return Activations.activate(kind, slope, c * x) - c * Activations.activate(kind, slope, x);
    }

    /**
     * The shrink factor of a norm's normalized part when its input has scale {@code k^{-1/2}} but its epsilon is
     * kept.
     *
     * <p>$$\sqrt{\frac{\sigma_x^2+\varepsilon}{\sigma_x^2+k\varepsilon}},\qquad
     * 1-\sqrt{\cdot}\approx\frac{(k-1)\varepsilon}{2\sigma_x^2}$$
     * ({@code sigma_x^2} the population variance for LayerNorm, the mean square for RMSNorm). The widened
     * normalized row is {@code rep(original normalized row)} times this factor. A few ulps. Source: WIDEN-F21.
     *
     * @param secondMoment {@code sigma_x^2 >= 0} of the original row
     * @param epsilon      {@code >= 0}, with {@code secondMoment + epsilon > 0}
     * @param k            widening factor {@code >= 1}
     * @return the factor in {@code (0, 1]}
     * @throws IllegalArgumentException for negative or non-finite input, or {@code secondMoment + epsilon == 0}
     */
    @Formula(value = "WIDEN-F21", title = "Normalized-part factor when epsilon is kept",
            args = {@Formula.Arg(name = "secondMoment", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "epsilon", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 1")},
            output = "scalar in (0, 1]", accuracy = "4 ulps")
    public static double keptEpsilonFactor(double secondMoment, double epsilon, int k) {
        Checks.nonNegative(secondMoment, "secondMoment");
        Checks.nonNegative(epsilon, "epsilon");
        Repeat.checkK(k);
        if (!(secondMoment + epsilon > 0)) {
            throw Checks.fail("secondMoment", "secondMoment + epsilon must be > 0");
        }
        return Math.sqrt((secondMoment + epsilon) / (secondMoment + k * epsilon));
    }
}
