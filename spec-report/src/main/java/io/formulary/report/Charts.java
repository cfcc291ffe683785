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
import java.awt.geom.Ellipse2D;
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

    private int counter;

    /** SVG of an x-y plot. */
    String plot(ReportBlock.Plot p) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ReportBlock.Series s : p.series()) {
            String name = s.name() == null || s.name().isBlank() ? "series " + (data.getSeriesCount() + 1) : s.name();
            XYSeries series = new XYSeries(uniqueKey(data, name), false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                boolean xOk = Double.isFinite(x[i]) && (!p.logX() || x[i] > 0);
                boolean yOk = Double.isFinite(y[i]) && (!p.logY() || y[i] > 0);
                if (!xOk) {
                    continue;
                }
                // A null y breaks the line: the gap the data asks for.
                series.add(x[i], yOk ? Double.valueOf(y[i]) : null);
            }
            data.addSeries(series);
        }
        ValueAxis xAxis = axis(label(p.xLabel()), p.logX());
        ValueAxis yAxis = axis(label(p.yLabel()), p.logY());
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
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    points.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
                }
                renderer = points;
            }
            default -> {
                XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
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
        return svg(chart, PLOT_WIDTH, PLOT_HEIGHT);
    }

    /** SVG of a heat map with a diverging colour scale and a legend. */
    String heatmap(ReportBlock.Heatmap h) {
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
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", xyz);
        double lo = Double.isFinite(h.min()) ? h.min() : -1;
        double hi = Double.isFinite(h.max()) && h.max() > lo ? h.max() : lo + 1;
        DivergingScale scale = new DivergingScale(lo, hi);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        ValueAxis xAxis = indexAxis(h.colLabels(), cols, "column index");
        ValueAxis yAxis = indexAxis(h.rowLabels(), rows, "row index");
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
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
        return svg(chart, size + 200, size);
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

    private static ValueAxis indexAxis(java.util.List<String> labels, int count, String fallback) {
        ValueAxis axis;
        if (!labels.isEmpty() && labels.size() == count) {
            SymbolAxis s = new SymbolAxis(fallback.replace(" index", ""), labels.stream().map(Charts::label)
                    .toArray(String[]::new));
            s.setGridBandsVisible(false);
            axis = s;
        } else {
            NumberAxis a = new NumberAxis(fallback + " (0-based)");
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (count > 0) {
                a.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(count / 12.0))));
            }
            axis = a;
        }
        axis.setRange(-0.5, Math.max(count, 1) - 0.5);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static ValueAxis axis(String label, boolean log) {
        ValueAxis axis;
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setSmallestValue(1e-300);
            // Ticks at whole powers of ten only: 10^-16, 10^-15, ... rather than 10^0.1 steps.
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setMinorTickMarksVisible(true);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
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
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
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
