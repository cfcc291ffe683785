package io.formulary.properties.widen;

import io.formulary.core.widen.RepeatPattern;
import io.formulary.core.widen.WideningFactors;
import io.formulary.core.widen.WideningPlan;

import static io.formulary.properties.MaxNorms.maxAbs;
import static io.formulary.properties.MaxNorms.maxAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

/** Comparison helpers of the WIDEN properties: the message names the property, the tensor, both values and the bound. */
final class WidenAsserts {

    private WidenAsserts() {
    }

    /** TOL-logit: {@code |l~ - l| <= 1e-9 (1 + max|l|)}. */
    static final double TOL_LOGIT = 1e-9;
    /** TOL-prob: {@code 1e-10} absolute. */
    static final double TOL_PROB = 1e-10;

    /** {@code sigma rep_pi(z)} along the columns of an {@code n x d} tensor. */
    static double[][] predicted(double[][] z, WideningPlan.Space space, int k) {
        double sigma = space.sigma(WideningFactors.of(k));
        RepeatPattern p = space.pattern();
        int cols = z[0].length;
        double[][] out = new double[z.length][p.widenedLength(cols, k)];
        for (int m = 0; m < z.length; m++) {
            for (int i = 0; i < out[m].length; i++) {
                out[m][i] = sigma * z[m][p.source(i, cols, k)];
            }
        }
        return out;
    }

    /** Asserts {@code max|a-b| <= abs + rel * max|b|} with a message naming the property and the tensor. */
    static void close(String id, String what, double[][] actual, double[][] expected, double abs, double rel) {
        double err = maxAbsDiff(actual, expected);
        double bound = abs + rel * maxAbs(expected);
        assertThat(err).as("%s %s: max |actual - expected| = %s > bound %s (max |expected| = %s)", id, what, err, bound,
                maxAbs(expected)).isLessThanOrEqualTo(bound);
    }

    /** Distance in ulps of the larger magnitude. */
    static double ulps(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
    }
}
