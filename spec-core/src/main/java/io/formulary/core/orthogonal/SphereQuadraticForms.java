package io.formulary.core.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;

import java.util.SplittableRandom;

/**
 * Monte-Carlo check of the quadratic form {@code x^T A x} for {@code x} uniform on the unit sphere, with
 * {@code A = (T + T^T)/2} (ORTHO-P20): its exact mean is {@code tr(A)/d} and its exact variance
 * {@code 2 (d tr(A^2) - tr(A)^2) / (d^2 (d+2))}, from the sphere moments
 * {@code E[x_i x_j x_k x_l] = (delta_ij delta_kl + delta_ik delta_jl + delta_il delta_jk) / (d (d+2))}.
 *
 * <p>Shared by the property (which asserts the mean within 5 standard errors) and the report's table, so both show
 * the same numbers for the same seed.
 */
public final class SphereQuadraticForms {

    private SphereQuadraticForms() {
    }

    /**
     * One Monte-Carlo estimate.
     *
     * @param predictedMean     {@code tr(A)/d}
     * @param predictedVariance {@code 2 (d tr(A^2) - tr(A)^2) / (d^2 (d+2))}
     * @param sampleMean        mean of {@code x^T A x} over the sample
     * @param sampleVariance    unbiased sample variance
     * @param samples           sample size {@code N}
     */
    public record Estimate(double predictedMean, double predictedVariance, double sampleMean, double sampleVariance,
                           int samples) {

        /** The z-score {@code (sampleMean - predictedMean) / sqrt(predictedVariance / N)} (0 if the variance is 0). */
        public double z() {
            double se = Math.sqrt(predictedVariance / samples);
            return se == 0 ? 0 : (sampleMean - predictedMean) / se;
        }
    }

    /**
     * Estimates the mean of {@code x^T A x}, {@code A = (T + T^T)/2}, with {@code n} points uniform on the sphere
     * (normalized Gaussians drawn from {@code random}).
     *
     * @param t      square matrix, {@code d x d}, {@code d >= 1}
     * @param n      sample size, {@code >= 2}
     * @param random the seeded source
     * @return predicted and sampled moments
     */
    public static Estimate estimate(double[][] t, int n, SplittableRandom random) {
        int d = Checks.square(t, -1, "t");
        Checks.atLeast(n, 2, "n");
        Checks.notNull(random, "random");
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = 0.5 * (t[i][j] + t[j][i]);
            }
        }
        double[] diag = new double[d];
        double[] squares = new double[d * d];
        for (int i = 0; i < d; i++) {
            diag[i] = a[i][i];
            for (int j = 0; j < d; j++) {
                squares[i * d + j] = a[i][j] * a[j][i];
            }
        }
        double tr = AccurateSums.sum(diag);
        double tr2 = AccurateSums.sum(squares);
        double mean = tr / d;
        double var = 2 * (d * tr2 - tr * tr) / ((double) d * d * (d + 2));
        double[] x = new double[d];
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double nn = 0;
            for (int i = 0; i < d; i++) {
                x[i] = random.nextGaussian();
                nn += x[i] * x[i];
            }
            double q = 0;
            for (int i = 0; i < d; i++) {
                double row = 0;
                for (int j = 0; j < d; j++) {
                    row += a[i][j] * x[j];
                }
                q += x[i] * row;
            }
            q /= nn;
            sum += q;
            sumSq += q * q;
        }
        double sampleMean = sum / n;
        double sampleVar = Math.max(0, (sumSq - n * sampleMean * sampleMean) / (n - 1));
        return new Estimate(mean, Math.max(0, var), sampleMean, sampleVar, n);
    }
}
