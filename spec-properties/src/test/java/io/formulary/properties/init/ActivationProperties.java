package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.Selu;
import io.formulary.core.numeric.GaussianExpectation;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import static io.formulary.core.init.ActivationFunction.ELU;
import static io.formulary.core.init.ActivationFunction.GELU;
import static io.formulary.core.init.ActivationFunction.GELU_TANH;
import static io.formulary.core.init.ActivationFunction.RELU;
import static io.formulary.core.init.ActivationFunction.SELU;
import static io.formulary.core.init.ActivationFunction.SIGMOID;
import static io.formulary.core.init.ActivationFunction.SILU;
import static io.formulary.core.init.ActivationFunction.SOFTPLUS;
import static io.formulary.core.init.ActivationFunction.TANH;
import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;

/** Activation moments (P8), micro-tuning (P9), bounded activations (P10), map stability (P11), SELU (P12). */
class ActivationProperties {

    /**
     * Chapter table R3 (mpmath, 25-40 digits): E f, E f^2, Var f, 1/sqrt(E f^2), 1/sd f, chi, chi_c (NaN where the
     * chapter gives none).
     */
    static final Map<ActivationFunction, double[]> R3 = new EnumMap<>(ActivationFunction.class);

    static {
        double n = Double.NaN;
        R3.put(RELU, new double[] {0.3989422804014326779399461, 0.5, 0.3408450569081046642311162,
            1.414213562373095048801689, 1.712858550449662705587859, 1, 1});
        R3.put(SIGMOID, new double[] {0.5, 0.2933790358580929627376492, 0.04337903585809296273764917,
            1.846228545338605412960881, 4.801313372039962181518641, 0.106341074741005501, 0.719200908053587609});
        R3.put(TANH, new double[] {0, 0.3942944903978411744164598, 0.3942944903978411744164598,
            1.592537419722831427770439, 1.592537419722831427770439, 0.461070830477631361, 0.461070830477631361});
        R3.put(GELU, new double[] {0.2820947917738781434740397, 0.4252214825702986749185544, 0.3456440110243510070341125,
            1.533530441195535233767746, 1.700926243363333119468658, 1.14406319687258379, 1.0621160202410985});
        R3.put(GELU_TANH, new double[] {0.2820385880787887117476441, 0.4251937110330994511985483,
            0.3456479458676227931690516, 1.533580521666146918056822, 1.700916561695450384507855, n, n});
        R3.put(SILU, new double[] {0.2066209641419070372623508, 0.3557755198173521562307943, 0.313083296994420922535595,
            1.676532470331091158604258, 1.787187222100441982034138, 1.17259405409874929, 1.10094737876331314});
        R3.put(ELU, new double[] {0.1605205722665560496217899, 0.6449454174929238630634614, 0.6191785633721412198817091,
            1.245198300700706550286952, 1.270843417850196476148518, 0.890967971855575596, 0.8602316762675008});
        R3.put(SELU, new double[] {0, 1, 1, 1, 1, 0.782647883196812847, 0.782647883196812847});
        R3.put(SOFTPLUS, new double[] {0.8060591833474397845282288, 0.9212459088593002786772487,
            0.2715145018005587318394939, 1.041866835535301708043961, 1.91912598010765640353012, n, n});
    }

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    static ActivationProperties of(InitContract subject) {
        ActivationProperties p = new ActivationProperties();
        p.subject = subject;
        return p;
    }

