package io.formulary.core.widen;

import io.formulary.core.nn.TransformerConfig;
import io.formulary.core.nn.TransformerWeights;

/**
 * A configuration with its weights (the result of widening or narrowing).
 *
 * @param config  the configuration
 * @param weights the weights, valid for {@code config}
 */
public record WidenedModel(TransformerConfig config, TransformerWeights weights) {
}
