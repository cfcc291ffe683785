package io.formulary.properties.sinusoidal;

import io.formulary.properties.PropertyHarness;
import org.quicktheories.core.Gen;

import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Generators of the SIN chapter: dimensions biased to the extremes, bases biased to 1e4, and positions whose
 * differences stay exact (integers, edge values, dyadic non-integers on a 1/1024 grid).
 */
public final class SinusoidalGens {

    private static final int[] DIMS = {2, 4, 6, 8, 16, 64, 128, 512, 4096};
    private static final double[] EDGE_POSITIONS = {0, 1, -1, 1e6, -1e6, 16777216, 16777217};

    private SinusoidalGens() {
    }

    /** d in {2,4,6,8,16,64,128,512,4096}: 25% d = 2, 10% d = 4096, the rest uniform over the others. */
    public static Gen<Integer> dims() {
        return integers().between(0, 99).zip(integers().between(1, DIMS.length - 2), (r, j) -> {
            if (r < 25) {
                PropertyHarness.regime("d=2");
                return 2;
            }
            if (r < 35) {
                PropertyHarness.regime("d=4096");
                return 4096;
            }
            return DIMS[j];
        });
    }

    /** Dimensions up to 128 (for properties that build several encodings per example). */
    public static Gen<Integer> smallDims() {
        return integers().between(0, 5).map(j -> new int[] {2, 4, 8, 16, 64, 128}[j]);
    }

    /** 1e4 (50%), 1e3, 2, 1e6, or log-uniform in [1.5, 1e8]. */
    public static Gen<Double> bases() {
        return integers().between(0, 99).zip(integers().between(0, 1_000_000), (r, u) -> {
            if (r < 50) {
                return 1e4;
            } else if (r < 60) {
                return 1e3;
            } else if (r < 70) {
                PropertyHarness.regime("base=2");
                return 2.0;
            } else if (r < 80) {
                return 1e6;
            }
            PropertyHarness.regime("base log-uniform");
            return 1.5 * StrictMath.pow(1e8 / 1.5, u / 1e6);
        });
    }

    /** Positions: integers in [-1e6, 1e6], edge values, or n + j/1024 (differences exact). */
    public static Gen<Double> positions() {
        return integers().between(0, 9).zip(integers().between(-1_000_000, 1_000_000), integers().between(0, 1023),
                (r, n, j) -> {
                    if (r < 2) {
                        PropertyHarness.regime("edge position");
                        return EDGE_POSITIONS[Math.floorMod(n, EDGE_POSITIONS.length)];
                    } else if (r < 5) {
                        PropertyHarness.regime("dyadic non-integer");
                        return n + j / 1024.0;
                    } else if (r < 6) {
                        PropertyHarness.regime("small position");
                        return (double) (n % 100);
                    }
                    return (double) n;
                });
    }
}
