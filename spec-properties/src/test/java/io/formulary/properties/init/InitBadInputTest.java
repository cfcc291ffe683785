package io.formulary.properties.init;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.AttentionInit;
import io.formulary.core.init.InitScheme;
import io.formulary.core.init.Initialization;
import io.formulary.core.init.MonteCarlo;
import io.formulary.core.init.Normalization;
import io.formulary.core.init.ReZero;
import io.formulary.core.init.ResidualStack;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.numeric.GaussianExpectation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of the chapter's "Bad input" table: IllegalArgumentException whose message names the parameter. */
class InitBadInputTest {

    private static void rejects(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(messageStart);
    }

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    @DisplayName("sigma <= 0 and non-finite mu or sigma are rejected")
    void badLaw() {
        rejects(() -> TruncatedNormal.moments(0, 0, -1, 1), "sigma must be finite and > 0, got 0.0");
        rejects(() -> TruncatedNormal.moments(0, -1, -1, 1), "sigma");
        rejects(() -> TruncatedNormal.moments(0, NAN, -1, 1), "sigma");
        rejects(() -> TruncatedNormal.moments(0, INF, -1, 1), "sigma");
        rejects(() -> TruncatedNormal.moments(NAN, 1, -1, 1), "mu");
        rejects(() -> TruncatedNormal.moments(INF, 1, -1, 1), "mu");
        rejects(() -> Sampling.uniformFor(0, 0), "sigma");
        rejects(() -> Sampling.normalMoments(0, -2), "sigma");
        rejects(() -> Sampling.uniform(Sampling.generator(1), 0, NAN), "sigma");
    }

    @Test
    @DisplayName("empty, reversed, NaN or impossible truncation windows are rejected")
    void badWindow() {
        rejects(() -> TruncatedNormal.moments(0, 1, 1, 1), "truncation window requires a < b, got a=1.0, b=1.0");
        rejects(() -> TruncatedNormal.moments(0, 1, 2, 1), "truncation window");
        rejects(() -> TruncatedNormal.moments(0, 1, INF, INF), "truncation window");
        rejects(() -> TruncatedNormal.moments(0, 1, -INF, -INF), "truncation window");
        rejects(() -> TruncatedNormal.moments(0, 1, NAN, 1), "truncation window");
        rejects(() -> TruncatedNormal.moments(0, 1, 0, NAN), "truncation window");
        rejects(() -> Sampling.truncatedNormal(Sampling.generator(1), 0, 1, 3, 3), "truncation window");
    }

    @Test
    @DisplayName("c <= 0 or NaN is rejected")
    void badHalfWidth() {
        rejects(() -> TruncatedNormal.gamma(0), "c must be > 0");
        rejects(() -> TruncatedNormal.gamma(-1), "c must be > 0");
        rejects(() -> TruncatedNormal.gamma(NAN), "c must be > 0");
        rejects(() -> TruncatedNormal.stdCorrection(0), "c must be > 0");
        rejects(() -> TruncatedNormal.rejectionAcceptance(NAN), "c must be > 0");
    }

    @Test
    @DisplayName("fans below 1, unknown schemes or laws, and gains <= 0 are rejected")
    void badScheme() {
        rejects(() -> Initialization.variance(InitScheme.LECUN, 0, 4), "fanIn must be >= 1, got 0");
        rejects(() -> Initialization.variance(InitScheme.GLOROT, 4, 0), "fanOut must be >= 1, got 0");
        rejects(() -> Initialization.variance(null, 4, 4), "scheme");
        rejects(() -> Initialization.weightSampler(null, 1), "distribution");
        rejects(() -> Initialization.gainVariance(0, Initialization.FanMode.FAN_IN, 4, 4), "gain");
        rejects(() -> Initialization.gainVariance(-1, Initialization.FanMode.FAN_IN, 4, 4), "gain");
        rejects(() -> Initialization.lawParameters(0), "variance");
        rejects(() -> Initialization.afterRelu(0, 1, 1), "fanIn");
    }

    @Test
    @DisplayName("Gaussian expectations reject non-finite integrands and unsorted or non-finite kinks")
    void badExpectation() {
        rejects(() -> GaussianExpectation.of(x -> x < -3 ? NAN : x), "f returned NaN at x=-");
        rejects(() -> GaussianExpectation.of(x -> x > 5 ? INF : x, 0.5), "f returned Infinity at x=");
        rejects(() -> GaussianExpectation.of(x -> x, 1, 0), "kinks");
        rejects(() -> GaussianExpectation.of(x -> x, NAN), "kinks");
        rejects(() -> ActivationMoments.moment(ActivationFunction.RELU, 5, 1), "power");
        rejects(() -> ActivationMoments.moment(ActivationFunction.RELU, 2, 0), "scale");
    }

