/**
 * Lossless widening of a reference Transformer by an integer factor {@code k} (WIDEN-F11 to F23).
 *
 * <p>{@link io.formulary.core.widen.RepeatPattern} and {@link io.formulary.core.widen.Repeat} repeat axes
 * ({@code INTERLEAVED}, {@code TILED}, {@code PAIR_BLOCK}); {@link io.formulary.core.widen.ScaleCalculus} gives the
 * factor rules; {@link io.formulary.core.widen.WideningPlan} assigns the scale of every activation space and derives
 * every weight factor from it; {@link io.formulary.core.widen.ModelWidener} widens and narrows whole models under
 * {@link io.formulary.core.widen.WideningOptions} ({@code exact()}, {@code exactCarry()} for RoPE,
 * {@code articleLiteral()}); {@link io.formulary.core.widen.FactorTable} is the corrected table beside the article's;
 * {@link io.formulary.core.widen.RopeWidening} quantifies the standard-schedule RoPE loss; and
 * {@link io.formulary.core.widen.WidenReport} produces the chapter's report data.
 */
package io.formulary.core.widen;
