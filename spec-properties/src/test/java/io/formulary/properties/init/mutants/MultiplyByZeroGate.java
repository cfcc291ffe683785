package io.formulary.properties.init.mutants;

import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong: computes {@code x + alpha F(x)} also for alpha = 0, so -0.0 becomes +0.0 and an infinite branch output
 * gives NaN (erratum E15). Caught by INIT-P22.
 */
public class MultiplyByZeroGate extends ReferenceInit {

    @Override
    public double[] gatedResidual(double[] x, double alpha, double[] branchOutput) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + alpha * branchOutput[i];
        }
        return y;
    }
}
