package io.formulary.properties.init.mutants;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong order of micro-tuning: divides by sqrt(E f^2) first and subtracts the mean afterwards, leaving second
 * moment Var f / E f^2 (erratum E6). Caught by INIT-P9.
 */
public class CenteredAfterScaling extends ReferenceInit {

    @Override
    public double microTuned(ActivationFunction activation, boolean centered, double x) {
        if (!centered) {
            return super.microTuned(activation, false, x);
        }
        ActivationMoments.Moments m = activationMoments(activation);
        return (activation.apply(x) - m.mean()) * m.invRms();
    }
}
