package io.formulary.core.contrastive;

import io.formulary.core.numeric.Checks;

/**
 * Validation and construction of partner maps {@code pi}: the positive of row {@code i} is row {@code pi[i]}.
 * A valid map is an involution ({@code pi[pi[i]] = i}), which is exactly what a symmetric target matrix with a
 * single 1 per column is (CONTRA-F1); the masked variant also requires no fixed points.
 */
public final class Partners {

    private Partners() {
    }

    /** Interleaved pairs {@code (0,1), (2,3), ...}: {@code pi(i) = i xor 1}; {@code b} must be even. */
    public static int[] interleaved(int b) {
        Checks.atLeast(b, 2, "b");
        Checks.even(b, "b");
        int[] p = new int[b];
        for (int i = 0; i < b; i++) {
            p[i] = i ^ 1;
        }
        return p;
    }

    /** Half-split pairs: {@code pi(i) = (i + b/2) mod b}; {@code b} must be even. */
    public static int[] halfSplit(int b) {
        Checks.atLeast(b, 2, "b");
        Checks.even(b, "b");
        int[] p = new int[b];
        for (int i = 0; i < b; i++) {
            p[i] = (i + b / 2) % b;
        }
        return p;
    }

    /**
     * Validates a partner map for a batch of {@code b} rows and returns a copy.
     *
     * @throws IllegalArgumentException if the length differs from {@code b}, an entry is out of range, the map is
     *                                  not an involution, or (masked) it has a fixed point
     */
    public static int[] validate(int[] partner, int b, boolean masked) {
        Checks.notNull(partner, "partner");
        if (partner.length != b) {
            throw Checks.fail("partner", "length " + partner.length + ", expected B = " + b);
        }
        for (int i = 0; i < b; i++) {
            if (partner[i] < 0 || partner[i] >= b) {
                throw Checks.fail("partner", "partner[" + i + "]=" + partner[i] + " is out of range [0, " + b + ")");
            }
        }
        for (int i = 0; i < b; i++) {
            int j = partner[i];
            if (partner[j] != i) {
                throw Checks.fail("partner", "not an involution, partner[" + i + "]=" + j + " but partner[" + j + "]="
                        + partner[j]);
            }
        }
        if (masked) {
            if (b < 2) {
                throw Checks.fail("partner", "masked variant requires B >= 2, got " + b);
            }
            for (int i = 0; i < b; i++) {
                if (partner[i] == i) {
                    throw Checks.fail("partner", "masked variant requires partner[i] != i (violated at i=" + i + ")");
                }
            }
        }
        return partner.clone();
    }

    /**
     * Validates chunk sizes: non-empty, every size positive, summing to {@code b}. Returns a copy.
     */
    public static int[] validateChunks(int[] chunkSizes, int b) {
        Checks.notNull(chunkSizes, "chunkSizes");
        if (chunkSizes.length == 0) {
            throw Checks.fail("chunkSizes", "must not be empty");
        }
        long sum = 0;
        for (int k = 0; k < chunkSizes.length; k++) {
            if (chunkSizes[k] < 1) {
                throw Checks.fail("chunkSizes", "must be positive and sum to B=" + b + ", chunkSizes[" + k + "] is "
                        + chunkSizes[k]);
            }
            sum += chunkSizes[k];
        }
        if (sum != b) {
            throw Checks.fail("chunkSizes", "must be positive and sum to B=" + b + ", sum is " + sum);
        }
        return chunkSizes.clone();
    }

    /** Requires every chunk to be closed under the partner map (needed by the naive scheme, CONTRA-F5). */
    static void requireClosedChunks(int[] chunkSizes, int[] partner) {
        int offset = 0;
        for (int k = 0; k < chunkSizes.length; k++) {
            int end = offset + chunkSizes[k];
            for (int i = offset; i < end; i++) {
                if (partner[i] < offset || partner[i] >= end) {
                    throw Checks.fail("chunkSizes", "chunk " + k + " [" + offset + "," + end
                            + ") is not closed under partner (partner[" + i + "]=" + partner[i] + ")");
                }
            }
            offset = end;
        }
    }
}
