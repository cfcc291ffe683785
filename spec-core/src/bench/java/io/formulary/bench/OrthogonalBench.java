package io.formulary.bench;

import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.orthogonal.UnitVectorTransforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * ORTHO-F16: mapping one vector with the matrix-free {@code O(d)} application versus forming the {@code d x d}
 * matrix ({@code O(d^2)}) and multiplying, for {@code d = 16, 256, 1024}; {@code multiplyPrecomputed} isolates the
 * product with an already formed matrix. Run with
 * {@code mvn -B -o -Pbench -DskipTests verify -pl spec-core -Dbench.include=OrthogonalBench} (where the bench profile's
 * build-helper plugin is not in the offline repository: compile this file with {@code javac -proc:full -processor
 * org.openjdk.jmh.generators.BenchmarkProcessor} against spec-core's classes and run {@code org.openjdk.jmh.Main}
 * with the profile's options). On a shared machine the figures are noisy; only their ratios and growth with d mean
 * much.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrthogonalBench {

    @Param({"16", "256", "1024"})
    public int d;

    private double[] a;
    private double[] b;
    private double[] x;
    private double[][] rotation;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20210605L);
        a = new double[d];
        b = new double[d];
        x = new double[d];
        for (int i = 0; i < d; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = rnd.nextGaussian();
            x[i] = rnd.nextGaussian();
        }
        rotation = UnitVectorTransforms.rotation(a, b);
    }

    @Benchmark
    public double[] applyRotation() {
        return UnitVectorTransforms.applyRotation(a, b, x);
    }

    @Benchmark
    public double[] applyHouseholder() {
        return UnitVectorTransforms.applyHouseholder(a, b, x);
    }

    @Benchmark
    public double[] rotationMatrixThenMultiply() {
        return DenseLinearAlgebra.multiply(UnitVectorTransforms.rotation(a, b), x);
    }

    @Benchmark
    public double[] householderMatrixThenMultiply() {
        return DenseLinearAlgebra.multiply(UnitVectorTransforms.householder(a, b), x);
    }

    @Benchmark
    public double[] multiplyPrecomputed() {
        return DenseLinearAlgebra.multiply(rotation, x);
    }
}
