package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.widen.ReferenceWidening;
import io.formulary.core.widen.ModelWidener;

/** Mutant: narrowing leaves a stray factor {@code k^{-1/2}} on every tensor (as if it forgot to undo the
 * repeat-and-divide factor once). Caught by WIDEN-P13. */
public class NarrowWithoutFactorNarrower extends ReferenceWidening {

    @Override
    public WidenedModel narrow(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        WidenedModel right = ModelWidener.narrow(config, weights, k, options);
        java.util.Map<String, Object> named = right.weights().named();
        java.util.Map<String, Object> scaled = new java.util.LinkedHashMap<>();
        double s = Math.sqrt(k);
        named.forEach((name, v) -> {
            if (name.equals("theta") || name.equals("b_out")) {
                scaled.put(name, v);
            } else if (v instanceof double[][] m) {
                for (double[] row : m) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] /= s;
                    }
                }
                scaled.put(name, m);
            } else {
                double[] a = (double[]) v;
                for (int j = 0; j < a.length; j++) {
                    a[j] /= s;
                }
                scaled.put(name, a);
            }
        });
        return new WidenedModel(right.config(), TransformerWeights.fromNamed(scaled, right.config().numLayers()));
    }
}
