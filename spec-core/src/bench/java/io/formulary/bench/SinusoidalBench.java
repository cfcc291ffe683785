package io.formulary.bench;

import io.formulary.core.sinusoidal.FrequencyRule;
import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.PhaseMode;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Encoding a 4096 x 128 block (positions 0..4095, d = 128, b = 1e4) in the oracle mode (double-double phases,
 * four-double 2 pi reduction) and in the float64 peer recipe, at offset 0 and at offset 1e6 (large positions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SinusoidalBench {

    @Param({"EXACT", "FLOAT64_RECIPE"})
    public PhaseMode mode;

    @Param({"0", "1000000"})
    public double offset;

    @Benchmark
    public double[][] encodeBlock() {
        return SinusoidalEncoding.table(4096, offset, 128, 1e4, Layout.STANDARD, FrequencyRule.PAPER, mode);
    }
}
