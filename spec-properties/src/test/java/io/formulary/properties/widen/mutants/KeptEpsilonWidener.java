package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: every norm keeps its epsilon, as the article's epsilon-free LayerNorm suggests (erratum E2). Caught by WIDEN-P8. */
public class KeptEpsilonWidener extends ReferenceWidening {

    @Override
    public WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return super.widen(config, weights, k, options.withEpsilonPolicy(io.formulary.core.widen.EpsilonPolicy.KEEP));
    }
}
