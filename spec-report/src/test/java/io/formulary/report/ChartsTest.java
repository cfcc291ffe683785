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
        String svg = new Charts().plot(plot(false, ReportBlock.Kind.LINE, 1, 2, 3)).svg();
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("viewBox='0 0 760 380'")
                .contains("position m (tokens)").contains("error (ulps)");
    }

    @Test
    void chartsOfOnePageNeverShareElementIds() {
        Charts charts = new Charts();
        List<String> a = ids(charts.plot(plot(false, ReportBlock.Kind.LINE, 1, 2, 3)).svg());
        List<String> b = ids(charts.plot(plot(false, ReportBlock.Kind.SCATTER, 1, 2, 3)).svg());
        assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
    }

    @Test
    void valuesALogAxisCannotShowAreGapsNotErrors() {
        String svg = new Charts().plot(plot(true, ReportBlock.Kind.LINE, 1, 0, -1, Double.NaN, Double.POSITIVE_INFINITY, 10)).svg();
        assertThat(svg).startsWith("<svg").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void textInsideTheSvgIsEscaped() {
        String svg = new Charts().plot(new ReportBlock.Plot("t", "c", "x <script>alert(1)</script>", "y & \"z\"",
                false, false, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("<b>a</b>", new double[] {1, 2}, new double[] {1, 2}),
                        new ReportBlock.Series("b", new double[] {1, 2}, new double[] {2, 1})))).svg();
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;")
                .contains("&lt;b&gt;a&lt;/b&gt;").contains("y &amp; ");
        String heat = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of("<i>r</i>"), List.of("<i>c</i>"),
                new double[][] {{1}}, 0, 2)).svg();
        assertThat(heat).doesNotContain("<i>").contains("&lt;i&gt;r&lt;/i&gt;");
    }

    @Test
    void tinyValuesKeepAUsableAxis() {
        for (ReportBlock.Kind kind : ReportBlock.Kind.values()) {
            for (boolean log : new boolean[] {true, false}) {
                String svg = new Charts().plot(new ReportBlock.Plot("t", "c", "x (1)", "error (1)", log, log, kind,
                        List.of(new ReportBlock.Series("s", new double[] {4, 5, 6}, new double[] {1e-18, 3e-17, 1e-15}))))
                        .svg();
                assertThat(svg).as(kind + (log ? " log" : " linear")).doesNotContain("NaN");
            }
            String single = new Charts().plot(new ReportBlock.Plot("t", "c", "x", "y", true, true, kind,
                    List.of(new ReportBlock.Series("s", new double[] {4}, new double[] {1e-18})))).svg();
            assertThat(single).as(kind + " single point").doesNotContain("NaN");
        }
    }

    @Test
    void pointsAndBarsLeaveOutWhatALogAxisCannotShow() {
        for (ReportBlock.Kind kind : List.of(ReportBlock.Kind.SCATTER, ReportBlock.Kind.BAR)) {
            String svg = new Charts().plot(plot(true, kind, 1, 0, -1, Double.NaN, 1e-300, 10)).svg();
            assertThat(svg).as(kind.toString()).doesNotContain("NaN");
        }
    }

    @Test
    void longSeriesAreThinnedKeepingPeaksDipsAndGaps() {
        double[] y = new double[100_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i * 0.001);
        }
        y[12_345] = 50;
        y[54_321] = -50;
        y[77_777] = Double.NaN;
        int[] kept = Charts.thin(y, 4000);
        assertThat(kept.length).isLessThanOrEqualTo(4000 + 2000);
        assertThat(kept).contains(12_345, 54_321, 77_777).isSorted();
        assertThat(Charts.thin(new double[] {1, 2, 3}, 4000)).containsExactly(0, 1, 2);

        Charts.Drawing d = new Charts().plot(plot(false, ReportBlock.Kind.LINE, y));
        assertThat(d.note()).startsWith("Drawn from ").contains("of 100,000 points");
        assertThat(d.svg().length()).isLessThan(150_000);
        Charts.Drawing points = new Charts().plot(plot(false, ReportBlock.Kind.SCATTER, y));
        assertThat(points.note()).contains("of 100,000 points");
        assertThat(points.svg().length()).isLessThan(600_000);
        assertThat(new Charts().plot(plot(false, ReportBlock.Kind.LINE, 1, 2)).note()).isEmpty();
    }

    @Test
    void largeHeatmapsAreOneEmbeddedImage() {
        double[][] m = new double[128][512];
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 512; j++) {
                m[i][j] = Math.sin(i * j * 0.01);
            }
        }
        Charts.Drawing d = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of(), List.of(), m, -1, 1));
        assertThat(d.svg()).contains("<image").contains("data:image/png;base64,").doesNotContain("NaN");
        assertThat(d.svg().length()).isLessThan(300_000);
        assertThat(d.note()).contains("128 x 512");
    }

    @Test
    void manyLabelsAreShownAtTicksOnly() {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add("k=" + i);
        }
        String svg = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", rows, List.of("a", "b"),
                new double[100][2], -1, 1)).svg();
        assertThat(svg).contains(">k=0<").doesNotContain(">k=1<");
        Charts.LabelFormat f = new Charts.LabelFormat(List.of("x", "y", ""));
        assertThat(f.format(1.0)).isEqualTo("y");
        assertThat(f.format(2.0)).isEqualTo("2");
        assertThat(f.format(0.5)).isEmpty();
        assertThat(f.format(7L)).isEmpty();
    }

    @Test
    void coordinatesKeepTwoDecimals() {
        assertThat(Charts.coordinate(554.9678344726562)).isEqualTo("554.97");
        assertThat(Charts.coordinate(-0.001)).isEqualTo("0");
        assertThat(Charts.coordinate(-12.5)).isEqualTo("-12.5");
        assertThat(Charts.coordinate(3)).isEqualTo("3");
        assertThat(Charts.coordinate(0.05)).isEqualTo("0.05");
    }

    @Test
    void barsAndEmptyPlotsDraw() {
        assertThat(new Charts().plot(plot(false, ReportBlock.Kind.BAR, 3, 1, 2)).svg()).startsWith("<svg");
        String empty = new Charts().plot(new ReportBlock.Plot("t", "c", "x", "y", false, false, ReportBlock.Kind.LINE,
                List.of())).svg();
        assertThat(empty).contains("no finite data to plot");
    }

    @Test
    void aHeatmapHasItsLabelsAndAScaleLegend() {
        String svg = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of("row A", "row B"),
                List.of("col A", "col B"), new double[][] {{1, -1}, {0.5, Double.NaN}}, -1, 1)).svg();
        assertThat(svg).startsWith("<svg").contains("row A").contains("col B").contains("colour scale -1 to 1");
        String unlabelled = new Charts().heatmap(new ReportBlock.Heatmap("h", "c", List.of(), List.of(),
                new double[][] {{1, 2, 3}}, 1, 3)).svg();
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
