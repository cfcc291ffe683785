package io.formulary.report;

import io.formulary.core.report.ReportBlock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    private static ReportBlock.Plot plot(boolean log, ReportBlock.Kind kind, double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
        }
        return new ReportBlock.Plot("t", "c", "position m (tokens)", "error (ulps)", log, log, kind,
                List.of(new ReportBlock.Series("a", x, y)));
    }

    private static List<String> ids(String svg) {
        Matcher m = Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(svg);
        return m.results().map(r -> r.group(1)).collect(Collectors.toList());
    }

    @Test
    void aPlotIsAnSvgWithItsAxisLabels() {
        String svg = new Charts().plot(plot(false, ReportBlock.Kind.LINE, 1, 2, 3));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("viewBox='0.0 0.0 760.0 380.0'")
                .contains("position m (tokens)").contains("error (ulps)");
    }

    @Test
    void chartsOfOnePageNeverShareElementIds() {
        Charts charts = new Charts();
        List<String> a = ids(charts.plot(plot(false, ReportBlock.Kind.LINE, 1, 2, 3)));
        List<String> b = ids(charts.plot(plot(false, ReportBlock.Kind.SCATTER, 1, 2, 3)));
        assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
    }

    @Test
    void valuesALogAxisCannotShowAreGapsNotErrors() {
        String svg = new Charts().plot(plot(true, ReportBlock.Kind.LINE, 1, 0, -1, Double.NaN, Double.POSITIVE_INFINITY, 10));
        assertThat(svg).startsWith("<svg").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void textInsideTheSvgIsEscaped() {
        String svg = new Charts().plot(new ReportBlock.Plot("t", "c", "x <script>alert(1)</script>", "y & \"z\"",
                false, false, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("<b>a</b>", new double[] {1, 2}, new double[] {1, 2}),
                        new ReportBlock.Series("b", new double[] {1, 2}, new double[] {2, 1}))));
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;")
                .contains("&lt;b&gt;a&lt;/b&gt;").contains("y &amp; ");
        String heat = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of("<i>r</i>"), List.of("<i>c</i>"),
                new double[][] {{1}}, 0, 2));
        assertThat(heat).doesNotContain("<i>").contains("&lt;i&gt;r&lt;/i&gt;");
    }

    @Test
    void barsAndEmptyPlotsDraw() {
        assertThat(new Charts().plot(plot(false, ReportBlock.Kind.BAR, 3, 1, 2))).startsWith("<svg");
        String empty = new Charts().plot(new ReportBlock.Plot("t", "c", "x", "y", false, false, ReportBlock.Kind.LINE,
                List.of()));
        assertThat(empty).contains("no finite data to plot");
    }

    @Test
    void aHeatmapHasItsLabelsAndAScaleLegend() {
        String svg = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of("row A", "row B"),
                List.of("col A", "col B"), new double[][] {{1, -1}, {0.5, Double.NaN}}, -1, 1));
        assertThat(svg).startsWith("<svg").contains("row A").contains("col B").contains("colour scale -1 to 1");
        String unlabelled = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of(), List.of(),
                new double[][] {{1, 2, 3}}, 1, 3));
        assertThat(unlabelled).contains("column index (0-based)");
    }

    @Test
    void seriesBeyondThePaletteAreDashed() {
        assertThat(Charts.stroke(0).getDashArray()).isNull();
        assertThat(Charts.stroke(8).getDashArray()).isNotNull();
        assertThat(Charts.stroke(16).getDashArray()).isNotEqualTo(Charts.stroke(8).getDashArray());
    }

    @Test
    void theDivergingScaleRunsBlueWhiteRed() {
        Charts.DivergingScale s = new Charts.DivergingScale(-1, 1);
        assertThat(((java.awt.Color) s.getPaint(-1)).getBlue()).isGreaterThan(((java.awt.Color) s.getPaint(-1)).getRed());
        assertThat(((java.awt.Color) s.getPaint(1)).getRed()).isGreaterThan(((java.awt.Color) s.getPaint(1)).getBlue());
        assertThat(((java.awt.Color) s.getPaint(0)).getRed()).isGreaterThan(240);
        assertThat(s.getPaint(5)).isEqualTo(s.getPaint(1));
    }
}
