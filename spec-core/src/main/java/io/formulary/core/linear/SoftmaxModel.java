package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;

/**
 * A fitted single-layer softmax model {@code z_i = x w_i^T + b_i}, {@code p(i|x) = softmax(z)_i}.
 *
 * <p>{@link #weights()} and {@link #bias()} are the parameters of the uncentered form (for the analytic fit,
 * exactly those of LOGIT-F12). Probabilities are evaluated from the centered logits
 * {@code z'_i = (x - center) v_i^T + c_i} (LOGIT-F12, "centered logits"), which differ from {@code z_i} by a
 * class-independent amount and so give identical probabilities, without cancelling when the features have
 * large means.
 *
 * @param weights         class weights as rows, {@code k x n}
 * @param bias            class biases of the uncentered form, length {@code k}
 * @param center          centering point, length {@code n}
 * @param centeredWeights weights of the centered form, {@code k x n}
 * @param centeredBias    biases of the centered form, length {@code k}
 */
public record SoftmaxModel(double[][] weights, double[] bias, double[] center, double[][] centeredWeights,
                           double[] centeredBias) {

    public SoftmaxModel {
        Checks.finite(weights, "weights");
        int k = weights.length;
        int n = weights[0].length;
        Checks.length(bias, k, "bias");
        Checks.length(center, n, "center");
        Checks.shape(centeredWeights, k, n, "centeredWeights");
        Checks.length(centeredBias, k, "centeredBias");
        weights = Checks.copy(weights);
        bias = bias.clone();
        center = center.clone();
        centeredWeights = Checks.copy(centeredWeights);
        centeredBias = centeredBias.clone();
    }

    /** A model in the plain form (center 0, centered parameters equal to the plain ones). */
    public static SoftmaxModel of(double[][] weights, double[] bias) {
        Checks.finite(weights, "weights");
        return new SoftmaxModel(weights, bias, new double[weights[0].length], weights, bias);
    }

    @Override
    public double[][] weights() {
        return Checks.copy(weights);
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    @Override
    public double[][] centeredWeights() {
        return Checks.copy(centeredWeights);
    }

    @Override
    public double[] centeredBias() {
        return centeredBias.clone();
    }

    /** The number of classes {@code k}. */
    public int classes() {
        return weights.length;
    }

    /** The feature dimension {@code n}. */
    public int dimension() {
        return weights[0].length;
    }

    /** The centered logits {@code z'(x)} (same probabilities as the uncentered ones). */
    public double[] logits(double[] x) {
        Inputs.query(x, dimension(), "x");
        double[] d = Inputs.minus(x, center);
        double[] z = new double[weights.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = AccurateSums.dot(d, centeredWeights[i]) + centeredBias[i];
        }
        return z;
    }

    /** {@code ln p(i|x) = z_i - lse(z)}. */
    public double[] logProbabilities(double[] x) {
        return LogisticFunctions.logSoftmax(logits(x));
    }

    /** {@code p(i|x)}. */
    public double[] probabilities(double[] x) {
        return LogisticFunctions.softmax(logits(x));
    }

    /** The decision {@code argmax_i z_i}, ties to the smaller index (LOGIT-F21). */
    public int predict(double[] x) {
        return Classification.argmax(logits(x));
    }

    /** The number of rows of {@code X} whose decision equals the label. */
    public int correct(double[][] X, int[] y) {
        Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, classes(), "y");
        int c = 0;
        for (int j = 0; j < X.length; j++) {
            c += predict(X[j]) == y[j] ? 1 : 0;
        }
        return c;
    }

    /** The centered logits of every row of {@code X}, {@code N x k}. */
    public double[][] logits(double[][] X) {
        double[][] out = new double[X.length][];
        for (int j = 0; j < X.length; j++) {
            out[j] = logits(X[j]);
        }
        return out;
    }
}
