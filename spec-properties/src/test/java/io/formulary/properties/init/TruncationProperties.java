package io.formulary.properties.init;

import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.TruncatedNormalLaw;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.GaussLegendre;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;
import java.util.function.ToDoubleFunction;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;

/** Sampling laws: uniform (P1), the truncation factor (P2, P3), general windows (P4), the samplers (P5). */
class TruncationProperties {

    /** Two-sided Monte-Carlo acceptance in standard errors (>= 5, F27: 6 inside generated properties). */
    static final double Z = 6;
    private static final double EPS = Tolerance.EPSILON;

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    /** The same properties against another subject (JUnit requires a single constructor, so a factory). */
    static TruncationProperties of(InitContract subject) {
        TruncationProperties p = new TruncationProperties();
        p.subject = subject;
        return p;
    }

    @Property
    @Tag("INIT-P1")
    @DisplayName("INIT-P1: uniform bounds give mean mu and variance sigma^2; samples have them within z SE and lie in the bounds")
    void uniformLawHasPrescribedMoments() {
        qt(PropertyPolicy.examples(0.1)).forAll(InitGens.locations(), InitGens.scales()).checkAssert((mu, sigma) -> {
            Sampling.Bounds b = subject.uniformFor(mu, sigma);
            double scale = Math.max(Math.abs(mu), Sampling.SQRT3 * sigma);
            within("mean of bounds", 0.5 * (b.lower() + b.upper()), mu, 4 * EPS * scale);
            double width = b.upper() - b.lower();
            // The bounds are rounded at the scale of max|bound|: that rounding is the only allowance beyond 4 eps.
            double boundRounding = 2 * Math.ulp(Math.max(Math.abs(b.lower()), Math.abs(b.upper())));
            within("variance of bounds", width * width / 12, sigma * sigma,
                    4 * EPS * sigma * sigma + boundRounding * width / 3);
            int r = 100_000;
            RandomGenerator rng = Sampling.generator(PropertyHarness.seed() ^ Double.doubleToLongBits(mu + sigma));
            double[] x = new double[r];
            for (int i = 0; i < r; i++) {
                x[i] = subject.uniform(rng, mu, sigma);
                if (!(x[i] >= b.lower() && x[i] <= b.upper())) {
                    holds("sample " + x[i] + " outside [" + b.lower() + ", " + b.upper() + "]", false);
                }
            }
            PropertyHarness.examples(r);
            MonteCarlo.Estimate m = MonteCarlo.estimate(x);
            within("sample mean (z=" + Z + ")", m.mean(), mu, Z * sigma / Math.sqrt(r) + 4 * Math.ulp(scale));
            double[] dev2 = new double[r];
            for (int i = 0; i < r; i++) {
                double d = x[i] - mu;
                dev2[i] = d * d;
            }
            within("sample variance (z=" + Z + ", SE sigma^2 sqrt(0.8/R))", MonteCarlo.estimate(dev2).mean(),
                    sigma * sigma, Z * sigma * sigma * Math.sqrt(0.8 / r) + 1e-10 * sigma * sigma);
        });
    }

    @Property
    @Tag("INIT-P2")
    @DisplayName("INIT-P2: gamma(2) three ways (closed form, ratio of two quadratures, F3 quadrature) agree with 0.77374130354992324718")
    void gammaTwoThreeWays() {
        double golden = 0.77374130354992324718;
        PropertyHarness.examples(1);
        close("gamma(2) of the subject", subject.gamma(2), golden, Tolerance.relative(4e-16));
        // Closed form 1 - 2c phi(c)/erf(c/sqrt2), erf(sqrt2) = 1 - 2Q(2).
        double closed = 1 - 4 * ErrorFunctions.normalPdf(2) / (1 - 2 * ErrorFunctions.normalUpperTail(2));
        close("closed form", closed, golden, Tolerance.relative(4e-16));
        // Ratio of int x^2 e^{-x^2/2} and int e^{-x^2/2} over [-2, 2], 8 panels of 10-point Gauss-Legendre.
        GaussLegendre rule = GaussLegendre.tenPoint();
        double[] t = rule.nodes();
        double[] w = rule.weights();
        double num = 0;
        double den = 0;
        for (int p = 0; p < 8; p++) {
            double c = -2 + 0.25 + 0.5 * p;
            for (int k = 0; k < t.length; k++) {
                double x = c + 0.25 * t[k];
                double g = w[k] * StrictMath.exp(-0.5 * x * x);
                num += g * x * x;
                den += g;
            }
        }
        close("ratio of two quadratures", num / den, golden, Tolerance.relative(1e-15));
        close("F3 quadrature on [-2, 2]", subject.moments(0, 1, -2, 2).variance(), golden, Tolerance.relative(1e-15));
    }

