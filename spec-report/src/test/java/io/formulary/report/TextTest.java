package io.formulary.report;

import io.formulary.report.ReportModel.Text;
import io.formulary.report.ReportModel.Text.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void pairedDollarsDelimitInlineMath() {
        assertThat(Text.parse("window $[a,b]$ and $x^2$.").segments()).containsExactly(
                new Segment("window ", false), new Segment("[a,b]", true), new Segment(" and ", false),
                new Segment("x^2", true), new Segment(".", false));
    }

    @Test
    void anUnpairedOrEscapedDollarIsText() {
        assertThat(Text.parse("costs $5").segments()).containsExactly(new Segment("costs $5", false));
        assertThat(Text.parse("a \\$ sign").segments()).containsExactly(new Segment("a $ sign", false));
        assertThat(Text.parse("$$").segments()).containsExactly(new Segment("$$", false));
    }

    @Test
    void anEscapedDollarInsideMathDoesNotCloseIt() {
        assertThat(Text.parse("$a\\$b$").segments()).containsExactly(new Segment("a\\$b", true));
    }

    @Test
    void emptyAndNullGiveNoSegments() {
        assertThat(Text.parse(null).isEmpty()).isTrue();
        assertThat(Text.parse("").isEmpty()).isTrue();
        assertThat(Text.plain("$x$").segments()).containsExactly(new Segment("$x$", false));
    }

    @Test
    void rawRestoresTheDelimiters() {
        assertThat(Text.parse("a $x$ b").raw()).isEqualTo("a $x$ b");
    }
}
