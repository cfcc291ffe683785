package io.formulary.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The data of the conformance report, ready for the template: plain immutable values, already formatted where a
 * number is shown. Every string is text; the template escapes it. The only markup is the SVG of charts, which the
 * report draws itself ({@link Block#svg()}).
 */
public final class ReportModel {

    private ReportModel() {
    }

    /** Outcome of a property as shown in the report. */
    public enum Outcome {
        PASSED("passed"), FAILED("failed"), EXPECTED_FAILURE("expected failure"), UNEXPECTED_PASS("unexpected pass"),
        NOT_RUN("not run");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** Human-readable label. */
        public String label() {
            return label;
        }

        /** CSS class name. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The outcome of a result record ({@code PropertyResult.outcome}); unknown values count as failed. */
        public static Outcome ofRecord(String outcome) {
            if (outcome == null) {
                return NOT_RUN;
            }
            return switch (outcome) {
                case "passed" -> PASSED;
                case "expected-failure" -> EXPECTED_FAILURE;
                case "unexpected-pass" -> UNEXPECTED_PASS;
                default -> FAILED;
            };
        }
    }

    /**
     * Text that may contain inline LaTeX between {@code $...$}, split into plain and math segments.
     *
     * @param segments the segments in order
     */
    public record Text(List<Segment> segments) {

        public Text {
            segments = List.copyOf(segments);
        }

        /** One piece of text; {@code math} pieces are typeset by KaTeX in the browser. */
        public record Segment(String text, boolean math) {
        }

        /** Plain text, no math. */
        public static Text plain(String s) {
            return new Text(s == null || s.isEmpty() ? List.of() : List.of(new Segment(s, false)));
        }

        /**
         * Splits {@code s} at paired {@code $} signs ({@code \$} is a literal dollar); an unpaired {@code $} stays
         * text.
         */
        public static Text parse(String s) {
            if (s == null || s.isEmpty()) {
                return new Text(List.of());
            }
            List<Segment> out = new ArrayList<>();
            StringBuilder plain = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                    plain.append('$');
                    i += 2;
                    continue;
                }
                if (c == '$') {
                    int end = closing(s, i + 1);
                    if (end > i + 1) {
                        if (plain.length() > 0) {
                            out.add(new Segment(plain.toString(), false));
                            plain.setLength(0);
                        }
                        out.add(new Segment(s.substring(i + 1, end), true));
                        i = end + 1;
                        continue;
                    }
                }
                plain.append(c);
                i++;
            }
            if (plain.length() > 0) {
                out.add(new Segment(plain.toString(), false));
            }
            return new Text(out);
        }

        private static int closing(String s, int from) {
            for (int j = from; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (c == '$') {
                    return j;
                }
            }
            return -1;
        }

        /** The text with math segments between dollars again (for plain-text uses such as chart labels). */
        public String raw() {
            StringBuilder b = new StringBuilder();
            for (Segment seg : segments) {
                b.append(seg.math() ? "$" + seg.text() + "$" : seg.text());
            }
            return b.toString();
        }

        /** This text followed by a plain sentence (separated by a space); unchanged when {@code plain} is empty. */
        public Text append(String plain) {
            if (plain == null || plain.isEmpty()) {
                return this;
            }
            List<Segment> all = new ArrayList<>(segments);
            all.add(new Segment(segments.isEmpty() ? plain : " " + plain, false));
            return new Text(all);
        }

        /** Whether there is nothing to show. */
        public boolean isEmpty() {
            return segments.isEmpty();
        }
    }

    /**
     * The whole report.
     *
     * @param meta     what was run, where and when
     * @param chapters one section per chapter, in chapter order
     */
    public record Report(Meta meta, List<ChapterSection> chapters) {
        public Report {
            chapters = List.copyOf(chapters);
        }

        /** Total properties over all chapters. */
        public int propertyCount() {
            return chapters.stream().mapToInt(c -> c.summary().properties()).sum();
        }

        /** The counts summed over all chapters (no accuracy figure). */
        public Summary totals() {
            int[] t = new int[7];
            for (ChapterSection c : chapters) {
                Summary s = c.summary();
                t[0] += s.formulas();
                t[1] += s.implemented();
                t[2] += s.properties();
                t[3] += s.passed();
                t[4] += s.failed();
                t[5] += s.expectedFailure();
                t[6] += s.notRun();
            }
            return new Summary(t[0], t[1], t[2], t[3], t[4], t[5], t[6], "", true);
        }

        /** Total formulas over all chapters. */
        public int formulaCount() {
            return chapters.stream().mapToInt(c -> c.summary().formulas()).sum();
        }
    }

    /**
     * The report header.
     *
     * @param version       formulary version
     * @param commit        git commit recorded at build time
     * @param jdk           the JDK that wrote the report
     * @param generatedAt   ISO-8601 instant of generation
     * @param seedPolicy    seed policy of the recorded runs
     * @param examples      the configured example count per property run
     * @param examplesTried examples tried over all recorded properties
     * @param resultsDir    where the records were read
     * @param recorded      when the records were written (first to last), or empty
     * @param notes         warnings met while reading (unreadable records, unknown chapters)
     */
    public record Meta(String version, String commit, String jdk, String generatedAt, String seedPolicy,
                       String examples, String examplesTried, String resultsDir, String recorded,
                       List<String> notes) {
        public Meta {
            notes = List.copyOf(notes);
        }
    }

    /**
     * One chapter's section.
     *
     * @param area       ID prefix, for example {@code GAUSS}
     * @param title      chapter title
     * @param complete   marked complete in the index
     * @param summary    the counts shown in the overview table
     * @param formulas   every formula of the chapter
     * @param properties every property of the chapter (run or not)
     * @param accuracy   the accuracy table, aggregated per formula and metric
     * @param errata     the errata the chapter lists
     * @param deviations recorded deviations of the chapter's properties
     * @param blocks     the chapter's own tables and plots
     */
    public record ChapterSection(String area, String title, boolean complete, Summary summary,
                                 List<FormulaRow> formulas, List<PropertyRow> properties, List<AccuracyRow> accuracy,
                                 List<ErratumRow> errata, List<DeviationRow> deviations, List<Block> blocks) {
        public ChapterSection {
            formulas = List.copyOf(formulas);
            properties = List.copyOf(properties);
            accuracy = List.copyOf(accuracy);
            errata = List.copyOf(errata);
            deviations = List.copyOf(deviations);
            blocks = List.copyOf(blocks);
        }

        /** Anchor of the section. */
        public String anchor() {
            return "chapter-" + area;
        }

        /** Whether the chapter has nothing yet: no implemented formula, no recorded property, no blocks. */
        public boolean empty() {
            return summary.implemented() == 0 && summary.properties() == summary.notRun() && accuracy.isEmpty()
                    && blocks.isEmpty();
        }
    }

    /**
     * Per-chapter counts.
     *
     * @param formulas        formulas in the index
     * @param implemented     formulas with a {@code @Formula} method or covered by a property
     * @param properties      properties in the index (plus recorded ones missing from it)
     * @param passed          properties that held
     * @param failed          properties falsified, or unexpectedly passing while listed as deviations
     * @param expectedFailure properties failing as recorded in the deviations list
     * @param notRun          properties without a record
     * @param worstAccuracy   the worst measured error, relative to its bound, as text (empty when none)
     * @param worstWithin     whether that worst error is within its bound
     */
    public record Summary(int formulas, int implemented, int properties, int passed, int failed, int expectedFailure,
                          int notRun, String worstAccuracy, boolean worstWithin) {
    }

    /**
     * One formula.
     *
     * @param id          formula ID
     * @param title       title from the index
     * @param latex       display LaTeX from the index, or empty
     * @param fallback    the title as text with inline math, shown when there is no LaTeX
     * @param implemented whether a {@code @Formula} method computes it
     * @param status      {@code implemented}, {@code covered by X} or {@code not implemented}
     */
    public record FormulaRow(String id, String title, String latex, Text fallback, boolean implemented,
                             String status) {
        /** Whether the formula has LaTeX of its own. */
        public boolean hasLatex() {
            return !latex.isEmpty();
        }
    }

    /**
     * One property.
     *
     * @param id             property ID
     * @param statement      the statement, with inline math
     * @param outcome        what happened
     * @param examples       examples tried, or empty when not run
     * @param seed           seed, or empty
     * @param seedPolicy     seed policy of the run, or empty
     * @param duration       wall time, or empty
     * @param regimes        hard input regimes hit, as text ({@code name ×n, ...}), or empty
     * @param counterexample the smallest counterexample (failures), or empty
     * @param message        the failure message, or empty
     * @param replay         the command that replays the run (failures), or empty
     * @param deviation      the recorded deviation reason, or empty
     * @param subject        the implementation checked, or empty
     */
    public record PropertyRow(String id, Text statement, Outcome outcome, String examples, String seed,
                              String seedPolicy, String duration, String regimes, String counterexample,
                              String message, String replay, String deviation, String subject) {
        /** Whether details of a failure are shown. */
        public boolean showsFailure() {
            return outcome == Outcome.FAILED || outcome == Outcome.UNEXPECTED_PASS
                    || outcome == Outcome.EXPECTED_FAILURE;
        }
    }

    /**
     * Accuracy of one formula in one metric, over the measured cases.
     *
     * @param formulaId formula ID
     * @param metric    ulps, relative, absolute or relative/kappa
     * @param cases     number of measured cases
     * @param worst     the largest error, formatted
     * @param bound     the bound at that case, formatted
     * @param ratio     worst error over its bound, formatted as a percentage
     * @param worstCase description of the worst case
     * @param oracle    how the exact value was obtained
     * @param within    whether every case is within its bound
     * @param details   per case label: the worst of each, up to a cap
     */
    public record AccuracyRow(String formulaId, String metric, int cases, String worst, String bound, String ratio,
                              String worstCase, String oracle, boolean within, List<AccuracyCase> details) {
        public AccuracyRow {
            details = List.copyOf(details);
        }
    }

    /** The worst error of one case label. */
    public record AccuracyCase(String testCase, int count, String error, String bound, boolean within) {
    }

    /**
     * One erratum.
     *
     * @param id             erratum ID
     * @param title          title
     * @param statement      statement, with inline math
     * @param propertyId     the property that demonstrates it, or empty
     * @param propertyOutcome that property's outcome
     */
    public record ErratumRow(String id, Text title, Text statement, String propertyId, Outcome propertyOutcome) {
    }

    /**
     * One recorded deviation.
     *
     * @param propertyId the property
     * @param date       when it was recorded
     * @param reason     why the reference does not meet it yet
     * @param outcome    the property's outcome in this run
     */
    public record DeviationRow(String propertyId, String date, String reason, Outcome outcome) {
    }

    /**
     * One block of a chapter's own report content, prepared for display.
     *
     * @param kind    {@code table}, {@code plot}, {@code heatmap}, {@code note} or {@code error}
     * @param title   heading
     * @param caption caption or note text, with inline math
     * @param columns table column headers
     * @param rows    table cells
     * @param svg     SVG markup drawn by the report's chart code (plots and heat maps), else empty
     */
    public record Block(String kind, Text title, Text caption, List<Text> columns, List<List<Text>> rows, String svg) {
        public Block {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