    @Property
    @Tag("INIT-P3")
    @DisplayName("INIT-P3: 1/sqrt(gamma(2)) = 1.1368472343385564720, sqrt(gamma(2)) is the double .87962566103423978, and every digit the article prints matches")
    void articleDigitsMatch() {
        PropertyHarness.examples(1);
        close("1/sqrt(gamma(2))", subject.stdCorrection(2), 1.1368472343385564720, Tolerance.relative(4 * EPS));
        double sqrtGamma = Math.sqrt(subject.gamma(2));
        holds("sqrt(gamma(2)) = " + sqrtGamma + " is the double of .87962566103423978", sqrtGamma == .87962566103423978);
        holds("gamma(2) truncated to 0.7737413", truncated(subject.gamma(2), 7).equals("0.7737413"));
        holds("1/sqrt(gamma(2)) truncated to 1.1368472", truncated(subject.stdCorrection(2), 7).equals("1.1368472"));
        double sig2 = subject.activationMoments(io.formulary.core.init.ActivationFunction.SIGMOID).secondMoment();
        holds("E sigmoid^2 = " + sig2 + " truncated to 0.2933790", truncated(sig2, 7).equals("0.2933790"));
        holds("E sigmoid^2 truncated to 0.293379", truncated(sig2, 6).equals("0.293379"));
        var selu = subject.solveSeluConstants();
        holds("lambda truncated to 1.0507", truncated(selu.lambda(), 4).equals("1.0507"));
        holds("alpha truncated to 1.6732", truncated(selu.alpha(), 4).equals("1.6732"));
        // Erratum E19 (JAX's complex constant): its literal is close to sqrt(1 - 5e^-4), an unnormalized second
        // moment, and 0.9% away from the RMS of the truncated complex normal. (The chapter calls the literal equal to
        // sqrt(1 - 5e^-4) = 0.953111643804821586; it differs from it by 9e-14.)
        double jax = Math.sqrt(1 - 5 * StrictMath.exp(-4));
        within("sqrt(1 - 5 e^-4) vs JAX's .95311164380491208", jax, .95311164380491208, 1e-13);
        double rms = Math.sqrt((1 - 5 * StrictMath.exp(-4)) / (1 - StrictMath.exp(-4)));
        close("RMS of the modulus-2 truncated complex normal", rms, 0.961961828008213540, Tolerance.relative(4 * EPS));
    }

