package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: the second FFN bias is widened with the article's factor {@code k^{-1}} instead of {@code k^{-1/2}} under the pair transform (erratum E1). Caught by WIDEN-P8. */
public class ArticleSecondBiasWidener extends ReferenceWidening {

    @Override
    public WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return super.widen(config, weights, k, options.withFfn2BiasFactor(io.formulary.core.widen.Ffn2BiasFactor.ARTICLE));
    }
}
