package io.formulary.properties.linear.mutants;

import io.formulary.core.linear.SoftmaxModel;
import io.formulary.properties.linear.ReferenceLogistic;

/** Wrong: the softmax biases without the {@code ln p_i} term (as if every class had the same prior). */
public class PriorlessSoftmax extends ReferenceLogistic {
    @Override
    public SoftmaxModel softmaxFromParameters(double[][] means, double[][] sigma, double[] priors) {
        SoftmaxModel m = super.softmaxFromParameters(means, sigma, priors);
        double[] b = m.bias();
        double[] cb = m.centeredBias();
        for (int i = 0; i < b.length; i++) {
            b[i] -= Math.log(priors[i]);
            cb[i] -= Math.log(priors[i]);
        }
        return new SoftmaxModel(m.weights(), b, m.center(), m.centeredWeights(), cb);
    }
}
