package io.formulary.core.init;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.GaussianExpectation;

import java.util.function.DoubleUnaryOperator;

/**
 * Gaussian moments of activations (INIT-F10, INIT-F11), micro-tuned activations (INIT-F12) and the mean-field
 * second-moment map with its slope (INIT-F13).
 */
public final class ActivationMoments {

    private ActivationMoments() {
    }

    /**
     * The moments of one activation under {@code z ~ N(0,1)}.
     *
     * @param mean         {@code E f}
     * @param secondMoment {@code E f^2}
     * @param variance     {@code Var f}
     * @param invRms       {@code 1/sqrt(E f^2)}, the micro-tuning factor
     * @param invSd        {@code 1/sd f}, the centring-then-scaling factor
     * @param chi          slope of the micro-tuned second-moment map at 1, {@code E[f f' z]/E f^2}
     * @param chiCentered  slope of the centred map, {@code (E[f f' z] - E f E[f' z])/Var f}
     */
    public record Moments(double mean, double secondMoment, double variance, double invRms, double invSd,
                          double chi, double chiCentered) {
    }

    /**
     * The Gaussian moment {@code E_z[f(s z)^p]} by the reference quadrature of INIT-F10:
     * $$\mathbb E_z[g]=\int_{-\infty}^{\infty}g(x)\frac{e^{-x^2/2}}{\sqrt{2\pi}}dx,\qquad g(x) = f(s x)^p,$$
     * composite 10-point Gauss-Legendre on {@code [-12, 12]} cut at 0 and the kinks, panels of width at most 1/2,
     * with the extra cuts {@code +-2^j/s} for {@code s > 1}.
     *
     * <p>Accuracy: within 4 ulps of the 50-digit value for {@code p = 2} and {@code s} in {@code [1e-3, 1e3]}
     * (tested); zero-mean odd cases are returned to an absolute {@code 1e-16 E|f|^p}. Source: INIT-F10.
     *
     * @param activation the activation f
     * @param power      the power p, 1..4
     * @param scale      the scale s, finite and {@code > 0}
     * @return {@code E[f(s z)^p]}
     * @throws IllegalArgumentException if power or scale is out of range
     */
    @Formula(value = "INIT-F10", title = "Gaussian expectation E_z[f(s z)^p] by composite Gauss-Legendre",
            args = {@Formula.Arg(name = "activation", shape = "enum(RELU|SIGMOID|TANH|GELU|GELU_TANH|SILU|ELU|SELU|SOFTPLUS|LINEAR)"),
                    @Formula.Arg(name = "power", shape = "int", domain = "1..4"),
                    @Formula.Arg(name = "scale", shape = "scalar", domain = "finite, > 0")},
            output = "scalar", accuracy = "4 ulps for p = 2, s in [1e-3, 1e3]")
    public static double moment(ActivationFunction activation, int power, double scale) {
        Checks.notNull(activation, "activation");
        Checks.inRange(power, 1, 4, "power");
        Checks.positive(scale, "scale");
        DoubleUnaryOperator g = x -> power(activation.apply(scale * x), power);
        return expectation(g, scale, activation.kinks());
    }

    /** {@code E_z[g(z)]} for an integrand built from {@code f(s z)}: scaled break points for {@code s > 1}. */
    static double expectation(DoubleUnaryOperator g, double scale, double[] kinks) {
        return scale > 1 ? GaussianExpectation.ofScaled(g, scale, kinks) : GaussianExpectation.of(g, kinks);
    }