    @Property
    @Tag("INIT-P8")
    @DisplayName("INIT-P8: Gaussian expectations reproduce every R3 moment (rel 1e-14) and the identities: E sigmoid = 1/2, E tanh = 0, E sigmoid^2 + E sigmoid' = 1/2, E SiLU = 1/2 - E sigmoid^2, E tanh^2 + E sech^2 = 1, GELU closed forms, Stein, ELU closed forms")
    void activationMomentsMatchTheTable() {
        Tolerance rel = Tolerance.relative(1e-14).plusAbsolute(1e-15);
        String[] names = {"E f", "E f^2", "Var f", "1/sqrt(E f^2)", "1/sd f"};
        for (Map.Entry<ActivationFunction, double[]> e : R3.entrySet()) {
            ActivationMoments.Moments m = subject.activationMoments(e.getKey());
            double[] got = {m.mean(), m.secondMoment(), m.variance(), m.invRms(), m.invSd()};
            for (int i = 0; i < got.length; i++) {
                close(names[i] + " of " + e.getKey(), got[i], e.getValue()[i], rel);
            }
            close("E f^2 of " + e.getKey() + " through F10", subject.moment(e.getKey(), 2, 1), e.getValue()[1], rel);
            PropertyHarness.examples(1);
        }
        Tolerance tight = Tolerance.relative(1e-14).plusAbsolute(1e-15);
        close("E sigmoid", subject.moment(SIGMOID, 1, 1), 0.5, tight);
        close("E tanh", subject.moment(TANH, 1, 1), 0, tight);
        double sig2 = subject.moment(SIGMOID, 2, 1);
        close("E sigmoid^2 + E sigmoid'", sig2 + ActivationMoments.derivativeMean(SIGMOID), 0.5, tight);
        close("E SiLU", subject.moment(SILU, 1, 1), 0.5 - sig2, tight);
        close("E tanh^2 + E sech^2", subject.moment(TANH, 2, 1) + ActivationMoments.derivativeMean(TANH), 1, tight);
        close("E GELU = 1/(2 sqrt pi)", subject.moment(GELU, 1, 1), 1 / (2 * Math.sqrt(Math.PI)), tight);
        close("E GELU^2 = 1/3 + 1/(2 pi sqrt3)", subject.moment(GELU, 2, 1),
                1.0 / 3 + 1 / (2 * Math.PI * Math.sqrt(3)), tight);
        for (ActivationFunction f : ActivationFunction.values()) {
            if (f.smooth()) {
                close("Stein E[z f(z)] = E[f'(z)] for " + f, ActivationMoments.steinMean(f),
                        ActivationMoments.derivativeMean(f), tight);
            }
        }
        // Erratum E18: Gauss-Hermite is fine for entire integrands, poor across ELU's kink.
        double sigHermite = GaussianExpectation.gaussHermite(x -> sq(SIGMOID.apply(x)), 60);
        close("Gauss-Hermite(60) sigmoid^2", sigHermite, R3.get(SIGMOID)[1], Tolerance.relative(1e-13));
        double eluHermite = GaussianExpectation.gaussHermite(x -> sq(ELU.apply(x)), 40);
        double eluError = Math.abs(eluHermite - R3.get(ELU)[1]) / R3.get(ELU)[1];
        holds("Gauss-Hermite(40) ELU^2 relative error " + eluError + " > 1e-6 (kinked integrand)", eluError > 1e-6);
        for (double a : new double[] {0.1, 1, 1.6732632423543772}) {
            double[] closed = ActivationMoments.eluClosedForm(a);
            close("E ELU_a, a=" + a, ActivationMoments.eluMoment(a, 1), closed[0], tight);
            close("E ELU_a^2, a=" + a, ActivationMoments.eluMoment(a, 2), closed[1], tight);
        }
    }

