package io.formulary.properties.rope;

import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryEmbedding2d;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grid batch of F7 equals the per-vector rotation bit for bit. */
class RopeGridTest {

    @Test
    @DisplayName("rotateGrid equals rotate2d per cell, in both variants and phase modes")
    void gridEqualsPerVector() {
        SplittableRandom r = new SplittableRandom(11);
        int h = 5;
        int w = 7;
        for (int d : new int[] {4, 16, 128}) {
            double[][] v = new double[h * w][];
            for (int i = 0; i < v.length; i++) {
                v[i] = RopeGens.vector(d, r);
            }
            for (AxisAssignment variant : AxisAssignment.values()) {
                for (PhaseMode mode : PhaseMode.values()) {
                    double[][] grid = RotaryEmbedding2d.rotateGrid(v, h, w, 1e4, variant, mode);
                    for (int x = 0; x < h; x++) {
                        for (int y = 0; y < w; y++) {
                            assertThat(grid[x * w + y]).as("d=%d %s %s cell (%d,%d)", d, variant, mode, x, y)
                                    .containsExactly(RotaryEmbedding2d.rotate2d(v[x * w + y], x, y, 1e4, variant, mode));
                        }
                    }
                }
            }
        }
        assertThatThrownBy(() -> RotaryEmbedding2d.rotateGrid(new double[6][8], 2, 2, 1e4, AxisAssignment.AXIS_SPLIT, PhaseMode.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("vectors: row count 6");
    }
}
