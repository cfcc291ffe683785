package io.formulary.properties.widen.mutants;

import io.formulary.core.widen.ScaleCalculus;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: the scale calculus forgets the k-fold sum over a widened input axis ({@code f_W = sigma_out/sigma_in}). Caught by WIDEN-P4. */
public class FanInOnlyLinearFactors extends ReferenceWidening {

    @Override
    public ScaleCalculus.LinearFactors linearFactors(double sigmaIn, double sigmaOut, int k) {
        return new ScaleCalculus.LinearFactors(sigmaOut / sigmaIn, sigmaOut);
    }
}
