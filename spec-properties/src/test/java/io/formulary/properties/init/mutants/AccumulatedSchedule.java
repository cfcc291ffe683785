package io.formulary.properties.init.mutants;

import io.formulary.core.init.ReZero;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong: the gate schedule by repeated addition ({@code alpha += delta}, clamped), which drifts: with delta = 0.1
 * it is still 0.9999999999999999 at step 10 (erratum E16). Caught by INIT-P23.
 */
public class AccumulatedSchedule extends ReferenceInit {

    @Override
    public double alpha(long s, double delta) {
        return ReZero.accumulated(s, delta);
    }
}
