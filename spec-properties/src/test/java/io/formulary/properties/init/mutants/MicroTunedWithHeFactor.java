package io.formulary.properties.init.mutants;

import io.formulary.core.init.ActivationFunction;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong: "micro-tunes" every activation with He's ReLU factor sqrt(2) (i.e. assumes E f^2 = 1/2 as for ReLU) instead
 * of 1/sqrt(E f^2): He's factor applied to tanh, sigmoid, GELU ... Caught by INIT-P9.
 */
public class MicroTunedWithHeFactor extends ReferenceInit {

    @Override
    public double microTuned(ActivationFunction activation, boolean centered, double x) {
        if (centered) {
            return super.microTuned(activation, true, x);
        }
        return Math.sqrt(2) * activation.apply(x);
    }
}
