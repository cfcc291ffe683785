package io.formulary.properties.linear.mutants;

import io.formulary.properties.linear.ReferenceLogistic;

/** Wrong: forms the ratio of probabilities, {@code ln(sigma(t) / (1 - sigma(t)))}, which is infinite once sigma rounds to 1. */
public class NaiveLogOdds extends ReferenceLogistic {
    @Override
    public double logOdds(double t) {
        double p = 1 / (1 + Math.exp(-t));
        return Math.log(p / (1 - p));
    }
}
