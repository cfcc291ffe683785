package io.formulary.properties.protocol;

import io.formulary.properties.PropertyHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static io.formulary.properties.PropertyHarness.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

/** The number mapping of the eval protocol: exact round trips with the fewest digits. */
class JsonValuesTest {

    @Test
    void shortestDecimalsRoundTripAndCannotBeShortened() {
        PropertyHarness.falsify("ORTHO-P1", () -> qt(20_000).forAll(longs().all()
                .map(Double::longBitsToDouble).mix(doubles().any())).checkAssert(x -> {
            if (!Double.isFinite(x)) {
                return;
            }
            String s = JsonValues.shortest(x);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(x);
            BigDecimal d = new BigDecimal(s);
            if (d.precision() > 1) {
                String shorter = d.round(new MathContext(d.precision() - 1, RoundingMode.HALF_EVEN)).toString();
                assertThat(Double.parseDouble(shorter)).as("%s is shorter than %s", shorter, s).isNotEqualTo(x);
            }
        })).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    @Test
    void knownValues() {
        assertThat(JsonValues.shortest(0.1)).isEqualTo("0.1");
        assertThat(JsonValues.shortest(-0.0)).isEqualTo("-0.0");
        assertThat(Double.parseDouble(JsonValues.shortest(Double.MIN_VALUE))).isEqualTo(Double.MIN_VALUE);
        // JDK 17 writes 4.9E-324, one digit more than needed: 5E-324 already parses to the same double
        assertThat(JsonValues.shortest(Double.MIN_VALUE)).isEqualTo("5E-324");
        assertThat(JsonValues.shortest(1e23)).isEqualTo("1E23");
        assertThat(JsonValues.number(Double.NaN, false).asText()).isEqualTo("NaN");
        assertThat(JsonValues.number(Double.NEGATIVE_INFINITY, false).asText()).isEqualTo("-Infinity");
        assertThat(JsonValues.number(3.0, true).asText()).isEqualTo("0x1.8p1");
    }
}
