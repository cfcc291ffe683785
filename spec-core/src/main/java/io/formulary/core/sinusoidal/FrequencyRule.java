package io.formulary.core.sinusoidal;

/**
 * How the pair frequencies are derived from the base.
 *
 * <ul>
 *   <li>{@link #PAPER}: {@code theta_i = base^(-2i/d)}, lowest frequency {@code base^(-(d-2)/d)}. Vaswani et al.,
 *       the PyTorch tutorial ({@code exp(arange(0, d, 2) * (-ln 10000 / d))}), Hugging Face DistilBERT and
 *       RoFormer tables, this article.</li>
 *   <li>{@link #DIVISOR}: {@code theta_i = base^(-i/(d/2 - 1))}, lowest frequency exactly {@code 1/base}.
 *       tensor2tensor {@code get_timing_signal_1d}, fairseq, the DDPM timestep embedding (they write
 *       {@code exp(-i ln(base)/(d/2 - 1))}, with the divisor clamped to at least 1).</li>
 * </ul>
 */
public enum FrequencyRule {
    /** {@code base^(-2i/d)}. */
    PAPER,
    /** {@code base^(-i/(d/2 - 1))}. */
    DIVISOR
}
