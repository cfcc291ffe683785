package io.formulary.core.widen;

import io.formulary.core.numeric.Checks;

/**
 * How an axis of length {@code n} becomes an axis of length {@code kn} (WIDEN-F11): {@link #source} is the index
 * map {@code pi}, 0-based. Every pattern except {@link #NONE} is {@code k}-to-1.
 */
public enum RepeatPattern {
    /** {@code pi(i) = floor(i/k)}: each unit repeated k times in place (the article's choice; head-local). */
    INTERLEAVED,
    /** {@code pi(i) = i mod n}: the whole axis repeated k times (head-local only for one head). */
    TILED,
    /** {@code pi(i) = 2 floor(floor(i/2)/k) + (i mod 2)}: each pair repeated k times (interleaved-pair RoPE). */
    PAIR_BLOCK,
    /** {@code pi(i) = i}: the axis is not widened (vocabulary, positions). */
    NONE;

    /**
     * The source index of widened index {@code i}.
     *
     * @param i widened index, in {@code [0, kn)} ({@code [0, n)} for {@link #NONE})
     * @param n original length, {@code >= 1} (even for {@link #PAIR_BLOCK})
     * @param k widening factor, {@code >= 1}
     * @return {@code pi(i)} in {@code [0, n)}
     * @throws IllegalArgumentException {@code "k must be >= 1, got 0"} and likewise for {@code n}, {@code i} and
     *                                  an odd {@code n} with {@link #PAIR_BLOCK}
     */
    public int source(int i, int n, int k) {
        check(n, k);
        int len = widenedLength(n, k);
        if (i < 0 || i >= len) {
            throw new IllegalArgumentException("i must be in [0, " + len + "), got " + i);
        }
        return sourceUnchecked(i, n, k);
    }

    /** The widened length: {@code kn}, or {@code n} for {@link #NONE}. */
    public int widenedLength(int n, int k) {
        return this == NONE ? n : Math.multiplyExact(k, n);
    }

    void check(int n, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (this == PAIR_BLOCK && n % 2 != 0) {
            throw Checks.fail("n", "PAIR_BLOCK needs an even length, got " + n);
        }
    }

    int sourceUnchecked(int i, int n, int k) {
        switch (this) {
            case INTERLEAVED:
                return i / k;
            case TILED:
                return i % n;
            case PAIR_BLOCK:
                return 2 * ((i / 2) / k) + (i % 2);
            case NONE:
                return i;
            default:
                throw new IllegalStateException(name());
        }
    }
}