    /**
     * Every moment of INIT-F11 for one activation under {@code z ~ N(0,1)},
     * $$\mathbb E_z[f],\ \mathbb E_z[f^2],\ \operatorname{Var}_z[f],\ \chi=\frac{\mathbb E[ff'z]}{\mathbb E[f^2]},\
     * \chi_c=\frac{\mathbb E[ff'z]-\mathbb E[f]\,\mathbb E[f'z]}{\operatorname{Var}[f]}:$$ mean, second moment, variance,
     * {@code 1/sqrt(E f^2)}, {@code 1/sd}, and the slopes {@code chi}, {@code chi_c} of INIT-F13. The variance is
     * integrated directly as {@code E[(f - E f)^2]} (no {@code E f^2 - (E f)^2} cancellation, which would cost
     * sigmoid two digits).
     *
     * <p>Closed forms the values reproduce (properties INIT-P8): {@code E relu = 1/sqrt(2 pi)},
     * {@code E relu^2 = 1/2}, {@code E sigmoid = 1/2}, {@code E GELU = 1/(2 sqrt pi)},
     * {@code E GELU^2 = 1/3 + 1/(2 pi sqrt3)}, ELU through {@link #eluClosedForm}. Accuracy: relative
     * {@code 1e-15} on each entry. Source: INIT-F11.
     *
     * @param activation the activation
     * @return its moments
     */
    @Formula(value = "INIT-F11", title = "Activation moments under z ~ N(0,1) and the map slopes chi, chi_c",
            args = {@Formula.Arg(name = "activation", shape = "enum(RELU|SIGMOID|TANH|GELU|GELU_TANH|SILU|ELU|SELU|SOFTPLUS|LINEAR)")},
            output = "record(mean, secondMoment, variance, invRms, invSd, chi, chiCentered)",
            accuracy = "relative 1e-15 per entry")
    public static Moments of(ActivationFunction activation) {
        Checks.notNull(activation, "activation");
        double[] k = activation.kinks();
        double mean = GaussianExpectation.of(activation::apply, k);
        double second = GaussianExpectation.of(x -> sq(activation.apply(x)), k);
        double variance = GaussianExpectation.of(x -> sq(activation.apply(x) - mean), k);
        double ffz = GaussianExpectation.of(x -> activation.apply(x) * activation.derivative(x) * x, k);
        double fpz = GaussianExpectation.of(x -> activation.derivative(x) * x, k);
        double chi = ffz / second;
        double chiC = (ffz - mean * fpz) / variance;
        return new Moments(mean, second, variance, 1 / Math.sqrt(second), 1 / Math.sqrt(variance), chi, chiC);
    }

    /** {@code E_z[f'(z)]} (e.g. {@code E sigmoid'}, {@code E sech^2}). */
    public static double derivativeMean(ActivationFunction activation) {
        Checks.notNull(activation, "activation");
        return GaussianExpectation.of(activation::derivative, activation.kinks());
    }

    /** {@code E_z[z f(z)]}, the left side of Stein's identity {@code E[z f(z)] = E[f'(z)]}. */
    public static double steinMean(ActivationFunction activation) {
        Checks.notNull(activation, "activation");
        return GaussianExpectation.of(x -> x * activation.apply(x), activation.kinks());
    }

    /**
     * ELU's first two Gaussian moments in closed form: with {@code A = e^{1/2} Phi(-1)}, {@code B = e^2 Phi(-2)},
     * {@code E = 1/sqrt(2 pi) + a(A - 1/2)} and {@code E[.^2] = 1/2 + a^2 (B - 2A + 1/2)}.
     *
     * @param a ELU's alpha, finite and {@code > 0}
     * @return {mean, second moment}
     */
    public static double[] eluClosedForm(double a) {
        Checks.positive(a, "a");
        double bigA = Selu.constantA();
        double bigB = Selu.constantB();
        double mean = ErrorFunctions.INV_SQRT_2PI + a * (bigA - 0.5);
        double second = 0.5 + a * a * ((bigB - 2 * bigA) + 0.5);
        return new double[] {mean, second};
    }

    /** {@code E_z[ELU_a(z)^p]} by the reference quadrature, p = 1 or 2. */
    public static double eluMoment(double a, int power) {
        Checks.positive(a, "a");
        Checks.inRange(power, 1, 2, "power");
        return GaussianExpectation.of(x -> {
            double f = ActivationFunction.elu(x, a);
            return power == 1 ? f : f * f;
        }, 0.0);
    }

    /**
     * The micro-tuned activation of INIT-F12:
     * $$\tilde f(x)=\frac{f(x)}{\sqrt{\mathbb E_z[f(z)^2]}},\qquad f_c(x)=\frac{f(x)-\mathbb E_z[f(z)]}{\sqrt{\operatorname{Var}_z[f(z)]}}.$$
     * Centring is done before scaling (erratum E6: subtracting the mean after dividing by the RMS leaves second
     * moment {@code Var f / E f^2}, not 1). Accuracy: a few ulps beyond those of the moments. Source: INIT-F12.
     *
     * @param activation the activation
     * @param centered   false for {@code f~}, true for {@code f_c}
     * @param x          the argument, finite
     * @return the micro-tuned activation at x
     * @throws IllegalArgumentException if x is not finite, or the normalizer is 0 ({@code "E[f(z)^2] is 0; cannot normalize"})
     */
    @Formula(value = "INIT-F12", title = "Micro-tuned activation f/sqrt(E f^2) or (f - E f)/sd f",
            args = {@Formula.Arg(name = "activation", shape = "enum(RELU|SIGMOID|TANH|GELU|GELU_TANH|SILU|ELU|SELU|SOFTPLUS|LINEAR)"),
                    @Formula.Arg(name = "centered", shape = "boolean"),
                    @Formula.Arg(name = "x", shape = "scalar")},
            output = "scalar", accuracy = "relative 1e-15")
    public static double microTuned(ActivationFunction activation, boolean centered, double x) {
        Checks.finite(x, "x");
        return normalizer(activation, centered).applyAsDouble(x);
    }

