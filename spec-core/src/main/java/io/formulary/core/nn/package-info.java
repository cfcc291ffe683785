/**
 * A small double-precision reference Transformer (WIDEN-F1 to F10), shared by the widening and the
 * initialization chapters.
 *
 * <p>Immutable values in, values out: {@link io.formulary.core.nn.TransformerConfig} (a validated record with
 * BERT-, GPT-2-, T5- and T5 v1.1-like presets and {@code with...} methods), {@link io.formulary.core.nn.TransformerWeights}
 * and {@link io.formulary.core.nn.LayerWeights} (deep-copied records in the row-vector {@code in_out} layout,
 * {@code y = xW + b}; {@code named()} and {@code fromNamed} convert to and from tensors keyed by path), seeded
 * initialization with {@link io.formulary.core.nn.RandomInit}, and the pure functions
 * {@link io.formulary.core.nn.Norms} (LayerNorm, RMSNorm), {@link io.formulary.core.nn.Linear},
 * {@link io.formulary.core.nn.Activations}, {@link io.formulary.core.nn.Attention} (multi-head, optional
 * {@code 1/sqrt(d_h)}, causal mask, RoPE via {@link io.formulary.core.nn.Rope}), {@link io.formulary.core.nn.FeedForward}
 * (plain or gated) and {@link io.formulary.core.nn.ReferenceTransformer} (embeddings, post-norm or pre-norm blocks,
 * tied, untied and MLM heads, and a forward pass that can trace every intermediate tensor by name).
 *
 * <pre>{@code
 * TransformerConfig c = TransformerConfig.bertLike(11, 8, 2, 16, 2);
 * TransformerWeights w = RandomInit.chapter(0.7).sample(c, 42);
 * ForwardResult r = ReferenceTransformer.forward(c, w, new int[] {1, 2, 3}, null, true);
 * double[][] logits = r.logits();
 * double[][] afterLayer1 = r.traced("L1.out");
 * }</pre>
 */
package io.formulary.core.nn;
