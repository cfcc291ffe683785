package io.formulary.core.nn;

import io.formulary.core.numeric.Checks;

/**
 * An activation with its parameter: the kind and, for {@link ActivationKind#LEAKY_RELU}, the negative slope.
 *
 * @param kind  the activation
 * @param slope the leaky slope in {@code [0, 1)} (0 and ignored for the other kinds)
 */
public record Activation(ActivationKind kind, double slope) {

    /** {@code max(x, 0)}. */
    public static final Activation RELU = new Activation(ActivationKind.RELU, 0);
    /** Exact (erf) GELU, BERT's {@code gelu}. */
    public static final Activation GELU_ERF = new Activation(ActivationKind.GELU_ERF, 0);
    /** Tanh GELU, GPT-2's {@code gelu_new}. */
    public static final Activation GELU_TANH = new Activation(ActivationKind.GELU_TANH, 0);
    /** The identity. */
    public static final Activation LINEAR = new Activation(ActivationKind.LINEAR, 0);
    /** Default leaky slope of the chapter. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public Activation {
        Checks.notNull(kind, "activation.kind");
        Checks.finite(slope, "activation.slope");
        if (kind == ActivationKind.LEAKY_RELU) {
            if (!(slope >= 0 && slope < 1)) {
                throw Checks.fail("activation.slope", "leaky slope must be in [0, 1), got " + slope);
            }
        } else if (slope != 0) {
            throw Checks.fail("activation.slope", "must be 0 for " + kind + ", got " + slope);
        }
    }

    /** Leaky ReLU with the given slope in {@code [0, 1)}. */
    public static Activation leakyRelu(double slope) {
        return new Activation(ActivationKind.LEAKY_RELU, slope);
    }

    /** {@code A(x)} (see {@link Activations#activate}). */
    public double apply(double x) {
        return Activations.activate(kind, slope, x);
    }

    /** {@code A} applied to every entry, into a new array. */
    public double[] apply(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = apply(x[i]);
        }
        return y;
    }

    /** Whether {@code A(cx) = c A(x)} for every {@code c > 0}. */
    public boolean positivelyHomogeneous() {
        return kind.positivelyHomogeneous();
    }

    @Override
    public String toString() {
        return kind == ActivationKind.LEAKY_RELU ? "LEAKY_RELU(" + slope + ")" : kind.name();
    }
}
