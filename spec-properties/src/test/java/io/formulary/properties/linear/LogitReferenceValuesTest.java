package io.formulary.properties.linear;

import io.formulary.core.linear.AnalyticLogistic;
import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.ClassStatistics;
import io.formulary.core.linear.GaussianClassConditionals;
import io.formulary.core.linear.GaussianRegression;
import io.formulary.core.linear.SoftmaxModel;
import io.formulary.core.linear.SyntheticClasses;
import io.formulary.core.numeric.ErrorFunctions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The chapter's reference values R2 and R3 (exact values the chapter computed with rational arithmetic and mpmath),
 * transcribed from 07-logistic.md; none is re-derived from the formula under test.
 */
class LogitReferenceValuesTest {

    private static final double TIGHT = 1e-15;

    @Test
    void r2RegressionWorkedExample() {
        // R2: X = (0,1,2,3)^T, Y = (1,2,2,4)^T
        double[][] x = {{0}, {1}, {2}, {3}};
        double[][] y = {{1}, {2}, {2}, {4}};
        GaussianRegression.Moments m = GaussianRegression.moments(x, y);
        assertThat(m.muX()[0]).isEqualTo(1.5);
        assertThat(m.muY()[0]).isEqualTo(2.25);
        assertThat(m.sigmaXX()[0][0]).isEqualTo(1.25);
        assertThat(m.sigmaXY()[0][0]).isEqualTo(1.125);
        assertThat(m.sigmaYY()[0][0]).isEqualTo(1.1875);
        GaussianRegression.Fit f = GaussianRegression.fit(x, y);
        assertThat(f.weights()[0][0]).isCloseTo(0.9, within(2 * TIGHT));
        assertThat(f.bias()[0]).isCloseTo(0.9, within(4 * TIGHT));
        assertThat(GaussianRegression.conditional(x, y, x[0]).covariance()[0][0]).isCloseTo(0.175, within(4 * TIGHT));
        assertThat(GaussianRegression.mseLoss(x, y, f.weights(), f.bias())).isCloseTo(0.175, within(4 * TIGHT));
    }

    @Test
    void r2BinaryWithKnownParameters() {
        double[][] sigma = {{2, 1}, {1, 2}};
        double[] mu0 = {-1, 0};
        double[] mu1 = {1, 2};
        BinaryModel m = AnalyticLogistic.binaryFromParameters(mu0, mu1, sigma, 0.75, 0.25);
        assertThat(m.w()[0]).isCloseTo(2.0 / 3, within(TIGHT));
        assertThat(m.w()[1]).isCloseTo(2.0 / 3, within(TIGHT));
        assertThat(m.b()).isCloseTo(-1.765278955334776358, within(4 * TIGHT));
        assertThat(m.probability(new double[]{0, 0})).isCloseTo(0.146130419941131203, within(TIGHT));
        assertThat(m.probability(new double[]{1, 1})).isCloseTo(0.393661830828621141, within(TIGHT));
        assertThat(m.probability(new double[]{-2, 3})).isCloseTo(0.25, within(TIGHT));
        SoftmaxModel s = AnalyticLogistic.softmaxFromParameters(new double[][]{mu0, mu1}, sigma, new double[]{0.75, 0.25});
        assertThat(s.weights()[0][0]).isCloseTo(-2.0 / 3, within(TIGHT));
        assertThat(s.weights()[0][1]).isCloseTo(1.0 / 3, within(TIGHT));
        assertThat(s.weights()[1][0]).isCloseTo(0, within(TIGHT));
        assertThat(s.weights()[1][1]).isCloseTo(1, within(TIGHT));
        assertThat(s.bias()[0]).isCloseTo(-0.621015405785114261, within(2 * TIGHT));
        assertThat(s.bias()[1]).isCloseTo(-2.386294361119890619, within(4 * TIGHT));
    }