    @Test
    @DisplayName("micro-tuning an activation with E f^2 = 0 or Var f = 0 is rejected")
    void badNormalizer() {
        rejects(() -> ActivationMoments.normalizer(x -> 0, 0, 0, 0, false), "E[f(z)^2] is 0; cannot normalize");
        rejects(() -> ActivationMoments.normalizer(x -> 1, 1, 1, 0, true), "Var[f(z)] is 0");
        rejects(() -> ActivationMoments.microTuned(ActivationFunction.TANH, false, NAN), "x");
        rejects(() -> ActivationMoments.secondMomentMap(ActivationFunction.TANH, false, 0), "q");
    }

    @Test
    @DisplayName("LayerNorm/RMSNorm reject d = 0, bad epsilon, degenerate rows with epsilon = 0, bad lengths and non-finite input")
    void badNormalization() {
        double[] one = {1};
        rejects(() -> Normalization.layerNorm(new double[][] {{}}, new double[0], new double[0], 0), "x");
        rejects(() -> Normalization.layerNorm(new double[][] {{1, 2}}, new double[] {1, 1}, new double[2], -1), "epsilon");
        rejects(() -> Normalization.rmsNorm(new double[][] {{1, 2}}, new double[] {1, 1}, NAN), "epsilon");
        double[][] rows = {{1, 2}, {0, 1}, {5, 6}, {3, 3}};
        rejects(() -> Normalization.layerNorm(rows, new double[] {1, 1}, new double[2], 0),
                "epsilon=0 and row 3 has zero variance");
        rejects(() -> Normalization.rmsNorm(new double[][] {{0, 0}}, new double[] {1, 1}, 0), "epsilon=0 and row 0");
        rejects(() -> Normalization.layerNorm(new double[][] {{1, 2}}, one, new double[2], 0), "gamma");
        rejects(() -> Normalization.layerNorm(new double[][] {{1, 2}}, new double[] {1, 1}, one, 0), "beta");
        rejects(() -> Normalization.rmsNorm(new double[][] {{1, NAN}}, new double[] {1, 1}, 0), "x[0][1] is NaN");
        rejects(() -> Normalization.rmsNorm(new double[][] {{1, INF}}, new double[] {1, 1}, 0), "x[0][1] is infinite");
    }

    @Test
    @DisplayName("attention rejects dimensions below 1")
    void badAttention() {
        rejects(() -> AttentionInit.dotProductMoments(0, 1, 3, 1, 3), "d");
        rejects(() -> AttentionInit.qkInit(AttentionInit.Allocation.T5, 512, 0), "d_k: must be >= 1");
        rejects(() -> AttentionInit.qkInit(AttentionInit.Allocation.T5, 0, 64), "d_model");
        rejects(() -> AttentionInit.t5Stds(512, 64, 0, 2048), "h");
        rejects(() -> AttentionInit.softmaxJacobianNorm(new double[0]), "logits");
        rejects(() -> AttentionInit.softmaxJacobianNorm(new double[] {1, NAN}), "logits[1] is NaN");
    }

    @Test
    @DisplayName("residual analysis rejects l < 0, branch indices outside [0, l) and widths below 1")
    void badResidual() {
        rejects(() -> ResidualStack.postNormWeights(-1), "l");
        rejects(() -> ResidualStack.postNormWeight(12, 12), "k: k=12 outside [0, l=12)");
        rejects(() -> ResidualStack.postNormWeight(12, -1), "k");
        rejects(() -> ResidualStack.simulatePreNorm(Sampling.generator(1), ResidualStack.BranchKind.LINEAR, 0, 3, 0), "d");
        rejects(() -> ResidualStack.unnormalizedMeanSquare(-2, 1, true), "l");
    }

    @Test
    @DisplayName("the ReZero schedule rejects delta outside (0, 1] or NaN and s < 0")
    void badSchedule() {
        rejects(() -> ReZero.alpha(1, 0.0), "delta: must be in (0, 1], got 0.0");
        rejects(() -> ReZero.alpha(1, NAN), "delta");
        rejects(() -> ReZero.alpha(1, 1.5), "delta");
        rejects(() -> ReZero.alpha(-1, 0.1), "s");
        rejects(() -> ReZero.gatedResidual(new double[] {1}, 0.5, new double[] {INF}), "branchOutput");
        rejects(() -> ReZero.gatedResidual(new double[] {1}, NAN, new double[] {1}), "alpha");
    }

    @Test
    @DisplayName("Monte-Carlo estimates reject R < 2 and z <= 0")
    void badMonteCarlo() {
        rejects(() -> MonteCarlo.estimate(new double[] {1}), "R: must be >= 2");
        rejects(() -> MonteCarlo.accepts(MonteCarlo.estimate(new double[] {1, 2}), 1, 0, 0), "z");
        rejects(() -> MonteCarlo.estimate(new double[] {1, NAN}), "values[1] is NaN");
    }
}
