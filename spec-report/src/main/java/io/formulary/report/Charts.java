package io.formulary.report;

import io.formulary.core.report.ReportBlock;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * Draws the chapters' plots and heat maps with JFreeChart into SVG (JFreeSVG), for inline use in the report. Each
 * chart gets its own id prefix so the clip paths of several inline SVGs in one page never collide.
 *
 * <p>Values a logarithmic axis cannot show (non-positive) and non-finite values are gaps, as
 * {@link ReportBlock.Series} specifies. Labels are drawn as given (they carry the units); {@code $} signs of inline
 * math are dropped since SVG text is not typeset.
 */
final class Charts {

    static final int PLOT_WIDTH = 760;
    static final int PLOT_HEIGHT = 380;

    /** A colour-blind-safe palette (Okabe and Ito). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        // Rotated labels (the y axis) as SVG text rather than glyph outlines: selectable, searchable, smaller.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Points per line series above which it is thinned for drawing (the SVG grows with every point). */
    static final int MAX_POINTS = 4000;
    /** The same for points and bars, which cost an SVG element each rather than a path segment. */
    static final int MAX_MARKS = 2000;
    /** Cells above which a heat map is drawn as an embedded raster image rather than one SVG rectangle per cell. */
    static final int MAX_VECTOR_CELLS = 4096;

    private int counter;

    /**
     * A chart drawn as SVG.
     *
     * @param svg  the SVG element
     * @param note what the drawing left out or simplified, for the caption (empty when nothing)
     */
    record Drawing(String svg, String note) {
    }

