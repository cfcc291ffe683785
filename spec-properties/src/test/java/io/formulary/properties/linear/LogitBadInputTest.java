package io.formulary.properties.linear;

import io.formulary.core.linear.AnalyticLogistic;
import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.linear.Conditioning;
import io.formulary.core.linear.CovariancePolicy;
import io.formulary.core.linear.GaussianRegression;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.Whitening;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of the chapter's "Bad input" table: an IllegalArgumentException whose message names the parameter. */
class LogitBadInputTest {

    private static final double[][] X = {{0, 1}, {1, 0.5}, {2, 2}, {0.5, 1.5}, {3, 1}, {1.5, 0.2}};
    private static final int[] Y = {0, 0, 1, 1, 0, 1};

    @Test
    void nullArraysAreRejected() {
        assertThatThrownBy(() -> AnalyticLogistic.fitBinary(null, Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("X must not be null");
        assertThatThrownBy(() -> AnalyticLogistic.fitBinary(X, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must not be null");
    }

    @Test
    void raggedRowsAndMismatchedShapesAreRejected() {
        double[][] ragged = {{0, 1}, {1}, {2, 2}};
        assertThatThrownBy(() -> ClassStatistics.of(ragged, new int[]{0, 1, 0}, 2))
                .hasMessageStartingWith("X: row 1 has length 1, expected 2");
        assertThatThrownBy(() -> AnalyticLogistic.fitSoftmax(X, new int[]{0, 1, 0}, 2))
                .hasMessageStartingWith("y: length 3 differs from the 6 rows of X");
        assertThatThrownBy(() -> GaussianRegression.fit(X, new double[][]{{1}, {2}}))
                .hasMessageStartingWith("Y: has 2 rows, X has 6");
        BinaryModel m = AnalyticLogistic.fitBinary(X, Y);
        assertThatThrownBy(() -> m.logit(new double[]{1, 2, 3})).hasMessage("x: has length 3, model expects n=2");
    }

    @Test
    void nonFiniteValuesAreRejected() {
        double[][] nan = {{0, 1}, {Double.NaN, 0.5}, {2, 2}, {0.5, 1.5}};
        double[][] inf = {{0, 1}, {1, 0.5}, {2, Double.POSITIVE_INFINITY}, {0.5, 1.5}};
        assertThatThrownBy(() -> AnalyticLogistic.fitBinary(nan, new int[]{0, 1, 0, 1})).hasMessage("X[1][0] is NaN");
        assertThatThrownBy(() -> AnalyticLogistic.fitBinary(inf, new int[]{0, 1, 0, 1})).hasMessage("X[2][1] is infinite");
        assertThatThrownBy(() -> AnalyticLogistic.binaryFromParameters(new double[]{0, Double.NaN}, new double[]{1, 1},
                new double[][]{{1, 0}, {0, 1}}, 0.5, 0.5)).hasMessage("mu0[1] is NaN");
        assertThatThrownBy(() -> AnalyticLogistic.softmaxFromParameters(new double[][]{{0, 0}, {1, 1}},
                new double[][]{{1, 0}, {0, 1}}, new double[]{Double.NaN, 0.5})).hasMessage("priors[0] is NaN");
    }

    @Test
    void labelsAndClassCountsAreChecked() {
        assertThatThrownBy(() -> AnalyticLogistic.fitSoftmax(X, Y, 1)).hasMessage("k: must be >= 2, got 1");
        assertThatThrownBy(() -> AnalyticLogistic.fitSoftmax(X, new int[]{0, 1, 5, 1, 0, 2}, 3))
                .hasMessage("y[2]=5 outside [0,k=3)");
        assertThatThrownBy(() -> AnalyticLogistic.fitSoftmax(X, new int[]{0, 1, 0, 1, 0, 1}, 3))
                .hasMessage("y: class 2 has no samples (p_2=0 gives b_2=-inf)");
    }

    @Test
    void singularCovariancesAreRejected() {
        double[][] collinear = {{0, 0}, {1, 2}, {2, 4}, {3, 6.0}};
        assertThatThrownBy(() -> GaussianRegression.fit(collinear, new double[][]{{1}, {2}, {3}, {5}}))
                .hasMessageStartingWith("Sigma_xx: singular or ill-conditioned");
        assertThatThrownBy(() -> GaussianRegression.fit(new double[][]{{0, 1}, {1, 0}}, new double[][]{{1}, {2}}))
                .hasMessageStartingWith("X: N=2 < n+1=3");
        double[][] dup = {{0, 0}, {1, 1}, {2, 2}, {0.5, 0.5}, {3, 3}, {1.5, 1.5}};
        assertThatThrownBy(() -> AnalyticLogistic.fitBinary(dup, Y))
                .hasMessageStartingWith("Sigma (pooled within-class): singular or ill-conditioned: rank 1 < n=2");
        double[][] constant = {{0, 4}, {1, 4}, {2, 4}, {0.5, 4}, {3, 4}, {1.5, 4}};
        assertThatThrownBy(() -> Whitening.fit(constant))
                .hasMessageStartingWith("X: total covariance is singular or ill-conditioned (feature 1 is constant)");
    }

    @Test
    void givenParametersAreChecked() {
        double[] m0 = {0, 0};
        double[] m1 = {1, 1};
        assertThatThrownBy(() -> AnalyticLogistic.binaryFromParameters(m0, m1, new double[][]{{1, 0.5}, {0.4, 1}}, 0.5, 0.5))
                .hasMessageStartingWith("sigma: not symmetric");
        assertThatThrownBy(() -> AnalyticLogistic.binaryFromParameters(m0, m1, new double[][]{{1, 2}, {2, 1}}, 0.5, 0.5))
                .hasMessageStartingWith("sigma: not positive definite");
        assertThatThrownBy(() -> AnalyticLogistic.binaryFromParameters(m0, m1, new double[][]{{1, 0}, {0, 1}}, 0.5, 0.4))
                .hasMessage("priors: priors sum to 0.9 (must be 1)");
        assertThatThrownBy(() -> AnalyticLogistic.binaryFromParameters(m0, m1, new double[][]{{1, 0}, {0, 1}}, 0, 1))
                .hasMessage("priors: entry 0 = 0.0 is not in (0, 1]");
    }

    @Test
    void hyperParametersAreChecked() {
        double[][] s = {{1, 0}, {0, 1}};
        assertThatThrownBy(() -> Conditioning.condition(s, CovariancePolicy.RIDGE, -1, 1e-12)).hasMessage("delta: must be >= 0, got -1.0");
        assertThatThrownBy(() -> Conditioning.condition(s, CovariancePolicy.REJECT, 1e-8, 1)).hasMessage("tau: must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Conditioning.condition(s, CovariancePolicy.REJECT, Double.NaN, 1e-12)).hasMessage("delta is NaN");
        assertThatThrownBy(() -> Conditioning.condition(s, CovariancePolicy.DROP, 1e-8, 1e-12))
                .hasMessageStartingWith("policy: DROP applies to whitening only");
        assertThatThrownBy(() -> LogisticMle.fitBinary(X, Y, -1)).hasMessage("lambda: must be >= 0, got -1.0");
        assertThatThrownBy(() -> LogisticMle.fitSoftmax(X, Y, 2, Double.NaN)).hasMessage("lambda is NaN");
    }

    @Test
    void separableDataWithoutPenaltyAreRejected() {
        double[][] sep = {{-2, 0}, {-1, 1}, {-1.5, -1}, {1, 0.5}, {2, -0.5}, {1.5, 1}};
        int[] ys = {0, 0, 0, 1, 1, 1};
        assertThatThrownBy(() -> LogisticMle.fitBinary(sep, ys, 0))
                .hasMessageStartingWith("X: MLE does not exist: data are (quasi-)separable");
        assertThatThrownBy(() -> LogisticMle.fitSoftmax(sep, ys, 2, 0))
                .hasMessageStartingWith("X: MLE does not exist: data are (quasi-)separable");
    }
}
