package io.formulary.properties.init;

import io.formulary.core.init.Branch;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Normalization;
import io.formulary.core.init.ReZero;
import io.formulary.core.init.ResidualStack;
import io.formulary.core.init.Sampling;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

import java.util.random.RandomGenerator;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;
import static org.quicktheories.generators.SourceDSL.integers;

/** Residual variance (P18), Post-Norm (P19, P20), Pre-Norm (P21), ReZero (P22) and its schedule (P23). */
class ResidualProperties {

    static final double Z = 6;
    private static final double EPS = Tolerance.EPSILON;

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    static ResidualProperties of(InitContract subject) {
        ResidualProperties p = new ResidualProperties();
        p.subject = subject;
        return p;
    }

    @Property
    @Tag("INIT-P18")
    @DisplayName("INIT-P18: Var[x + F] = Var x + Var F for independent draws (Monte-Carlo); an unnormalized LeCun-linear stack has log2 ms(x_l) - l within z SE + 2l/d of 0")
    void residualVariancesAdd() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        int r = 100_000;
        double v1 = 2.5;
        double v2 = 0.7;
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            double x = Math.sqrt(v1) * rng.nextGaussian();
            double f = Sampling.uniform(rng, 0, Math.sqrt(v2));
            s[i] = (x + f) * (x + f);
        }
        PropertyHarness.examples(r);
        // x + F is zero-mean with variance v1 + v2 and fourth moment 3v1^2 + 6 v1 v2 + 1.8 v2^2.
        double var = v1 + v2;
        double fourth = 3 * v1 * v1 + 6 * v1 * v2 + 1.8 * v2 * v2;
        MonteCarlo.Estimate e = MonteCarlo.withAnalyticVariance(s, fourth - var * var);
        holds("Var[x + F] " + e.mean() + " vs " + var + " SE " + e.standardError(), e.accepts(var, Z, 0));
        unnormalizedStack(256, 12, 32, rng);
    }

    private void unnormalizedStack(int d, int l, int r, RandomGenerator rng) {
        close("F22 closed form 2^l", subject.unnormalizedMeanSquare(l, 1, true), Math.scalb(1.0, l), Tolerance.EXACT);
        close("F22 closed form 1 + l", subject.unnormalizedMeanSquare(l, 1, false), 1 + l, Tolerance.EXACT);
        double[][] runs = new double[r][];
        for (int i = 0; i < r; i++) {
            runs[i] = ResidualStack.simulateUnnormalized(rng, d, l);
        }
        PropertyHarness.examples(r);
        for (int t = 1; t <= l; t++) {
            double[] dev = new double[r];
            for (int i = 0; i < r; i++) {
                dev[i] = runs[i][t] - StrictMath.log(subject.unnormalizedMeanSquare(t, 1, true)) / StrictMath.log(2);
            }
            MonteCarlo.Estimate e = MonteCarlo.estimate(dev);
            holds("unnormalized stack d=" + d + " t=" + t + ": mean log2 ms - t = " + e.mean() + " SE "
                    + e.standardError(), e.accepts(0, Z, 2.0 * t / d));
        }
    }

    /** INIT-P18's stack at the chapter's size (d = 512, R = 64). */
    @Test
    @Tag("exhaustive")
    void unnormalizedStackAtChapterSize() {
        PropertyHarness.falsify("INIT-P18", () -> unnormalizedStack(512, 12, 64, Sampling.generator(18)))
                .ifPresent(f -> {
                    throw new AssertionError(f);
                });
    }

    @Property
    @Tag("INIT-P19")
    @DisplayName("INIT-P19: the idealized Post-Norm iterate (x + F(x))/sqrt2 equals the expansion x0 2^{-l/2} + sum F_k 2^{-(l-k)/2} (rel 8 l eps); squared weights sum to 1 (4 eps)")
    void postNormExpansionIsExact() {
        qt(PropertyPolicy.examples(0.25)).forAll(integers().between(0, 40), Generate.longRange(0, Long.MAX_VALUE)).checkAssert((l, seed) -> {
            RandomGenerator rng = Sampling.generator(seed);
            int d = 16;
            double[] x = ResidualStackGen.row(rng, d);
            double[] x0 = x.clone();
            double[][] outs = new double[l][];
            double[] w = subject.postNormWeights(l);
            holds("one weight per branch", w.length == l);
            for (int t = 0; t < l; t++) {
                double[] f = nonlinearBranch(rng, d).apply(x);
                outs[t] = f;
                for (int i = 0; i < d; i++) {
                    x[i] = (x[i] + f[i]) / Math.sqrt(2);
                }
            }
            double w0 = l == 0 ? 1 : w[0];
            double[] expansion = new double[d];
            double[] magnitude = new double[d];
            for (int i = 0; i < d; i++) {
                expansion[i] = w0 * x0[i];
                magnitude[i] = Math.abs(w0 * x0[i]);
                for (int k = 0; k < l; k++) {
                    expansion[i] += w[k] * outs[k][i];
                    magnitude[i] += Math.abs(w[k] * outs[k][i]);
                }
                within("entry " + i + " at l=" + l, x[i], expansion[i], 8 * Math.max(l, 1) * EPS * magnitude[i]);
            }
            double sq = w0 * w0;
            for (int k = 0; k < l; k++) {
                sq += w[k] * w[k];
            }
            within("squared weights sum at l=" + l, sq, 1, 4 * EPS);
        });
    }

    /** {@code tanh(x W)} with a random Gaussian W: a nonlinear branch. */
    private static Branch nonlinearBranch(RandomGenerator rng, int d) {
        double[][] w = new double[d][d];
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian() / Math.sqrt(d);
            }
        }
        return x -> {
            double[] y = new double[d];
            double[] col = new double[d];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    col[i] = w[i][j];
                }
                y[j] = 2 * StrictMath.tanh(AccurateSums.dot(x, col));
            }
            return y;
        };
    }

    private void postNormSimulation(ResidualStack.BranchKind kind, int d, int l, int r, RandomGenerator rng) {
        double[][] runs = new double[r][];
        for (int i = 0; i < r; i++) {
            runs[i] = ResidualStack.simulatePostNorm(rng, kind, d, l, 1e-6);
        }
        PropertyHarness.examples(r);
        double[] theory = subject.postNormWeights(l);
        for (int k = 0; k < l; k++) {
            double[] dev = new double[r];
            double target = StrictMath.log(theory[k]) / StrictMath.log(2);
            for (int i = 0; i < r; i++) {
                dev[i] = runs[i][k] - target;
            }
            MonteCarlo.Estimate e = MonteCarlo.estimate(dev);
            holds(kind + " d=" + d + " k=" + k + ": D_k = " + e.mean() + ", SE " + e.standardError() + ", bound 6 SE + "
                    + 2.0 * (l - k) / d, e.accepts(0, 6, 2.0 * (l - k) / d));
        }
    }

    @Property
    @Tag("INIT-P20")
    @DisplayName("INIT-P20: simulated RMSNorm Post-Norm stacks (l = 12, R = 64) have mean log2 omega_k within 6 SE + 2(l-k)/d of -(l-k)/2, for linear and feed-forward branches")
    void postNormBranchWeightsShrinkGeometrically() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        postNormSimulation(ResidualStack.BranchKind.LINEAR, 128, 12, 64, rng);
        postNormSimulation(ResidualStack.BranchKind.FEED_FORWARD, 64, 12, 64, rng);
    }

    /** INIT-P20 at the chapter's widths d in {256, 512, 1024}. */
    @Test
    @Tag("exhaustive")
    void postNormAtChapterSize() {
        PropertyHarness.falsify("INIT-P20", () -> {
            RandomGenerator rng = Sampling.generator(20);
            for (int d : new int[] {256, 512, 1024}) {
                postNormSimulation(ResidualStack.BranchKind.LINEAR, d, 12, 64, rng);
                // Feed-forward branches cost 8 d^2 per layer: d = 1024 is left out (hours on a shared machine).
                if (d < 1024) {
                    postNormSimulation(ResidualStack.BranchKind.FEED_FORWARD, d, 12, 64, rng);
                }
            }
        }).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    private void preNormSimulation(ResidualStack.BranchKind kind, int d, int l, int r, RandomGenerator rng) {
        double[][] runs = new double[r][];
        for (int i = 0; i < r; i++) {
            runs[i] = ResidualStack.simulatePreNorm(rng, kind, d, l, 1e-6);
        }
        PropertyHarness.examples(r);
        double[] scales = subject.preNormInputScales(l);
        for (int t = 0; t <= l; t++) {
            double[] dev = new double[r];
            // ms(x_t) = t + 1 = 1/scale_t^2 for t < l.
            double target = t < l ? 1 / (scales[t] * scales[t]) : t + 1;
            for (int i = 0; i < r; i++) {
                dev[i] = runs[i][t] / target - 1;
            }
            MonteCarlo.Estimate e = MonteCarlo.estimate(dev);
            holds(kind + " d=" + d + " t=" + t + ": ms/(t+1) - 1 = " + e.mean() + " SE " + e.standardError(),
                    e.accepts(0, 6, 4.0 / d));
        }
    }

    @Property
    @Tag("INIT-P21")
    @DisplayName("INIT-P21: Pre-Norm telescopes exactly (rel 8 l eps) and simulated stacks (R = 64) have ms(x_t)/(t+1) - 1 within 6 SE + 4/d of 0 for t = 0..l")
    void preNormGrowsLinearly() {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        for (int l : new int[] {1, 5, 12}) {
            int d = 32;
            double[] x = Normalization.rmsNormRow(ResidualStackGen.row(rng, d), 0);
            double[] x0 = x.clone();
            double[] sum = x0.clone();
            double[] mag = new double[d];
            for (int i = 0; i < d; i++) {
                mag[i] = Math.abs(x0[i]);
            }
            for (int t = 0; t < l; t++) {
                double[] f = nonlinearBranch(rng, d).apply(Normalization.rmsNormRow(x, 1e-6));
                for (int i = 0; i < d; i++) {
                    x[i] += f[i];
                    sum[i] += f[i];
                    mag[i] += Math.abs(f[i]);
                }
            }
            for (int i = 0; i < d; i++) {
                within("telescoping entry " + i + " l=" + l, x[i], sum[i], 8 * l * EPS * mag[i]);
            }
        }
        preNormSimulation(ResidualStack.BranchKind.LINEAR, 128, 12, 64, rng);
        preNormSimulation(ResidualStack.BranchKind.FEED_FORWARD, 64, 12, 64, rng);
    }

    /** INIT-P21 at the chapter's widths d in {256, 1024}. */
    @Test
    @Tag("exhaustive")
    void preNormAtChapterSize() {
        PropertyHarness.falsify("INIT-P21", () -> {
            RandomGenerator rng = Sampling.generator(21);
            for (int d : new int[] {256, 1024}) {
                preNormSimulation(ResidualStack.BranchKind.LINEAR, d, 12, 64, rng);
                preNormSimulation(ResidualStack.BranchKind.FEED_FORWARD, d == 1024 ? 512 : d, 12, 64, rng);
            }
        }).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    @Property
    @Tag("INIT-P22")
    @DisplayName("INIT-P22: with all gates 0 the ReZero stack returns its input bit for bit (also -0.0, and branches returning +-inf or NaN); with gates eps the deviation is at most eps sum ||F_t|| to first order")
    void reZeroIsTheIdentityAtInitialization() {
        qt(PropertyPolicy.examples(0.25)).forAll(integers().between(1, 24), Generate.longRange(0, Long.MAX_VALUE)).checkAssert((l, seed) -> {
            RandomGenerator rng = Sampling.generator(seed);
            int d = 8;
            double[] x0 = ResidualStackGen.row(rng, d);
            x0[0] = -0.0;
            x0[1] = 0.0;
            double[] x = x0.clone();
            double[][] poison = {{Double.NaN}, {Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY}, {0.0}};
            for (int t = 0; t < l; t++) {
                double[] f = new double[d];
                java.util.Arrays.fill(f, poison[t % poison.length][0]);
                x = subject.gatedResidual(x, 0.0, f);
            }
            for (int i = 0; i < d; i++) {
                holds("entry " + i + " unchanged bit for bit: " + x0[i] + " -> " + x[i],
                        Double.doubleToRawLongBits(x[i]) == Double.doubleToRawLongBits(x0[i]));
            }
            double gate = 1e-9;
            double[] y = x0.clone();
            double normSum = 0;
            for (int t = 0; t < l; t++) {
                double[] f = nonlinearBranch(rng, d).apply(y);
                normSum += AccurateSums.norm2(f);
                y = subject.gatedResidual(y, gate, f);
            }
            double[] diff = new double[d];
            for (int i = 0; i < d; i++) {
                diff[i] = y[i] - x0[i];
            }
            double dev = AccurateSums.norm2(diff);
            holds("deviation " + dev + " <= eps sum ||F_t|| = " + gate * normSum,
                    dev <= gate * normSum * (1 + 1e-6) + 8 * l * EPS);
        });
        double[] start = {1.0, -0.0};
        double[] out = ReZero.forward(start, new double[] {0, 0}, new Branch[] {v -> {
            throw new AssertionError("a gate-0 branch must not be evaluated");
        }, v -> new double[] {Double.NaN, Double.NaN}});
        holds("forward skips gate-0 branches", Double.doubleToRawLongBits(out[1]) == Double.doubleToRawLongBits(-0.0));
    }

    @Property
    @Tag("INIT-P23")
    @DisplayName("INIT-P23: alpha(0) = 0, non-decreasing, 1 from s* on and fl(s delta) < 1 before; s* = ceil(1/delta) except near-integer reciprocals (fl(1/3) gives 3); ten additions of 0.1 give 0.9999999999999999")
    void scheduleReachesOneOnTime() {
        for (double delta : new double[] {1e-1, 1e-3, 3e-4, 1e-4, 1.0 / 3}) {
            long sStar = ReZero.saturationStep(delta);
            long expected = delta == 1.0 / 3 ? 3 : (long) Math.ceil(1 / delta);
            holds("s* for delta=" + delta + " is " + sStar + ", expected " + expected, sStar == expected);
            holds("alpha(0) = 0", subject.alpha(0, delta) == 0);
            double previous = 0;
            for (long s = 0; s <= sStar + 5; s++) {
                double a = subject.alpha(s, delta);
                holds("non-decreasing at s=" + s, a >= previous);
                previous = a;
                if (s < sStar) {
                    holds("alpha(" + s + ") = fl(s delta) < 1", a == s * delta && a < 1);
                } else {
                    holds("alpha(" + s + ") = 1", a == 1);
                }
            }
            PropertyHarness.examples(sStar + 6);
        }
        double acc = 0;
        for (int i = 0; i < 10; i++) {
            acc += 0.1;
        }
        holds("ten additions of 0.1 = " + acc, acc == 0.9999999999999999);
        holds("a clamped accumulator is still below 1 at step 10", ReZero.accumulated(10, 0.1) < 1);
        holds("and reaches 1 at step 11", ReZero.accumulated(11, 0.1) == 1);
        holds("the product form reaches 1 at step 10", subject.alpha(10, 0.1) == 1);
    }
}
