package io.formulary.bench;

import io.formulary.core.contrastive.Encoder;
import io.formulary.core.contrastive.GradientAccumulation;
import io.formulary.core.contrastive.Partners;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Full-batch versus two-pass accumulated gradient: B = 512, chunks of 32, d = 128, linear encoder with m = 128. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ContrastiveBench {

    private static final int B = 512;
    private static final int D = 128;
    private Encoder encoder;
    private double[] theta;
    private double[][] x;
    private int[] partner;
    private int[] chunks;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        encoder = new Encoder.Linear(D, false);
        x = new double[B][D];
        for (double[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        theta = new double[D * D];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = rnd.nextGaussian() / Math.sqrt(D);
        }
        partner = Partners.interleaved(B);
        chunks = new int[B / 32];
        java.util.Arrays.fill(chunks, 32);
    }

    @Benchmark
    public double[] fullBatch() {
        return GradientAccumulation.fullBatch(encoder, theta, x, partner, 0.1, true).grad();
    }

    @Benchmark
    public double[] twoPassChunks32() {
        return GradientAccumulation.twoPass(encoder, encoder, theta, x, partner, 0.1, true, chunks, new int[] {B}).grad();
    }
}
