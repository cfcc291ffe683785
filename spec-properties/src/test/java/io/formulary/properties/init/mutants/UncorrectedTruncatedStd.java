package io.formulary.properties.init.mutants;

import io.formulary.core.init.Initialization;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.WeightDistribution;
import io.formulary.properties.init.ReferenceInit;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Wrong: uses the target standard deviation as the pre-truncation one (forgets the 1/sqrt(gamma(2)) correction of
 * INIT-F5), so TF-style truncated-normal weights have variance 0.774 v instead of v. Caught by INIT-P7.
 */
public class UncorrectedTruncatedStd extends ReferenceInit {

    @Override
    public double stdCorrection(double c) {
        return 1;
    }

    @Override
    public Initialization.LawParameters lawParameters(double variance) {
        Initialization.LawParameters p = super.lawParameters(variance);
        return new Initialization.LawParameters(p.variance(), p.normalStd(), p.uniformBound(), p.normalStd());
    }

    @Override
    public ToDoubleFunction<RandomGenerator> weightSampler(WeightDistribution law, double variance) {
        if (law != WeightDistribution.TRUNCATED_NORMAL) {
            return super.weightSampler(law, variance);
        }
        double std = Math.sqrt(variance);
        return rng -> Sampling.truncatedNormalRejection(rng, 0, std, 2);
    }
}
