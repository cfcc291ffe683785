package io.formulary.bench;

import io.formulary.properties.protocol.EvalService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the eval protocol (parse request, convert arguments, evaluate, write the response) for a few
 * formulas at d = 64, in requests per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvalThroughputBench {

    @Param({"CONTRA-F2", "CONTRA-F4", "CONTRA-F9", "CONTRA-F14"})
    public String formula;

    private String line;
    private final EvalService service = new EvalService(false);

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(64);
        int b = 8;
        int d = 64;
        StringBuilder h = new StringBuilder("[");
        for (int i = 0; i < b; i++) {
            h.append(i == 0 ? "[" : ",[");
            for (int a = 0; a < d; a++) {
                h.append(a == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", rnd.nextGaussian()));
            }
            h.append(']');
        }
        h.append(']');
        String args = switch (formula) {
            case "CONTRA-F2" -> "{\"H\":" + h + ",\"tau\":0.5}";
            case "CONTRA-F14" -> "{\"Y\":" + h + "}";
            default -> "{\"H\":" + h + ",\"partner\":[1,0,3,2,5,4,7,6],\"tau\":0.5,\"masked\":true}";
        };
        line = "{\"id\":1,\"fn\":\"" + formula + "\",\"args\":" + args + "}";
    }

    @Benchmark
    public String request() {
        return service.answer(line, 1).toString();
    }
}
