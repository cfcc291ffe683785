package io.formulary.bench;

import io.formulary.core.nn.ForwardResult;
import io.formulary.core.nn.RandomInit;
import io.formulary.core.nn.ReferenceTransformer;
import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.ModelWidener;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Forward pass of a BERT-like reference model ({@code V=1000, d=64, H=4, D=256, L=2}, 32 tokens) and of its exact
 * 2x widening ({@code d=128, D=512}), and the widening itself. Figures on a shared machine are noisy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WidenBench {

    private TransformerConfig config;
    private TransformerWeights weights;
    private WidenedModel wide;
    private int[] tokens;

    @Setup
    public void setUp() {
        config = TransformerConfig.bertLike(1000, 64, 4, 256, 2);
        weights = RandomInit.chapter(0.7).sample(config, 2021);
        wide = ModelWidener.widen(config, weights, 2, WideningOptions.exact());
        SplittableRandom r = new SplittableRandom(7);
        tokens = new int[32];
        for (int m = 0; m < tokens.length; m++) {
            tokens[m] = r.nextInt(1000);
        }
    }

    @Benchmark
    public ForwardResult forwardBertLike() {
        return ReferenceTransformer.forward(config, weights, tokens, null);
    }

    @Benchmark
    public ForwardResult forwardBertLikeWidened2x() {
        return ReferenceTransformer.forward(wide.config(), wide.weights(), tokens, null);
    }

    @Benchmark
    public WidenedModel widen2x() {
        return ModelWidener.widen(config, weights, 2, WideningOptions.exact());
    }
}
