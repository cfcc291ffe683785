package io.formulary.bench;

import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Rotating the queries and keys of a 2-D grid (64 x 64 patches, head dimension 128, AXIS_SPLIT, base 1e4): the
 * grid batch (cos/sin per row and column index) and the per-vector entry point, in both phase modes; plus 1-D
 * rotation of one head vector at a large position. Figures on a shared machine are noisy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RopeBench {

    @Param({"64"})
    public int side;

    @Param({"128"})
    public int headDim;

    private double[][] q;
    private double[][] k;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        q = new double[side * side][headDim];
        k = new double[side * side][headDim];
        for (int i = 0; i < side * side; i++) {
            for (int j = 0; j < headDim; j++) {
                q[i][j] = r.nextDouble(-1, 1);
                k[i][j] = r.nextDouble(-1, 1);
            }
        }
    }

    @Benchmark
    public void gridExact(Blackhole bh) {
        bh.consume(RotaryEmbedding2d.rotateGrid(q, side, side, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT));
        bh.consume(RotaryEmbedding2d.rotateGrid(k, side, side, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT));
    }

    @Benchmark
    public void gridFloat64Recipe(Blackhole bh) {
        bh.consume(RotaryEmbedding2d.rotateGrid(q, side, side, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.FLOAT64_RECIPE));
        bh.consume(RotaryEmbedding2d.rotateGrid(k, side, side, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.FLOAT64_RECIPE));
    }

    @Benchmark
    public void perVectorExact(Blackhole bh) {
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                bh.consume(RotaryEmbedding2d.rotate2d(q[x * side + y], x, y, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT));
                bh.consume(RotaryEmbedding2d.rotate2d(k[x * side + y], x, y, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT));
            }
        }
    }

    @Benchmark
    public void perVectorFloat64Recipe(Blackhole bh) {
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                bh.consume(RotaryEmbedding2d.rotate2d(q[x * side + y], x, y, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.FLOAT64_RECIPE));
                bh.consume(RotaryEmbedding2d.rotate2d(k[x * side + y], x, y, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.FLOAT64_RECIPE));
            }
        }
    }

    @Benchmark
    public double[] oneDimensionalLargePositionExact() {
        return RotaryEmbedding.rotate(q[0], 1e9 + 0.5, 1e4);
    }
}
