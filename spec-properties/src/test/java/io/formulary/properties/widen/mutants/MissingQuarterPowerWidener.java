package io.formulary.properties.widen.mutants;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;
import io.formulary.core.widen.WidenedModel;
import io.formulary.core.widen.WideningOptions;
import io.formulary.properties.widen.ReferenceWidening;

/** Mutant: scaled attention is widened with the unscaled q/k factors (no {@code k^{1/4}}), so every score shrinks by {@code k^{-1/2}}. Caught by WIDEN-P8. */
public class MissingQuarterPowerWidener extends ReferenceWidening {

    @Override
    public WidenedModel widen(TransformerConfig config, TransformerWeights weights, int k, WideningOptions options) {
        return super.widen(config, weights, k, options.withOmitQuarterPower(true));
    }
}
