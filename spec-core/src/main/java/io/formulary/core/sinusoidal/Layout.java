package io.formulary.core.sinusoidal;

/**
 * Where the sine and cosine of pair {@code i} sit in the encoding vector.
 *
 * <ul>
 *   <li>{@link #STANDARD}: sin at {@code 2i}, cos at {@code 2i+1}. Vaswani et al. 2017, the PyTorch tutorial /
 *       Annotated Transformer, Hugging Face {@code create_sinusoidal_embeddings} (DistilBERT).</li>
 *   <li>{@link #ARTICLE}: cos at {@code 2i}, sin at {@code 2i+1}, i.e. pair {@code i} is
 *       {@code e^{i k theta_i}} read as (real, imaginary). The article's eq. r2; the rotary (RoPE) convention.</li>
 *   <li>{@link #CONCAT}: all sines first, then all cosines ({@code concat[i] = sin}, {@code concat[d/2+i] = cos}).
 *       tensor2tensor {@code get_timing_signal_1d}, fairseq {@code SinusoidalPositionalEmbedding}, the DDPM
 *       timestep embedding, the HF RoFormer sinusoidal table.</li>
 * </ul>
 * The layouts are permutations of one another ({@link SinusoidalEncoding#convert}); every inner product between
 * encodings in the same layout is the same in all three.
 */
public enum Layout {
    /** sin at 2i, cos at 2i+1 (the paper). */
    STANDARD,
    /** cos at 2i, sin at 2i+1 (the article; complex form). */
    ARTICLE,
    /** all sin, then all cos (tensor2tensor / fairseq). */
    CONCAT;

    /** Index of {@code sin(k theta_i)} in a vector of dimension {@code d}. */
    public int sinIndex(int i, int d) {
        return switch (this) {
            case STANDARD -> 2 * i;
            case ARTICLE -> 2 * i + 1;
            case CONCAT -> i;
        };
    }

    /** Index of {@code cos(k theta_i)} in a vector of dimension {@code d}. */
    public int cosIndex(int i, int d) {
        return switch (this) {
            case STANDARD -> 2 * i + 1;
            case ARTICLE -> 2 * i;
            case CONCAT -> d / 2 + i;
        };
    }
}
