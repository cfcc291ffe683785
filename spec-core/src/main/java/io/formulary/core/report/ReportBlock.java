package io.formulary.core.report;

import java.util.List;

/**
 * One block of a chapter's report section: a table, a plot, a heat map or a short note. Plain data only: the
 * report module renders it (HTML tables, inline SVG charts); chapters never produce markup.
 */
public sealed interface ReportBlock permits ReportBlock.Table, ReportBlock.Plot, ReportBlock.Heatmap, ReportBlock.Note {

    /** The block's heading. */
    String title();

    /**
     * A table of text cells.
     *
     * @param title   heading
     * @param caption one or two sentences: what the table shows and how it was produced (seed, sizes)
     * @param columns column headers, with units where they apply
     * @param rows    rows of cells, each as long as {@code columns}
     */
    record Table(String title, String caption, List<String> columns, List<List<String>> rows) implements ReportBlock {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("rows: a row has " + row.size() + " cells, expected " + columns.size());
                }
            }
        }
    }

    /**
     * An x-y chart.
     *
     * @param title  heading
     * @param caption what is plotted and how it was produced
     * @param xLabel x-axis label with unit
     * @param yLabel y-axis label with unit
     * @param logX   logarithmic x axis
     * @param logY   logarithmic y axis
     * @param kind   lines, points or bars
     * @param series the data series
     */
    record Plot(String title, String caption, String xLabel, String yLabel, boolean logX, boolean logY, Kind kind,
                List<Series> series) implements ReportBlock {
        public Plot {
            series = List.copyOf(series);
        }
    }

    /** How a plot draws its series. */
    enum Kind { LINE, SCATTER, BAR }

    /**
     * One named data series; {@code x} and {@code y} have equal length. Non-finite y values are gaps (for example
     * an infinite error that a log axis cannot show).
     */
    record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("y: length " + y.length + " differs from x: length " + x.length);
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /**
     * A matrix drawn as a heat map with a diverging colour scale from {@code min} to {@code max}.
     *
     * @param title    heading
     * @param caption  what the matrix is
     * @param rowLabels labels of the rows (may be empty)
     * @param colLabels labels of the columns (may be empty)
     * @param values   the matrix, rectangular
     * @param min      value mapped to the low end of the scale
     * @param max      value mapped to the high end of the scale
     */
    record Heatmap(String title, String caption, List<String> rowLabels, List<String> colLabels, double[][] values,
                   double min, double max) implements ReportBlock {
        public Heatmap {
            rowLabels = List.copyOf(rowLabels);
            colLabels = List.copyOf(colLabels);
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i].clone();
            }
            values = copy;
        }
    }

    /** A short paragraph of text (plain text; inline LaTeX between {@code $...$} is typeset). */
    record Note(String title, String text) implements ReportBlock {
    }
}
