package io.formulary.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void shortFormsAreCompactAndExactAboutSpecialValues() {
        assertThat(Numbers.short3(0)).isEqualTo("0");
        assertThat(Numbers.short3(0.5)).isEqualTo("0.5");
        assertThat(Numbers.short3(3)).isEqualTo("3");
        assertThat(Numbers.short3(12.345)).isEqualTo("12.3");
        assertThat(Numbers.short3(1.5e-17)).isEqualTo("1.5e-17");
        assertThat(Numbers.short3(2e5)).isEqualTo("2e5");
        assertThat(Numbers.short3(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.short3(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(Numbers.percent(0.75)).isEqualTo("75%");
        assertThat(Numbers.percent(0.012)).isEqualTo("1.2%");
        assertThat(Numbers.millis(1500)).isEqualTo("1.5 s");
        assertThat(Numbers.count(12345)).isEqualTo("12,345");
    }
}
