package io.formulary.bench;

import io.formulary.core.init.ActivationFunction;
import io.formulary.core.init.ActivationMoments;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.TruncatedNormalLaw;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.GaussianExpectation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** INIT: the reference quadrature, the truncation factor, the error functions and the samplers. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InitBench {

    private RandomGenerator rng;
    private TruncatedNormalLaw central;
    private TruncatedNormalLaw tail;
    private TruncatedNormalLaw farTail;
    private ToDoubleFunction<RandomGenerator> torch;
    private double x = 1.3;

    @Setup
    public void setUp() {
        rng = Sampling.generator(42);
        central = TruncatedNormalLaw.of(0, 1, -2, 2);
        tail = TruncatedNormalLaw.of(0, 1, 5, 6);
        farTail = TruncatedNormalLaw.of(0, 1, 38, Double.POSITIVE_INFINITY);
        torch = Sampling.inverseCdfSampler(0, 1, -2, 2);
    }

    @Benchmark
    public double quadratureSigmoidSquared() {
        return GaussianExpectation.of(z -> {
            double s = ActivationFunction.sigmoid(z);
            return s * s;
        });
    }

    @Benchmark
    public double secondMomentGeluScaled() {
        return ActivationMoments.moment(ActivationFunction.GELU, 2, 37.0);
    }

    @Benchmark
    public double truncatedMomentsQuadrature() {
        return TruncatedNormal.moments(0, 1, -1, 2).variance();
    }

    @Benchmark
    public double gammaSeries() {
        return TruncatedNormal.gamma(x);
    }

    @Benchmark
    public double upperTailSeries() {
        return ErrorFunctions.normalUpperTail(x);
    }

    @Benchmark
    public double upperTailFraction() {
        return ErrorFunctions.normalUpperTail(x + 3);
    }

    @Benchmark
    public double sampleNormal() {
        return Sampling.normal(rng, 0, 1);
    }

    @Benchmark
    public double sampleUniform() {
        return Sampling.uniform(rng, 0, 1);
    }

    @Benchmark
    public double sampleTruncatedTfRejection() {
        return Sampling.truncatedNormalRejection(rng, 0, 1, 2);
    }

    @Benchmark
    public double sampleTruncatedCentral() {
        return central.sample(rng);
    }

    @Benchmark
    public double sampleTruncatedTorchInverseCdf() {
        return torch.applyAsDouble(rng);
    }

    @Benchmark
    public double sampleTruncatedTailInversion() {
        return tail.sample(rng);
    }

    @Benchmark
    public double sampleTruncatedFarTailTilted() {
        return farTail.sample(rng);
    }
}
