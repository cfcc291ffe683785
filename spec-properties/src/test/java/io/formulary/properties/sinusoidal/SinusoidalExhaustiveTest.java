package io.formulary.properties.sinusoidal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Heavy sweeps of the SIN chapter (excluded by default; run with the exhaustive profile). */
@Tag("exhaustive")
class SinusoidalExhaustiveTest {

    @Test
    void scheduleComparisonFullGrid() {
        // SIN-P17 on the chapter's full 4001-point grid of (0, 1e4]: minutes of quadrature
        SinusoidalProperties.positivityOnGrid(1);
    }
}
