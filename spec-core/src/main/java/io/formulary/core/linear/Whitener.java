package io.formulary.core.linear;

import io.formulary.core.numeric.Checks;

/**
 * A fitted whitening map {@code x -> (x - mean) T} (LOGIT-F14).
 *
 * @param mean        the training mean {@code mu~}, length {@code n}
 * @param transform   {@code T = U Lambda^{-1/2}}, {@code n x r} ({@code r < n} only under {@code DROP})
 * @param eigenvalues the eigenvalues used for the kept directions (after a ridge, if any), descending, length {@code r}
 */
public record Whitener(double[] mean, double[][] transform, double[] eigenvalues) {

    public Whitener {
        Checks.finite(mean, "mean");
        Checks.shape(transform, mean.length, -1, "transform");
        Checks.length(eigenvalues, transform[0].length, "eigenvalues");
        mean = mean.clone();
        transform = Checks.copy(transform);
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] transform() {
        return Checks.copy(transform);
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Input dimension {@code n}. */
    public int inputDimension() {
        return mean.length;
    }

    /** Output dimension {@code r}. */
    public int outputDimension() {
        return transform[0].length;
    }

    /** {@code x^ = (x - mu~) T}. */
    public double[] apply(double[] x) {
        Inputs.query(x, mean.length, "x");
        int r = transform[0].length;
        double[] out = new double[r];
        double[] d = Inputs.minus(x, mean);
        double[] col = new double[d.length];
        for (int c = 0; c < r; c++) {
            for (int a = 0; a < d.length; a++) {
                col[a] = transform[a][c];
            }
            out[c] = Inputs.dot(d, col);
        }
        return out;
    }

    /** Every row of {@code X} whitened. */
    public double[][] apply(double[][] X) {
        Inputs.data(X, 1, "X");
        double[][] out = new double[X.length][];
        for (int j = 0; j < X.length; j++) {
            out[j] = apply(X[j]);
        }
        return out;
    }
}