    static String truncated(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.DOWN).toPlainString();
    }

    @Property
    @Tag("INIT-P4")
    @DisplayName("INIT-P4: general windows: closed form = quadrature, symmetric windows give gamma(c), [0,inf) gives sqrt(2/pi) and 1-2/pi, narrow windows tend to the uniform, reflection, location-scale equivariance, variance <= sigma^2")
    void generalWindowIdentities() {
        // Closed form versus quadrature where both are valid.
        qt().forAll(InitGens.moderateWindows()).checkAssert(w -> {
            TruncatedNormal.Moments q = subject.moments(0, 1, w.a(), w.b());
            TruncatedNormal.Moments c = TruncatedNormal.closedFormMoments(0, 1, w.a(), w.b());
            double bound = 1e-13 * Math.max(1, Math.max(w.a() * w.a(), w.b() * w.b()));
            within("closed-form mean on " + w, q.mean(), c.mean(), bound);
            within("closed-form variance on " + w, q.variance(), c.variance(), bound);
        });
        // Symmetric windows reproduce gamma(c).
        qt().forAll(InitGens.halfWidths()).checkAssert(c ->
                close("variance of [-c, c], c=" + c, subject.moments(0, 1, -c, c).variance(), subject.gamma(c),
                        Tolerance.relative(1e-14)));
        TruncatedNormal.Moments half = subject.moments(0, 1, 0, Double.POSITIVE_INFINITY);
        close("mean of [0, inf)", half.mean(), Math.sqrt(2 / Math.PI), Tolerance.relative(1e-14));
        close("variance of [0, inf)", half.variance(), 1 - 2 / Math.PI, Tolerance.relative(1e-14));
        // Every generated window: narrow limit, reflection, bounded variance, equivariance.
        qt().forAll(InitGens.windows(), InitGens.locations(), InitGens.scales()).checkAssert((w, mu, sigma) -> {
            TruncatedNormal.Moments m = subject.moments(0, 1, w.a(), w.b());
            double lu = Math.max(1, Math.max(Math.abs(effective(w.a())), Math.abs(effective(w.b()))));
            holds("variance " + m.variance() + " <= 1 on " + w, m.variance() <= 1 && m.variance() > 0);
            holds("mean " + m.mean() + " inside " + w, m.mean() >= w.a() && m.mean() <= w.b());
            TruncatedNormal.Moments r = subject.moments(0, 1, -w.b(), -w.a());
            within("reflected mean on " + w, r.mean(), -m.mean(), 1e-14 * Math.abs(m.mean()) + 1e-14 * lu);
            close("reflected variance on " + w, r.variance(), m.variance(), Tolerance.relative(1e-14));
            double width = w.b() - w.a();
            if (width < 1e-3) {
                double centre = 0.5 * (w.a() + w.b());
                double dev = (1 + centre * centre) * width * width + 1e-14;
                within("narrow mean on " + w, m.mean(), centre, dev * Math.max(1, Math.abs(centre)));
                close("narrow variance on " + w, m.variance(), width * width / 12, Tolerance.relative(dev));
            }
            double a = mu + sigma * w.a();
            double b = mu + sigma * w.b();
            if (a < b) {
                TruncatedNormal.Moments abs = subject.moments(mu, sigma, a, b);
                TruncatedNormal.Moments std = subject.moments(0, 1, (a - mu) / sigma, (b - mu) / sigma);
                within("equivariant mean on " + w + " mu=" + mu + " sigma=" + sigma, abs.mean(), mu + sigma * std.mean(),
                        4 * Math.ulp(Math.abs(mu) + sigma * lu) + 1e-14 * sigma * lu);
                close("equivariant variance", abs.variance(), sigma * sigma * std.variance(), Tolerance.relative(1e-14));
            }
        });
        holds("variance tends to 1 as the window widens", subject.moments(0, 1, -40, 40).variance() == 1.0
                && subject.moments(0, 1, -8, 8).variance() < 1);
    }

    private static double effective(double x) {
        return Math.max(-200, Math.min(200, x));
    }

    /** A sampler check on one window: in-window, mean and variance within Z SE (F3's mu4), KS statistic. */
    private void checkSampler(String what, ToDoubleFunction<RandomGenerator> sampler, double mu, double sigma,
                              double a, double b, int r, long salt) {
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed() + salt);
        double[] x = new double[r];
        for (int i = 0; i < r; i++) {
            x[i] = sampler.applyAsDouble(rng);
            if (!(x[i] >= a && x[i] <= b)) {
                holds(what + ": draw " + x[i] + " outside [" + a + ", " + b + "]", false);
            }
        }
        PropertyHarness.examples(r);
        TruncatedNormal.Moments exact = TruncatedNormal.moments(mu, sigma, a, b);
        double mean = MonteCarlo.estimate(x).mean();
        within(what + ": sample mean (z=" + Z + ")", mean, exact.mean(),
                Z * Math.sqrt(exact.variance() / r) + 8 * Math.ulp(Math.abs(exact.mean())));
        double[] dev2 = new double[r];
        for (int i = 0; i < r; i++) {
            double d = x[i] - exact.mean();
            dev2[i] = d * d;
        }
        double v2 = exact.variance() * exact.variance();
        within(what + ": sample variance (z=" + Z + ", SE sqrt((mu4 - var^2)/R))", MonteCarlo.estimate(dev2).mean(),
                exact.variance(), Z * Math.sqrt((exact.centralFourth() - v2) / r) + 1e-12 * exact.variance());
        TruncatedNormalLaw law = TruncatedNormalLaw.of(mu, sigma, a, b);
        double ks = MonteCarlo.kolmogorovSmirnov(x, law::cdf);
        holds(what + ": KS sqrt(R) D = " + ks * Math.sqrt(r) + " <= 2.5", ks * Math.sqrt(r) <= 2.5);
    }

    @Property
    @Tag("INIT-P5")
    @DisplayName("INIT-P5: samplers (reference, TF-style, PyTorch-style) stay in the window, match F3's mean and variance within z SE and pass KS at 2.5/sqrt(R); TF-style +-2 sigma_pre gives variance sigma^2")
    void samplersMatchTheTruncatedLaw() {
        samplerChecks(SAMPLES);
    }

    /** INIT-P5 at the chapter's full size, {@code R = 2e5} draws per window (exhaustive run only). */
    @org.junit.jupiter.api.Test
    @Tag("exhaustive")
    void samplersAtChapterSize() {
        PropertyHarness.falsify("INIT-P5", () -> samplerChecks(200_000)).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    private void samplerChecks(int r) {
        double inf = Double.POSITIVE_INFINITY;
        double[][] windows = {{0, 1, -2, 2}, {0, 1, -1, 2}, {0, 1, 0, inf}, {0, 1, 2, 2.5}, {0, 1, 5, 6},
            {0, 1, 38, inf}, {0, 1, -40, -39}, {1, 2, 0, 3}, {0, 1, 10, 10 + 1e-7}};
        for (int i = 0; i < windows.length; i++) {
            double[] w = windows[i];
            checkSampler("reference sampler N(" + w[0] + "," + w[1] + "^2) on [" + w[2] + ", " + w[3] + "]",
                    subject.truncatedNormalSampler(w[0], w[1], w[2], w[3]), w[0], w[1], w[2], w[3], r, i);
        }
        checkSampler("PyTorch-style on [-2, 2]", subject.torchTruncatedNormalSampler(0, 1, -2, 2), 0, 1, -2, 2, r, 20);
        checkSampler("PyTorch-style N(1, 4) on [0, 3]", subject.torchTruncatedNormalSampler(1, 2, 0, 3), 1, 2, 0, 3, r, 21);
        for (double sigma : new double[] {0.02, 1, 3}) {
            double pre = sigma * TruncatedNormal.stdCorrection(2);
            ToDoubleFunction<RandomGenerator> tf = subject.tfTruncatedNormalSampler(0, sigma);
            checkSampler("TF-style sigma=" + sigma, tf, 0, pre, -2 * pre,
                    2 * pre, r, 30 + (long) (sigma * 100));
            double[] x = new double[r];
            RandomGenerator rng = Sampling.generator(PropertyHarness.seed() + 40 + (long) (sigma * 100));
            for (int i = 0; i < r; i++) {
                x[i] = tf.applyAsDouble(rng);
                x[i] *= x[i];
            }
            double kurt = TruncatedNormal.fourthMoment(2) / (TruncatedNormal.gamma(2) * TruncatedNormal.gamma(2));
            within("TF-style sample variance = sigma^2 (z=" + Z + ")", MonteCarlo.estimate(x).mean(), sigma * sigma,
                    Z * sigma * sigma * Math.sqrt((kurt - 1) / r));
        }
    }

    /** Draws per window of P5 by default (the chapter's 2e5 in {@link #samplersAtChapterSize}). */
    static final int SAMPLES = 10_000;
}
