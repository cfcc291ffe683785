package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.InitScheme;
import io.formulary.core.init.Initialization;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.WeightDistribution;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.generators.Generate;

import java.util.random.RandomGenerator;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;
import static org.quicktheories.generators.SourceDSL.doubles;

/** Dense-layer propagation (P6), initialization schemes (P7), NTK (P16), the first Adam step (P17). */
class PropagationProperties {

    /** Monte-Carlo acceptance in standard errors (F27: 6 in generated properties). */
    static final double Z = 6;

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    static PropagationProperties of(InitContract subject) {
        PropagationProperties p = new PropagationProperties();
        p.subject = subject;
        return p;
    }

    /** {@code mean of y^2} over R replicates that redraw x and W, with the F7 standard error. */
    private void checkDense(int m, WeightDistribution law, boolean reluInputs, double bias, int r, long salt) {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed() + salt);
        double v = 1.0 / m;
        double[] y2 = new double[r];
        double[] x = new double[m];
        double[] w = new double[m];
        java.util.function.ToDoubleFunction<RandomGenerator> draw = subject.weightSampler(law, v);
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < m; i++) {
                double g = rng.nextGaussian();
                x[i] = reluInputs ? Math.max(g, 0) : g;
                w[i] = draw.applyAsDouble(rng);
            }
            double y = AccurateSums.dot(x, w) + bias;
            y2[k] = y * y;
        }
        PropertyHarness.examples(r);
        double mu2x = reluInputs ? 0.5 : 1;
        double mu4x = reluInputs ? 1.5 : 3;
        double kurt = Initialization.kurtosis(law);
        double[] mom = Initialization.outputMoments(m, mu2x, mu4x, v, kurt * v * v);
        double target = subject.outputSecondMoment(fill(m, mu2x), fill(m, v), bias);
        close("F7 closed form m mu2x mu2w + b^2", target, mom[0] + bias * bias, Tolerance.relative(1e-15));
        // With bias, y^2 = y0^2 + 2 b y0 + b^2: Var adds 4 b^2 E[y0^2].
        double var = mom[2] + 4 * bias * bias * mom[0];
        MonteCarlo.Estimate e = MonteCarlo.withAnalyticVariance(y2, var);
        holds(String.format("m=%d %s relu=%s b=%s: mean y^2 %s vs %s, SE %s (z=%s)", m, law, reluInputs, bias,
                e.mean(), target, e.standardError(), Z), e.accepts(target, Z, 0));
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Property
    @Tag("INIT-P6")
    @DisplayName("INIT-P6: the dense-layer output second moment m E[x^2] E[w^2] (+ b^2) holds by Monte-Carlo within z sqrt(Var[y^2]/R) for normal, uniform and truncated-normal weights, zero-mean and ReLU inputs")
    void denseLayerSecondMoment() {
        int r = 4000;
        long salt = 0;
        for (int m : new int[] {1, 3, 64, 512}) {
            for (WeightDistribution law : WeightDistribution.values()) {
                for (boolean relu : new boolean[] {false, true}) {
                    checkDense(m, law, relu, 0, m >= 512 ? r / 8 : r, salt++);
                }
            }
            checkDense(m, WeightDistribution.NORMAL, false, 0.7, r, salt++);
        }
        close("truncated-normal kurtosis", Initialization.kurtosis(WeightDistribution.TRUNCATED_NORMAL),
                2.3655367171296495, Tolerance.relative(1e-15));
    }

    @Property
    @Tag("INIT-P7")
    @DisplayName("INIT-P7: each law's parameters give exactly the scheme variance (4 ulp); He + ReLU keeps the second moment (E relu^2 = 1/2 to 2 eps; Monte-Carlo relu -> dense(2/m))")
    void schemesRealizeTheirVariance() {
        qt().forAll(Generate.enumValues(InitScheme.class), InitGens.fans(), InitGens.fans()).checkAssert((s, in, out) -> {
            double v = subject.variance(s, in, out);
            double expected = switch (s) {
                case LECUN -> 1.0 / in;
                case HE -> 2.0 / in;
                case GLOROT -> 2.0 / (in + out);
            };
            close(s + " variance fan_in=" + in + " fan_out=" + out, v, expected, Tolerance.ulps(1));
            Initialization.LawParameters p = subject.lawParameters(v);
            close("normal std^2", p.normalStd() * p.normalStd(), v, Tolerance.ulps(4));
            close("uniform bound^2/3", p.uniformBound() * p.uniformBound() / 3, v, Tolerance.ulps(4));
            double g = TruncatedNormal.gamma(2);
            close("truncated pre-std^2 gamma(2)", p.truncatedPreStd() * p.truncatedPreStd() * g, v, Tolerance.ulps(4));
        });
        close("E relu^2 by F10", subject.moment(ActivationFunction.RELU, 2, 1), 0.5, Tolerance.ulps(2));
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        for (int m : new int[] {3, 64, 256}) {
            int r = 4000;
            double[] y2 = new double[r];
            double[] h = new double[m];
            double[] w = new double[m];
            double q = 1.7;
            java.util.function.ToDoubleFunction<RandomGenerator> draw =
                    subject.weightSampler(WeightDistribution.NORMAL, subject.variance(InitScheme.HE, m, m));
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < m; i++) {
                    h[i] = Math.max(Math.sqrt(q) * rng.nextGaussian(), 0);
                    w[i] = draw.applyAsDouble(rng);
                }
                double y = AccurateSums.dot(h, w);
                y2[k] = y * y;
            }
            PropertyHarness.examples(r);
            double expected = subject.afterRelu(m, 2.0 / m, q);
            within("afterRelu(m, 2/m, q) = q", expected, q, 2 * Math.ulp(q));
            double var = Initialization.outputMoments(m, q / 2, 1.5 * q * q, 2.0 / m, 3 * 4.0 / m / m)[2];
            MonteCarlo.Estimate e = MonteCarlo.withAnalyticVariance(y2, var);
            holds("He + ReLU, m=" + m + ": mean y'^2 " + e.mean() + " vs " + q + " (SE " + e.standardError() + ")",
                    e.accepts(q, Z, 0));
        }
    }

    @Property
    @Tag("INIT-P16")
    @DisplayName("INIT-P16: y_NTK(x; W) = y_std(x; W/sqrt m) within 4 m eps sum|x w|/sqrt m, and the weight-gradient ratio is 1/sqrt m")
    void ntkEqualsRescaledStandard() {
        qt(PropertyPolicy.examples(0.25)).forAll(InitGens.fans(), Generate.longRange(0, Long.MAX_VALUE), doubles().between(-3, 3))
                .checkAssert((m, seed, b) -> {
                    RandomGenerator rng = Sampling.generator(seed);
                    int n = 3;
                    double[] x = ResidualStackGen.row(rng, m);
                    double[][] w = new double[m][n];
                    double[][] ws = new double[m][n];
                    double root = Math.sqrt(m);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            w[i][j] = rng.nextGaussian();
                            ws[i][j] = w[i][j] / root;
                        }
                    }
                    double[] bias = {b, 0, -b};
                    double[] ntk = subject.ntkDense(x, w, bias);
                    double[] std = Initialization.dense(x, ws, bias);
                    for (int j = 0; j < n; j++) {
                        double abs = 0;
                        for (int i = 0; i < m; i++) {
                            abs += Math.abs(x[i] * w[i][j]);
                        }
                        within("output " + j + " m=" + m, ntk[j], std[j],
                                4 * m * Tolerance.EPSILON * abs / root + 2 * Math.ulp(Math.abs(std[j]) + Math.abs(b)));
                    }
                    double[] up = {1.0, -0.5, 2.0};
                    double[][] gN = Initialization.weightGradient(x, up, true);
                    double[][] gS = Initialization.weightGradient(x, up, false);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            within("gradient ratio", gN[i][j] * root, gS[i][j], 4 * Math.ulp(Math.abs(gS[i][j])));
                        }
                    }
                });
    }

    @Property
    @Tag("INIT-P17")
    @DisplayName("INIT-P17: the first Adam step has |dw| = eta |g|/(|g| + eps) <= eta with the sign opposite to g")
    void adamFirstStepIsBounded() {
        qt().forAll(doubles().between(-1e3, 1e3), InitGens.logUniform(1e-6, 1), Generate.pick(java.util.List.of(0.0, 1e-8, 1e-3)))
                .checkAssert((g, eta, eps) -> {
                    if (g == 0 && eps == 0) {
                        return;
                    }
                    double dw = subject.adamFirstStep(g, eta, eps);
                    double expected = eta * Math.abs(g) / (Math.abs(g) + eps);
                    close("|dw| for g=" + g, Math.abs(dw), expected, Tolerance.ulps(2));
                    holds("|dw| = " + Math.abs(dw) + " <= eta = " + eta, Math.abs(dw) <= eta);
                    holds("sign opposite to g", g == 0 ? dw == 0 : Math.signum(dw) == -Math.signum(g));
                });
    }
}