    @Property
    @Tag("INIT-P9")
    @DisplayName("INIT-P9: micro-tuned activations have E[f~^2] = 1, E[f_c] = 0, E[f_c^2] = 1 by quadrature (rel 1e-14) and by Monte-Carlo within z SE")
    void microTunedActivationsAreNormalized() {
        Tolerance rel = Tolerance.relative(1e-14).plusAbsolute(1e-15);
        RandomGenerator rng = Sampling.generator(PropertyHarness.seed());
        int r = 100_000;
        for (ActivationFunction f : R3.keySet()) {
            double[] k = f.kinks();
            double tilde2 = GaussianExpectation.of(x -> sq(subject.microTuned(f, false, x)), k);
            close("E[f~^2] of " + f, tilde2, 1, rel);
            close("E[f_c] of " + f, GaussianExpectation.of(x -> subject.microTuned(f, true, x), k), 0, rel);
            close("E[f_c^2] of " + f, GaussianExpectation.of(x -> sq(subject.microTuned(f, true, x)), k), 1, rel);
            if (f == SIGMOID) {
                // Erratum E6: subtracting the mean after scaling leaves Var f / E f^2, not 1.
                double m = GaussianExpectation.of(x -> subject.microTuned(f, false, x), k);
                double wrong = GaussianExpectation.of(x -> sq(subject.microTuned(f, false, x) - m), k);
                close("E6: centring after scaling", wrong, 0.14786003959422425, Tolerance.relative(1e-14));
            }
            double[] v = new double[r];
            for (int i = 0; i < r; i++) {
                v[i] = sq(subject.microTuned(f, false, rng.nextGaussian()));
            }
            PropertyHarness.examples(r);
            MonteCarlo.Estimate e = MonteCarlo.estimate(v);
            holds("MC E[f~^2] of " + f + " = " + e.mean() + " +- " + e.standardError() + " accepts 1 at z=6",
                    e.accepts(1, 6, 0));
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    @Property
    @Tag("INIT-P10")
    @DisplayName("INIT-P10: sigmoid and tanh keep E[f(sqrt(q) z)^2] < 1 for q in 1e-4..1e8, increasing in q, with limits 1/4 -> 1/2 and 0 -> 1")
    void boundedActivationsStayBelowOne() {
        for (ActivationFunction f : new ActivationFunction[] {SIGMOID, TANH}) {
            double previous = -1;
            for (int k = 0; k <= 48; k++) {
                double q = StrictMath.pow(10, -4 + 0.25 * k);
                double c = subject.moment(f, 2, Math.sqrt(q));
                holds(f + ": E[f(sqrt(q) z)^2] = " + c + " < 1 at q=" + q, c < 1);
                holds(f + ": increasing at q=" + q + " (" + previous + " -> " + c + ")", c > previous);
                previous = c;
                PropertyHarness.examples(1);
            }
        }
        within("sigmoid at q=1e-4 (limit 1/4)", subject.moment(SIGMOID, 2, 1e-2), 0.25, 1e-4);
        within("sigmoid at q=1e8 (limit 1/2)", subject.moment(SIGMOID, 2, 1e4), 0.5, 1e-3);
        within("tanh at q=1e-4 (limit 0)", subject.moment(TANH, 2, 1e-2), 0, 1e-3);
        within("tanh at q=1e8 (limit 1)", subject.moment(TANH, 2, 1e4), 1, 1e-3);
    }

    @Property
    @Tag("INIT-P11")
    @DisplayName("INIT-P11: slopes chi match R3 (rel 1e-12); the mean-field map converges to 1 for sigmoid, tanh, ELU, SELU, leaves [0.5, 2] for micro-tuned GELU and SiLU, and keeps ReLU at q0")
    void fixedPointStabilityFollowsChi() {
        for (Map.Entry<ActivationFunction, double[]> e : R3.entrySet()) {
            if (!Double.isNaN(e.getValue()[5])) {
                ActivationMoments.Moments m = subject.activationMoments(e.getKey());
                close("chi of " + e.getKey(), m.chi(), e.getValue()[5], Tolerance.relative(1e-12));
                close("chi_c of " + e.getKey(), m.chiCentered(), e.getValue()[6], Tolerance.relative(1e-12));
            }
        }
        for (double q0 : new double[] {1.05, 0.95}) {
            for (ActivationFunction f : new ActivationFunction[] {SIGMOID, TANH, ELU, SELU}) {
                double q = iterate(f, q0, 40);
                holds(f + " from q0=" + q0 + " converges to 1: q_40 = " + q, Math.abs(q - 1) < 1e-3);
            }
            for (ActivationFunction f : new ActivationFunction[] {GELU, SILU}) {
                double q = iterate(f, q0, 40);
                holds(f + " from q0=" + q0 + " leaves [0.5, 2]: q_40 = " + q, !(q >= 0.5 && q <= 2));
            }
            double q = iterate(RELU, q0, 40);
            within("ReLU stays at q0", q, q0, 1e-12);
        }
    }

    private double iterate(ActivationFunction f, double q0, int steps) {
        double q = q0;
        for (int i = 0; i < steps && q > 1e-300 && q < 1e12; i++) {
            q = subject.secondMomentMap(f, false, q);
            PropertyHarness.examples(1);
        }
        return q;
    }

    @Property
    @Tag("INIT-P12")
    @DisplayName("INIT-P12: SELU constants solved from E[selu]=0, E[selu^2]=1 equal the published doubles (8 ulp) and 32-digit goldens (rel 1e-15); with the published doubles |E selu| <= 2e-16, |E selu^2 - 1| <= 4e-16")
    void seluConstantsSolveTheirEquations() {
        PropertyHarness.examples(1);
        Selu.Constants c = subject.solveSeluConstants();
        close("alpha vs published double", c.alpha(), 1.6732632423543772, Tolerance.ulps(8));
        close("lambda vs published double", c.lambda(), 1.0507009873554805, Tolerance.ulps(8));
        close("alpha vs 32-digit golden", c.alpha(), Double.parseDouble("1.6732632423543772848170429916717"),
                Tolerance.relative(1e-15));
        close("lambda vs 32-digit golden", c.lambda(), Double.parseDouble("1.0507009873554804934193349852946"),
                Tolerance.relative(1e-15));
        within("E selu with the published doubles", subject.moment(SELU, 1, 1), 0, 2e-16);
        within("E selu^2 with the published doubles", subject.moment(SELU, 2, 1), 1, 4e-16);
    }
}
