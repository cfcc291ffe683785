package io.formulary.report;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

import java.util.List;

/**
 * A test-only chapter contribution with one block of every kind, including the awkward cases: markup-like text,
 * inline math, a log axis with a zero and a NaN, repeated series names, a heat map with labels.
 */
public final class FixtureChapterReport implements ChapterReport {

    /** Title of the plot block, for assertions. */
    public static final String PLOT_TITLE = "Fixture error against dimension";

    private final String area;

    /** The registered fixture, for chapter SIN. */
    public FixtureChapterReport() {
        this("SIN");
    }

    FixtureChapterReport(String area) {
        this.area = area;
    }

    @Override
    public String area() {
        return area;
    }

    @Override
    public List<ReportBlock> blocks() {
        double[] d = {1, 2, 4, 8, 16, 32};
        return List.of(
                new ReportBlock.Table("Fixture table <b>not bold</b>", "Values of $\\alpha_i$ for a fixed seed 7.",
                        List.of("$i$", "value <i>x</i>", "note"),
                        List.of(List.of("1", "0.5", "a & b"), List.of("2", "0.25", "<script>alert(1)</script>"))),
                new ReportBlock.Plot(PLOT_TITLE, "Worst error over 200 draws per dimension (seed 7).",
                        "dimension d (count)", "error (ulps)", true, true, ReportBlock.Kind.LINE,
                        List.of(new ReportBlock.Series("reference", d, new double[] {0.5, 0.5, 1, 0, Double.NaN, 2}),
                                new ReportBlock.Series("reference", d, new double[] {1, 2, 3, 4, 5, 6}))),
                new ReportBlock.Plot("Fixture histogram", "Counts per bin.", "bin centre (1)", "count (draws)",
                        false, false, ReportBlock.Kind.BAR,
                        List.of(new ReportBlock.Series("draws", new double[] {0, 1, 2, 3}, new double[] {3, 5, 2, 1}))),
                new ReportBlock.Plot("Fixture scatter", "Points.", "x (1)", "y (1)", false, false,
                        ReportBlock.Kind.SCATTER,
                        List.of(new ReportBlock.Series("points", new double[] {0, 1, 2}, new double[] {1, -1, 0.5}))),
                new ReportBlock.Heatmap("Fixture heat map", "A symmetric matrix.", List.of("r0", "r1", "r2"),
                        List.of("c0", "c1", "c2"), new double[][] {{1, -0.5, 0}, {-0.5, 1, 0.25}, {0, 0.25, 1}},
                        -1, 1),
                new ReportBlock.Note("Fixture note", "The bound grows like $\\sqrt{d}\\,\\varepsilon$ & stays small."));
    }
}
