package io.formulary.core.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a forward pass (WIDEN-F10), copied on access.
 *
 * @param logits           {@code n x V}
 * @param logProbabilities row-wise log-softmax by log-sum-exp, {@code n x V}
 * @param probabilities    {@code exp(logit - lse)}, {@code n x V}
 * @param trace            every intermediate tensor by name (empty unless requested); see
 *                         {@link ReferenceTransformer#forward} for the keys
 */
public record ForwardResult(double[][] logits, double[][] logProbabilities, double[][] probabilities,
                            Map<String, double[][]> trace) {

    public ForwardResult {
        logits = Arrays2.copy(logits);
        logProbabilities = Arrays2.copy(logProbabilities);
        probabilities = Arrays2.copy(probabilities);
        Map<String, double[][]> t = new LinkedHashMap<>();
        trace.forEach((k, v) -> t.put(k, Arrays2.copy(v)));
        trace = Collections.unmodifiableMap(t);
    }

    @Override public double[][] logits() { return Arrays2.copy(logits); }
    @Override public double[][] logProbabilities() { return Arrays2.copy(logProbabilities); }
    @Override public double[][] probabilities() { return Arrays2.copy(probabilities); }

    @Override
    public Map<String, double[][]> trace() {
        Map<String, double[][]> t = new LinkedHashMap<>();
        trace.forEach((k, v) -> t.put(k, Arrays2.copy(v)));
        return Collections.unmodifiableMap(t);
    }

    /** One traced tensor (copied). */
    public double[][] traced(String key) {
        double[][] v = trace.get(key);
        if (v == null) {
            throw new IllegalArgumentException("key: no traced tensor named " + key + " (traced: " + trace.keySet() + ")");
        }
        return Arrays2.copy(v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForwardResult r) || !r.trace.keySet().equals(trace.keySet())) {
            return false;
        }
        for (String k : trace.keySet()) {
            if (!java.util.Arrays.deepEquals(trace.get(k), r.trace.get(k))) {
                return false;
            }
        }
        return java.util.Arrays.deepEquals(logits, r.logits) && java.util.Arrays.deepEquals(probabilities, r.probabilities);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(logits);
    }

    @Override
    public String toString() {
        return "ForwardResult[n=" + logits.length + ", V=" + logits[0].length + ", traced=" + trace.size() + "]";
    }
}
