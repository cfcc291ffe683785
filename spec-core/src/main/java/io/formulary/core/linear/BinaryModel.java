package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;

/**
 * A fitted binary logistic model {@code p(1|x) = sigma(x w^T + b)}.
 *
 * <p>The logit is evaluated in the centered form {@code t = (x - center) w^T + centeredBias}, which equals
 * {@code x w^T + b} algebraically ({@code b = centeredBias - center w^T}) but does not cancel when the features
 * have large offsets (the analytic fit centers at the midpoint of the class means; MLE fits at 0).
 *
 * @param w            weights, length {@code n}
 * @param b            the bias of the uncentered form {@code x w^T + b}
 * @param center       the centering point, length {@code n}
 * @param centeredBias the bias of the centered form
 */
public record BinaryModel(double[] w, double b, double[] center, double centeredBias) {

    public BinaryModel {
        Checks.finite(w, "w");
        Checks.finite(b, "b");
        Checks.length(center, w.length, "center");
        Checks.finite(centeredBias, "centeredBias");
        w = w.clone();
        center = center.clone();
    }

    /** A model in the plain form {@code x w^T + b} (center 0). */
    public static BinaryModel of(double[] w, double b) {
        return new BinaryModel(w, b, new double[w.length], b);
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    /** The feature dimension {@code n}. */
    public int dimension() {
        return w.length;
    }

    /** The logit {@code t(x)}, centered form, fma-compensated dot product. */
    public double logit(double[] x) {
        Inputs.query(x, w.length, "x");
        return AccurateSums.dot(Inputs.minus(x, center), w) + centeredBias;
    }

    /** {@code p(1|x) = sigma(t(x))}. */
    public double probability(double[] x) {
        return LogisticFunctions.sigmoid(logit(x));
    }

    /** The decision: 1 iff {@code t(x) > 0} (LOGIT-F21). */
    public int predict(double[] x) {
        return logit(x) > 0 ? 1 : 0;
    }

    /** The number of rows of {@code X} whose decision equals the label. */
    public int correct(double[][] X, int[] y) {
        Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, 2, "y");
        int c = 0;
        for (int j = 0; j < X.length; j++) {
            c += predict(X[j]) == y[j] ? 1 : 0;
        }
        return c;
    }

    /** The logits of every row of {@code X} as an {@code N x 1} matrix (for {@link Classification#accuracy}). */
    public double[][] logits(double[][] X) {
        double[][] out = new double[X.length][1];
        for (int j = 0; j < X.length; j++) {
            out[j][0] = logit(X[j]);
        }
        return out;
    }
}
