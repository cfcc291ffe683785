package io.formulary.properties.gauss;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.properties.PropertyHarness;

/** Each GAUSS generator yields what its name says and reaches the regimes it promises (counted here). */
class GaussGensTest {

    @Test
    void spdBuilderHitsTheRequestedConditionNumber() {
        SplittableRandom r = new SplittableRandom(1);
        for (double kappa : new double[] {1, 10, 1e4, 1e8}) {
            for (int n : new int[] {1, 2, 5, 16}) {
                double[][] s = GaussGens.spd(n, kappa, 0.5, r);
                assertSymmetric(s);
                double[] ev = SymmetricMatrixFunctions.eigenvalues(s, "s");
                assertThat(ev[0]).isGreaterThan(0);
                double expected = n == 1 ? 1 : kappa;
                assertThat(ev[n - 1] / ev[0]).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-4));
            }
        }
    }

    @Test
    void spdGeneratorIsSpdAndCoversItsConditionRegimes() {
        Map<String, Integer> hits = new TreeMap<>();
        PropertyHarness.falsify("GAUSS-P20", () -> qt(300).forAll(GaussGens.spd(16)).checkAssert(s -> {
            assertSymmetric(s);
            double k = GaussGens.cond(s);
            assertThat(k).isGreaterThanOrEqualTo(1 - 1e-9).isLessThan(1.01e8);
            hits.merge(k < 1 + 1e-6 ? "kappa=1" : k > 0.99e8 ? "kappa=1e8" : k >= 1e4 ? "kappa>=1e4" : "other", 1,
                    Integer::sum);
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        assertThat(hits).containsKeys("kappa=1", "kappa=1e8", "kappa>=1e4", "other");
        assertThat(hits.get("kappa=1e8")).isGreaterThanOrEqualTo(15);
    }

    @Test
    void pairGeneratorMixesAllRegimesWithValidPairs() {
        Map<String, Integer> hits = new TreeMap<>();
        PropertyHarness.falsify("GAUSS-P4", () -> qt(400).forAll(GaussGens.pairs(16, 8)).checkAssert(p -> {
            assertThat(p.muQ()).hasSize(p.n());
            assertSymmetric(p.sigmaP());
            assertSymmetric(p.sigmaQ());
            DenseLinearAlgebra.cholesky(p.sigmaP(), "sigmaP");
            DenseLinearAlgebra.cholesky(p.sigmaQ(), "sigmaQ");
            hits.merge(p.regime(), 1, Integer::sum);
            hits.merge("n=" + p.n(), 1, Integer::sum);
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        assertThat(hits).containsKeys("general", "near-equal", "commuting", "small-subspace", "wishart", "diagonal",
                "identity", "n=1", "n=2", "n=16");
        assertThat(hits.get("near-equal")).isGreaterThanOrEqualTo(50);
    }

    @Test
    void nearEqualPairsAreWithinEpsInTheWhitenedNorm() {
        Map<String, Integer> hits = new TreeMap<>();
        PropertyHarness.falsify("GAUSS-P7", () -> qt(200).forAll(GaussGens.nearEqualPairs(8, 8, -12, -0.5))
                .checkAssert(p -> {
                    // ||L_p^{-1} Sq L_p^{-T} - I||_2 = eps ||G||_2 = eps (up to rounding of the construction).
                    double[][] l = DenseLinearAlgebra.cholesky(p.sigmaP(), "sigmaP").lower();
                    double[][] w = SymmetricMatrixFunctions.whiten(l, p.sigmaQ());
                    for (int i = 0; i < p.n(); i++) {
                        w[i][i] -= 1;
                    }
                    double rho = GaussSupport.norm2(w);
                    assertThat(Math.abs(rho - p.eps())).isLessThanOrEqualTo(1e-3 * p.eps() + 1e-10 * Math.sqrt(p.kappa()));
                    hits.merge(p.eps() < 1e-8 ? "eps<1e-8" : "eps>=1e-8", 1, Integer::sum);
                    hits.merge(p.kappa() > 1e7 ? "kappa~1e8" : "kappa<1e7", 1, Integer::sum);
                })).ifPresent(f -> {
                    throw new AssertionError(f);
                });
        assertThat(hits).containsKeys("eps<1e-8", "eps>=1e-8", "kappa~1e8");
    }

    @Test
    void commutingPairsCommute() {
        PropertyHarness.falsify("GAUSS-P13", () -> qt(100).forAll(GaussGens.commutingPairs(8)).checkAssert(p -> {
            double[][] a = DenseLinearAlgebra.multiply(p.sigmaP(), p.sigmaQ());
            double[][] b = DenseLinearAlgebra.multiply(p.sigmaQ(), p.sigmaP());
            assertThat(GaussSupport.frob(GaussSupport.sub(a, b)))
                    .isLessThanOrEqualTo(1e-12 * GaussSupport.frob(p.sigmaP()) * GaussSupport.frob(p.sigmaQ()));
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    @Test
    void nearSingularAndRankDeficientGeneratorsHitTheirRegimes() {
        int[] counts = new int[2];
        PropertyHarness.falsify("GAUSS-P11", () -> qt(100).forAll(GaussGens.nearSingular(8)).checkAssert(s -> {
            double k = GaussGens.cond(s);
            assertThat(k).isBetween(0.5e10, 2e13);
            counts[0]++;
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        PropertyHarness.falsify("GAUSS-P4", () -> qt(100).forAll(GaussGens.rankDeficient(8)).checkAssert(s -> {
            double[] ev = SymmetricMatrixFunctions.eigenvalues(s, "s");
            assertThat(Math.abs(ev[0])).isLessThanOrEqualTo(1e-12 * ev[ev.length - 1] * s.length);
            counts[1]++;
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
        assertThat(counts).containsExactly(100, 100);
    }

    @Test
    void orthogonalMatricesAreOrthogonal() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 3, 8}) {
            double[][] q = GaussGens.orthogonal(n, r);
            double[][] qtq = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(q), q);
            assertThat(GaussSupport.frob(GaussSupport.sub(qtq, GaussSupport.identity(n)))).isLessThan(1e-14 * n);
        }
    }

    private static void assertSymmetric(double[][] s) {
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                assertThat(s[i][j]).isEqualTo(s[j][i]);
            }
        }
    }
}
