package io.formulary.core.init;

/** A residual branch {@code F_t}: a map from a row of width d to a row of width d. */
@FunctionalInterface
public interface Branch {
    /** {@code F(x)}; must not modify x. */
    double[] apply(double[] x);
}