    /** The micro-tuned activation as a function (moments computed once). */
    public static DoubleUnaryOperator normalizer(ActivationFunction activation, boolean centered) {
        Checks.notNull(activation, "activation");
        Moments m = cached(activation);
        return normalizer(activation::apply, m.mean(), m.secondMoment(), m.variance(), centered);
    }

    /** The micro-tuned version of an arbitrary function given its moments; rejects a zero normalizer. */
    public static DoubleUnaryOperator normalizer(DoubleUnaryOperator f, double mean, double secondMoment,
                                                 double variance, boolean centered) {
        if (centered) {
            if (!(variance > 0)) {
                throw new IllegalArgumentException("Var[f(z)] is 0; cannot center and normalize");
            }
            double sd = Math.sqrt(variance);
            return x -> (f.applyAsDouble(x) - mean) / sd;
        }
        if (!(secondMoment > 0)) {
            throw new IllegalArgumentException("E[f(z)^2] is 0; cannot normalize");
        }
        double rms = Math.sqrt(secondMoment);
        return x -> f.applyAsDouble(x) / rms;
    }

    /**
     * The mean-field second-moment map of INIT-F13 for the micro-tuned (or centred) activation:
     * $$c(q)=\mathbb E_z[\tilde f(\sqrt q\,z)^2],\qquad \chi=c'(1)=\frac{\mathbb E_z[f f' z]}{\mathbb E_z[f^2]}.$$
     * Accuracy: relative {@code 1e-15} for q in {@code [1e-4, 1e8]} (the scaled break points follow
     * {@code 1/sqrt q}). Source: INIT-F13.
     *
     * @param activation the activation
     * @param centered   whether the map uses {@code f_c} instead of {@code f~}
     * @param q          the input second moment, finite and {@code > 0}
     * @return {@code c(q)}
     */
    @Formula(value = "INIT-F13", title = "Second-moment map c(q) of a micro-tuned activation",
            args = {@Formula.Arg(name = "activation", shape = "enum(RELU|SIGMOID|TANH|GELU|GELU_TANH|SILU|ELU|SELU|SOFTPLUS|LINEAR)"),
                    @Formula.Arg(name = "centered", shape = "boolean"),
                    @Formula.Arg(name = "q", shape = "scalar", domain = "finite, > 0")},
            output = "scalar", accuracy = "relative 1e-15")
    public static double secondMomentMap(ActivationFunction activation, boolean centered, double q) {
        Checks.positive(q, "q");
        Checks.notNull(activation, "activation");
        Moments m = cached(activation);
        double s = Math.sqrt(q);
        if (centered) {
            double mean = m.mean();
            return expectation(x -> sq(activation.apply(s * x) - mean), s, activation.kinks()) / m.variance();
        }
        return expectation(x -> sq(activation.apply(s * x)), s, activation.kinks()) / m.secondMoment();
    }

    /** Iterates the second-moment map: {@code q_0, c(q_0), c(c(q_0)), ...} ({@code steps + 1} values). */
    public static double[] iterateMap(ActivationFunction activation, boolean centered, double q0, int steps) {
        Checks.atLeast(steps, 0, "steps");
        double[] q = new double[steps + 1];
        q[0] = Checks.positive(q0, "q0");
        for (int i = 1; i <= steps; i++) {
            q[i] = q[i - 1] > 1e12 ? q[i - 1] : secondMomentMap(activation, centered, Math.max(q[i - 1], 1e-300));
        }
        return q;
    }

    private static final Moments[] CACHE = new Moments[ActivationFunction.values().length];

    /** Moments are pure functions of the enum constant: computed once per JVM. */
    static Moments cached(ActivationFunction f) {
        synchronized (CACHE) {
            Moments m = CACHE[f.ordinal()];
            if (m == null) {
                m = of(f);
                CACHE[f.ordinal()] = m;
            }
            return m;
        }
    }

    private static double power(double f, int p) {
        double f2 = f * f;
        return switch (p) {
            case 1 -> f;
            case 2 -> f2;
            case 3 -> f2 * f;
            default -> f2 * f2;
        };
    }

    private static double sq(double v) {
        return v * v;
    }
}
