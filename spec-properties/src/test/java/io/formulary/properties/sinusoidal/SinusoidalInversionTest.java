package io.formulary.properties.sinusoidal;

import io.formulary.core.sinusoidal.Layout;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovering positions from encodings: exact inside |k| < pi b^{(d-2)/d}, visibly wrong outside. */
class SinusoidalInversionTest {

    @Test
    void positionsInsideTheUniqueRangeAreRecovered() {
        SplittableRandom r = new SplittableRandom(5);
        for (int d : new int[] {2, 8, 64, 128, 512}) {
            for (double b : new double[] {1e4, 1e3, 100}) {
                for (Layout layout : Layout.values()) {
                    double range = Math.PI * StrictMath.pow(b, (d - 2.0) / d);
                    for (int t = 0; t < 20; t++) {
                        double k = (2 * r.nextDouble() - 1) * 0.999 * range;
                        k = t % 2 == 0 ? Math.rint(k) : Math.rint(k * 1024) / 1024;
                        SinusoidalEncoding.Recovery rec = SinusoidalEncoding.recoverPosition(
                                SinusoidalEncoding.encode(k, d, b, layout, io.formulary.core.sinusoidal.FrequencyRule.PAPER,
                                        io.formulary.core.sinusoidal.PhaseMode.EXACT), d, b, layout);
                        assertThat(rec.uniqueHalfRange()).isEqualTo(range, org.assertj.core.data.Offset.offset(range * 1e-12));
                        assertThat(Math.abs(rec.position() - k)).as("d=%s b=%s k=%s %s", d, b, k, layout)
                                .isLessThanOrEqualTo(1e-12 * (1 + Math.abs(k)));
                        assertThat(rec.residual()).isLessThanOrEqualTo(1e-9);
                    }
                }
            }
        }
    }

    @Test
    void positionsOutsideTheRangeAliasAndTheResidualShowsIt() {
        int d = 128;
        double b = 1e4;
        double period = 2 * Math.PI * StrictMath.pow(b, (d - 2.0) / d);
        for (double k : new double[] {Math.rint(period) + 17, 3 * Math.rint(period) - 5, 1e6, 123456789}) {
            SinusoidalEncoding.Recovery rec = SinusoidalEncoding.recoverPosition(SinusoidalEncoding.encode(k, d, b), d, b,
                    Layout.STANDARD);
            assertThat(Math.abs(rec.position() - k)).as("k=%s", k).isGreaterThan(1);
            assertThat(rec.residual()).as("k=%s", k).isGreaterThan(1e-3);
        }
        // d = 2 has a single frequency 1: unique only modulo 2 pi
        SinusoidalEncoding.Recovery two = SinusoidalEncoding.recoverPosition(SinusoidalEncoding.encode(7, 2, b), 2, b, Layout.STANDARD);
        assertThat(two.position()).isCloseTo(7 - 2 * Math.PI, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(two.residual()).isLessThan(1e-12);
    }
}
