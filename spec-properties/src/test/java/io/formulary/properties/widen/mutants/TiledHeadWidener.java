package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: the head axes are tiled instead of repeated head-locally, so widened heads mix original heads. Caught by WIDEN-P9. */
public class TiledHeadWidener extends ReferenceWidening {

    @Override
    public WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return super.widen(config, weights, k, options.withHeadPattern(io.formulary.core.widen.HeadPattern.TILED));
    }
}
