package io.formulary.properties.gauss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.formulary.core.gauss.Divergences;
import io.formulary.core.gauss.Gaussian;
import io.formulary.core.gauss.SpdMatrices;
import io.formulary.core.gauss.Wasserstein;

/** The chapter's bad-input rules: every violation is an IllegalArgumentException naming the parameter. */
class GaussBadInputTest {

    private static final double[][] S2 = {{2, 1}, {1, 2}};
    private static final double[] M2 = {0, 0};

    @Test
    void malformedMatricesAreRejected() {
        assertThatThrownBy(() -> Divergences.klDivergence(M2, null, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmaP");
        assertThatThrownBy(() -> Divergences.klDivergence(M2, new double[0][], M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP");
        assertThatThrownBy(() -> Divergences.klDivergence(M2, S2, M2, new double[][] {{1, 0, 0}, {0, 1, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaQ").hasMessageContaining("square");
        assertThatThrownBy(() -> Divergences.klDivergence(M2, new double[][] {{1, 0}, {0}}, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP");
    }

    @Test
    void dimensionMismatchNamesTheParameter() {
        assertThatThrownBy(() -> Divergences.klDivergence(M2, S2, new double[] {0, 0, 0}, S2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("muQ: length 3 does not match sigmaQ (2 x 2)");
        assertThatThrownBy(() -> Wasserstein.w2(M2, S2, M2, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaQ").hasMessageContaining("match");
        assertThatThrownBy(() -> Gaussian.logPdf(new double[] {1}, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("x: length 1");
        assertThatThrownBy(() -> Gaussian.gaussianIntegral(S2, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("omega");
        assertThatThrownBy(() -> SpdMatrices.traceIdentities(S2, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("B");
    }

    @Test
    void nonFiniteEntriesAreRejected() {
        assertThatThrownBy(() -> Divergences.bhattacharyyaDistance(M2, new double[][] {{1, 0}, {Double.NaN, 1}}, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sigmaP[1][0] is NaN");
        assertThatThrownBy(() -> Wasserstein.w2(M2, S2, new double[] {0, Double.POSITIVE_INFINITY}, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("muQ[1] is infinite");
        assertThatThrownBy(() -> Divergences.klDivergence1d(Double.NaN, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("muP is NaN");
    }

    @Test
    void asymmetryBeyondTheToleranceIsRejectedAndTinyAsymmetryIsSymmetrised() {
        double[][] bad = {{2, 1}, {1 + 3.1e-5, 2}};
        assertThatThrownBy(() -> Divergences.klDivergence(M2, bad, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP: not symmetric");
        double[][] tiny = {{2, 1}, {1 + 1e-13, 2}};
        double[][] sym = {{2, 1 + 0.5e-13}, {1 + 0.5e-13, 2}};
        assertThat(Divergences.klDivergence(M2, tiny, M2, S2)).isEqualTo(Divergences.klDivergence(M2, sym, M2, S2));
    }

    @Test
    void notPositiveDefiniteIsRejected() {
        assertThatThrownBy(() -> Wasserstein.w2(M2, S2, M2, new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaQ: not positive definite");
        assertThatThrownBy(() -> Gaussian.entropy(new double[][] {{1, 1}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigma: not positive definite");
        assertThatThrownBy(() -> Divergences.klDivergence(M2, new double[][] {{0, 0}, {0, 1}}, M2, S2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP: not positive definite");
    }

    @Test
    void everyRankDeficientGramMatrixIsRejectedAndNearSingularOnesAccepted() {
        SplittableRandom r = new SplittableRandom(6);
        for (int k = 0; k < 200; k++) {
            int n = 2 + r.nextInt(7);
            double[][] g = GaussGens.gaussianMatrix(n, n - 1, r);
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0;
                    for (int c = 0; c < n - 1; c++) {
                        v += g[i][c] * g[j][c];
                    }
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            double[] mu = new double[n];
            assertThatThrownBy(() -> Divergences.klToStandardNormal(mu, s))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP: not positive definite");
        }
        for (int k = 0; k < 50; k++) {
            int n = 2 + r.nextInt(5);
            double[][] s = GaussGens.spd(n, Math.pow(10, 10 + 3 * r.nextDouble()), 1, r);
            double w = Wasserstein.w2SquaredToStandardNormal(new double[n], s);
            assertThat(w).isFinite().isGreaterThanOrEqualTo(0.0);
        }
    }

    @Test
    void oneDimensionalHelpersNeedPositiveDeviations() {
        assertThatThrownBy(() -> Divergences.klDivergence1d(0, 1, 0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sdQ: must be > 0, got 0.0");
        assertThatThrownBy(() -> Divergences.bhattacharyyaDistance1d(0, -1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sdP: must be > 0");
        assertThatThrownBy(() -> Wasserstein.wasserstein1d(0, 1, 0, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("order");
    }

    @Test
    void overflowingResultsAreRejectedNotInfinite() {
        assertThatThrownBy(() -> Gaussian.mgf(new double[] {0}, new double[][] {{1}}, new double[] {40}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("omega: mgf overflows double");
        assertThatThrownBy(() -> Gaussian.gaussianIntegral(new double[][] {{1}}, new double[] {40}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("omega");
        assertThat(Gaussian.logGaussianIntegral(new double[][] {{1}}, new double[] {40})).isFinite();
        assertThatThrownBy(() -> Divergences.klDivergence1d(0, 1e300, 0, 1e-10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kl: result");
        assertThat(Gaussian.pdf(new double[] {1e5}, new double[] {0}, new double[][] {{1}})).isEqualTo(0.0);
    }

    @Test
    void nonCommutingInputToTheCommutingFormIsRejected() {
        assertThatThrownBy(() -> Wasserstein.w2SquaredCommuting(M2, S2, M2, new double[][] {{1, 0}, {0, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaQ: does not commute");
    }

    @Test
    void twoDimensionalShortcutNeedsTwoByTwo() {
        assertThatThrownBy(() -> Wasserstein.traceSqrtProduct2d(new double[][] {{1}}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sigmaP");
    }
}
