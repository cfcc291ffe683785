package io.formulary.bench;

import io.formulary.core.linear.AnalyticLogistic;
import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.SoftmaxModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Fitting time of the LOGIT chapter: the analytic binary and softmax (k = 4) solutions and the binary Newton MLE
 * comparator, for {@code N in {1e3, 1e5}} samples and {@code d in {16, 256}} features. Each call is one complete
 * fit (single-shot timing: fits at N = 1e5, d = 256 take seconds). Data: Gaussian classes with unit covariance and
 * means 0.15 apart per coordinate, drawn once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LogisticBench {

    @Param({"1000", "100000"})
    public int n;

    @Param({"16", "256"})
    public int d;

    private double[][] x;
    private int[] binary;
    private int[] four;

    @Setup(Level.Trial)
    public void draw() {
        SplittableRandom r = new SplittableRandom(20210722L);
        x = new double[n][d];
        binary = new int[n];
        four = new int[n];
        for (int j = 0; j < n; j++) {
            four[j] = j % 4;
            binary[j] = four[j] % 2;
            for (int a = 0; a < d; a++) {
                double u = 1 - r.nextDouble();
                double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
                x[j][a] = g + 0.15 * four[j] * ((a % 4) == four[j] ? 1 : 0.25);
            }
        }
    }

    @Benchmark
    public BinaryModel analyticBinary() {
        return AnalyticLogistic.fitBinary(x, binary);
    }

    @Benchmark
    public SoftmaxModel analyticSoftmax() {
        return AnalyticLogistic.fitSoftmax(x, four, 4);
    }

    @Benchmark
    public LogisticMle.BinaryFit mleBinary() {
        return LogisticMle.fitBinary(x, binary, LogisticMle.DEFAULT_LAMBDA);
    }
}