    /** SVG of an x-y plot. */
    Drawing plot(ReportBlock.Plot p) {
        XYSeriesCollection data = new XYSeriesCollection();
        long given = 0;
        long drawn = 0;
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean joined = p.kind() == ReportBlock.Kind.LINE;
        for (ReportBlock.Series s : p.series()) {
            String name = s.name() == null || s.name().isBlank() ? "series " + (data.getSeriesCount() + 1) : s.name();
            XYSeries series = new XYSeries(uniqueKey(data, name), false, true);
            double[] x = s.x();
            double[] y = s.y().clone();
            int kept = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || (p.logX() && !(x[i] > 0))) {
                    x[i] = Double.NaN;
                } else if (!Double.isFinite(y[i]) || (p.logY() && !(y[i] > 0))) {
                    y[i] = Double.NaN;
                }
            }
            for (int i : thin(y, joined ? MAX_POINTS : MAX_MARKS)) {
                if (Double.isNaN(x[i])) {
                    continue;
                }
                if (Double.isNaN(y[i])) {
                    // A null y breaks a line (the gap the data asks for); points and bars just leave it out,
                    // since a shape at a null y would be drawn at NaN coordinates.
                    if (joined) {
                        series.add(x[i], null);
                    }
                    continue;
                }
                series.add(x[i], y[i]);
                kept++;
                xRange[0] = Math.min(xRange[0], x[i]);
                xRange[1] = Math.max(xRange[1], x[i]);
                yRange[0] = Math.min(yRange[0], y[i]);
                yRange[1] = Math.max(yRange[1], y[i]);
            }
            given += x.length;
            drawn += kept;
            data.addSeries(series);
        }
        ValueAxis xAxis = axis(label(p.xLabel()), p.logX(), xRange[0], xRange[1]);
        ValueAxis yAxis = axis(label(p.yLabel()), p.logY(), yRange[0], yRange[1]);
        XYDataset dataset = data;
        XYItemRenderer renderer;
        switch (p.kind()) {
            case BAR -> {
                // Bar lengths are only comparable from zero.
                if (yAxis instanceof NumberAxis linear) {
                    linear.setAutoRangeIncludesZero(true);
                }
                XYBarRenderer bars = new XYBarRenderer(0.1);
                bars.setShadowVisible(false);
                bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
                bars.setDrawBarOutline(false);
                dataset = new XYBarDataset(data, barWidth(data));
                renderer = bars;
            }
            case SCATTER -> {
                XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
                // Small filled squares without outlines: the cheapest mark in SVG (one short path each).
                points.setDrawOutlines(false);
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    points.setSeriesShape(i, new Rectangle2D.Double(-2.25, -2.25, 4.5, 4.5));
                }
                renderer = points;
            }
            default -> {
                XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
                // One SVG path per series instead of one line element per segment.
                lines.setDrawSeriesLineAsPath(true);
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    lines.setSeriesStroke(i, stroke(i));
                }
                renderer = lines;
            }
        }
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        style(plot);
        plot.setNoDataMessage("no finite data to plot");
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, data.getSeriesCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK_FONT);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        String note = "";
        int limit = joined ? MAX_POINTS : MAX_MARKS;
        if (p.series().stream().anyMatch(s -> s.x().length > limit)) {
            note = "Drawn from " + Numbers.count(drawn) + " of " + Numbers.count(given) + " points: series longer than "
                    + Numbers.count(limit) + " points keep the lowest and highest value of each run of "
                    + "consecutive points.";
        }
        return new Drawing(svg(chart, PLOT_WIDTH, PLOT_HEIGHT), note);
    }

    /**
     * Indices to draw of a series of {@code y} values: all of them when there are at most {@code max}; else, for
     * each of {@code max / 2} runs of consecutive points, the lowest and the highest value (in their order) and
     * the first gap (NaN), so peaks, dips and breaks survive the thinning.
     */
    static int[] thin(double[] y, int max) {
        int n = y.length;
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int runs = max / 2;
        java.util.List<Integer> keep = new java.util.ArrayList<>(max + runs);
        for (int r = 0; r < runs; r++) {
            int from = (int) ((long) r * n / runs);
            int to = (int) ((long) (r + 1) * n / runs);
            int lo = -1;
            int hi = -1;
            int gap = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    gap = gap < 0 ? i : gap;
                } else {
                    lo = lo < 0 || y[i] < y[lo] ? i : lo;
                    hi = hi < 0 || y[i] > y[hi] ? i : hi;
                }
            }
            java.util.TreeSet<Integer> run = new java.util.TreeSet<>();
            for (int i : new int[] {lo, hi, gap}) {
                if (i >= 0) {
                    run.add(i);
                }
            }
            keep.addAll(run);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** SVG of a heat map with a diverging colour scale and a legend. */
    Drawing heatmap(ReportBlock.Heatmap h) {
        double[][] v = h.values();
        int rows = v.length;
        int cols = rows == 0 ? 0 : Arrays.stream(v).mapToInt(r -> r.length).max().orElse(0);
        int n = 0;
        for (double[] r : v) {
            n += r.length;
        }
        double[][] xyz = new double[3][n];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < v[i].length; j++) {
                xyz[0][k] = j;
                xyz[1][k] = i;
                xyz[2][k] = v[i][j];
                k++;
            }
        }
        double lo = Double.isFinite(h.min()) ? h.min() : -1;
        double hi = Double.isFinite(h.max()) && h.max() > lo ? h.max() : lo + 1;
        DivergingScale scale = new DivergingScale(lo, hi);
        boolean raster = n > MAX_VECTOR_CELLS;
        DefaultXYZDataset data = new DefaultXYZDataset();
        if (!raster) {
            data.addSeries("values", xyz);
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        ValueAxis xAxis = indexAxis(h.colLabels(), cols, "column index");
        ValueAxis yAxis = indexAxis(h.rowLabels(), rows, "row index");
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        if (raster) {
            // One pixel per cell, scaled into the plot: a few kilobytes of PNG instead of a rectangle per cell.
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(Math.max(cols, 1), Math.max(rows, 1),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double value = j < v[i].length ? v[i][j] : Double.NaN;
                    image.setRGB(j, i, ((Color) scale.getPaint(value)).getRGB());
                }
            }
            plot.addAnnotation(new org.jfree.chart.annotations.XYDataImageAnnotation(image, -0.5, -0.5, cols, rows));
        }
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("value (colour scale " + Numbers.short3(lo) + " to "
                + Numbers.short3(hi) + ")");
        legendAxis.setLabelFont(TICK_FONT);
        legendAxis.setTickLabelFont(TICK_FONT);
        legendAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(14);
        legend.setSubdivisionCount(64);
        chart.addSubtitle(legend);
        int size = Math.min(620, Math.max(260, 40 + 26 * Math.max(rows, cols)));
        String note = raster ? "Drawn as an image, one pixel per entry (" + rows + " x " + cols + ")." : "";
        return new Drawing(svg(chart, size + 200, size), note);
    }

    /** Solid for the first round of colours, then dashed, then dotted: more series than colours stay apart. */
    static BasicStroke stroke(int series) {
        int round = series / PALETTE.length;
        if (round == 0) {
            return new BasicStroke(1.8f);
        }
        float[] dash = round == 1 ? new float[] {7f, 4f} : new float[] {2f, 3f};
        return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** Up to this many row or column labels are all shown; beyond, labels are shown at the chosen ticks. */
    static final int MAX_SYMBOLS = 24;

    private static ValueAxis indexAxis(java.util.List<String> labels, int count, String fallback) {
        ValueAxis axis;
        boolean labelled = !labels.isEmpty() && labels.size() == count;
        if (labelled && count <= MAX_SYMBOLS) {
            SymbolAxis s = new SymbolAxis(fallback.replace(" index", ""), labels.stream().map(Charts::label)
                    .toArray(String[]::new));
            s.setGridBandsVisible(false);
            axis = s;
        } else {
            NumberAxis a = new NumberAxis(labelled ? fallback.replace(" index", "") : fallback + " (0-based)");
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (labelled) {
                // Too many labels to show each: ticks where they fit, each named by its label.
                a.setNumberFormatOverride(new LabelFormat(labels.stream().map(Charts::label).toList()));
            }
            axis = a;
        }
        axis.setRange(-0.5, Math.max(count, 1) - 0.5);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    /** Tick labels of an index axis: the label of the row or column at an integer tick. */
    static final class LabelFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private final java.util.List<String> labels;

        LabelFormat(java.util.List<String> labels) {
            this.labels = java.util.List.copyOf(labels);
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            long i = Math.round(number);
            return Math.abs(number - i) < 1e-9 ? format(i, to, pos) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            if (number < 0 || number >= labels.size()) {
                return to;
            }
            // Sparse label lists leave most entries blank: the tick then shows the index.
            String label = labels.get((int) number);
            return to.append(label.isBlank() ? Long.toString(number) : label);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            int i = labels.indexOf(source.substring(pos.getIndex()));
            if (i < 0) {
                return null;
            }
            pos.setIndex(source.length());
            return i;
        }
    }

    /**
     * An axis for data between {@code min} and {@code max} (infinite when there is no data). A logarithmic axis
     * spans whole decades, set explicitly: JFreeChart's automatic range widens a narrow range by a fixed absolute
     * amount (1e-8), which below zero breaks a log axis for data such as errors of 1e-16. A linear axis keeps its
     * automatic range, with a minimum size relative to the data and tick units for any magnitude.
     */
    private static ValueAxis axis(String label, boolean log, double min, double max) {
        boolean data = min <= max;
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setSmallestValue(Double.MIN_NORMAL);
            // Ticks at whole powers of ten only: 10^-16, 10^-15, ... rather than 10^0.1 steps.
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setMinorTickMarksVisible(true);
            if (data) {
                double lo = Math.floor(Math.log10(min));
                double hi = Math.ceil(Math.log10(max));
                if (hi <= lo) {
                    lo -= 1;
                    hi += 1;
                }
                a.setRange(Math.pow(10, lo), Math.pow(10, hi));
            }
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            a.setStandardTickUnits(new org.jfree.chart.axis.NumberTickUnitSource());
            double magnitude = data ? Math.max(Math.abs(min), Math.abs(max)) : 0;
            if (magnitude > 0 && Double.isFinite(magnitude)) {
                a.setAutoRangeMinimumSize(Math.max(magnitude * 1e-6, Double.MIN_NORMAL));
            }
            axis = a;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(new Color(0x999999));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    }

    private static String uniqueKey(XYSeriesCollection data, String base) {
        // Series keys must be unique in a collection; a repeated name gets a suffix.
        String key = base;
        for (int i = 2; data.getSeriesIndex(key) >= 0; i++) {
            key = base + " (" + i + ")";
        }
        return key;
    }

    private static double barWidth(XYSeriesCollection data) {
        double gap = Double.POSITIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            double[] xs = new double[data.getItemCount(s)];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = data.getXValue(s, i);
            }
            Arrays.sort(xs);
            for (int i = 1; i < xs.length; i++) {
                if (xs[i] > xs[i - 1]) {
                    gap = Math.min(gap, xs[i] - xs[i - 1]);
                }
            }
        }
        return Double.isFinite(gap) ? 0.8 * gap : 0.8;
    }

    /** Labels go into SVG text: drop the dollar signs of inline math. */
    static String label(String s) {
        return s == null ? "" : ReportModel.Text.parse(s).segments().stream()
                .map(ReportModel.Text.Segment::text).reduce("", String::concat);
    }

    private String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        String id = "chart" + (++counter);
        g2.setDefsKeyPrefix(id + "-");
        g2.setGeomDoubleConverter(Charts::coordinate);
        g2.setTransformDoubleConverter(Charts::coordinate);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** A coordinate with at most two decimals (a hundredth of a pixel), in plain notation. */
    static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long hundredths = Math.round(Math.abs(v) * 100);
        StringBuilder b = new StringBuilder(12);
        if (v < 0 && hundredths != 0) {
            b.append('-');
        }
        b.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                b.append(frac % 10);
            }
        }
        return b.toString();
    }

    /** Blue (low) through white (middle) to red (high); NaN is grey. */
    static final class DivergingScale implements PaintScale {
        private static final Color LOW = new Color(0x2166AC);
        private static final Color MID = new Color(0xF7F7F7);
        private static final Color HIGH = new Color(0xB2182B);
        private final double lo;
        private final double hi;

        DivergingScale(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return new Color(0xBBBBBB);
            }
            double t = (Math.min(hi, Math.max(lo, value)) - lo) / (hi - lo);
            return t < 0.5 ? mix(LOW, MID, 2 * t) : mix(MID, HIGH, 2 * t - 1);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