    @Test
    void r2EstimationFromData() {
        double[][] x = {{0, 0}, {2, 0}, {1, 1}, {1, 3}, {4, 2}};
        int[] y = {0, 0, 1, 1, 1};
        ClassStatistics s = ClassStatistics.of(x, y, 2);
        assertThat(s.means()[0]).containsExactly(1, 0);
        assertThat(s.means()[1]).containsExactly(2, 2);
        assertThat(s.totalMean()[0]).isCloseTo(8.0 / 5, within(TIGHT));
        assertThat(s.totalMean()[1]).isCloseTo(6.0 / 5, within(TIGHT));
        assertThat(s.totalCovariance()[0][0]).isCloseTo(46.0 / 25, within(4 * TIGHT));
        assertThat(s.totalCovariance()[0][1]).isCloseTo(12.0 / 25, within(4 * TIGHT));
        assertThat(s.totalCovariance()[1][1]).isCloseTo(34.0 / 25, within(4 * TIGHT));
        assertThat(s.pooledCovariance()[0][0]).isCloseTo(8.0 / 5, within(4 * TIGHT));
        assertThat(s.pooledCovariance()[0][1]).isCloseTo(0, within(4 * TIGHT));
        assertThat(s.pooledCovariance()[1][1]).isCloseTo(2.0 / 5, within(4 * TIGHT));
        double[][] article = s.articleCovariance();
        assertThat(article[0][0]).isCloseTo(8.0 / 5, within(16 * TIGHT));
        assertThat(article[1][1]).isCloseTo(2.0 / 5, within(16 * TIGHT));
        BinaryModel m = AnalyticLogistic.fitBinary(x, y);
        assertThat(m.w()[0]).isCloseTo(5.0 / 8, within(2 * TIGHT));
        assertThat(m.w()[1]).isCloseTo(5, within(16 * TIGHT));
        assertThat(m.b()).isCloseTo(-5.532034891891835618, within(16 * TIGHT));
        SoftmaxModel sm = AnalyticLogistic.fitSoftmax(x, y, 2);
        assertThat(sm.bias()[0]).isCloseTo(-1.228790731874155, within(8 * TIGHT));
        assertThat(sm.bias()[1]).isCloseTo(-6.760825623765991, within(16 * TIGHT));
    }

    @Test
    void r3BayesAccuracies() {
        assertThat(GaussianClassConditionals.accuracyFromDistance(2.5, 0.3)).isCloseTo(0.9064345571470210678, within(2 * TIGHT));
        assertThat(GaussianClassConditionals.accuracyFromDistance(2.5, 0.5)).isCloseTo(0.8943502263331447423, within(2 * TIGHT));
        assertThat(ErrorFunctions.normalCdf(1.25)).isCloseTo(0.8943502263331447423, within(2 * TIGHT));
        assertThat(GaussianClassConditionals.accuracyFromDistance(0, 0.3)).isEqualTo(0.7);
    }

    @Test
    void r3ConsistencyConfigurationC1() {
        double[][] sigma = SyntheticClasses.ar1(4, 0.5);
        double[] mu0 = {0, 0, 0, 0};
        double[] mu1 = {1, -0.5, 0.5, 1};
        BinaryModel m = AnalyticLogistic.binaryFromParameters(mu0, mu1, sigma, 0.6, 0.4);
        double[] expected = {5.0 / 3, -11.0 / 6, 0.5, 1};
        for (int a = 0; a < 4; a++) {
            assertThat(m.w()[a]).isCloseTo(expected[a], within(8 * TIGHT));
        }
        assertThat(m.b()).isCloseTo(-2.322131774774831049, within(8 * TIGHT));
        assertThat(GaussianClassConditionals.bayesAccuracy(mu0, mu1, sigma, 0.4)).isCloseTo(0.8412773966527019093, within(4 * TIGHT));
        assertThat(Math.sqrt(23.0 / 6)).isCloseTo(1.957890020745121764, within(TIGHT));
    }
}
