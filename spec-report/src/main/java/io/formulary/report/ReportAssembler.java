package io.formulary.report;

import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.spec.SpecIndex;
import io.formulary.core.spec.SpecIndex.Kind;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.Deviations;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.PropertyResult;
import io.formulary.report.ReportModel.AccuracyCase;
import io.formulary.report.ReportModel.AccuracyRow;
import io.formulary.report.ReportModel.Block;
import io.formulary.report.ReportModel.ChapterSection;
import io.formulary.report.ReportModel.DeviationRow;
import io.formulary.report.ReportModel.ErratumRow;
import io.formulary.report.ReportModel.FormulaRow;
import io.formulary.report.ReportModel.Meta;
import io.formulary.report.ReportModel.Outcome;
import io.formulary.report.ReportModel.PropertyRow;
import io.formulary.report.ReportModel.Summary;
import io.formulary.report.ReportModel.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the {@link ReportModel} from the specification index, the formula catalogue, the deviations list, the
 * chapters' {@link ChapterReport}s and the structured records of a property run. Works with any subset of
 * chapters: a chapter without formulas, records or report blocks becomes an empty section, and a property
 * without a record is shown as not run.
 */
public final class ReportAssembler {

    /** Per formula and metric, at most this many case labels are listed under the accuracy row. */
    static final int MAX_ACCURACY_CASES = 40;

    private final List<SpecIndex.Chapter> chapters;
    private final List<SpecIndex.Entry> entries;
    private final Predicate<String> implemented;
    private final Collection<Deviations.Deviation> deviations;
    private final List<ChapterReport> chapterReports;
    private final BuildInfo build;

    /**
     * @param chapters       the chapters, in order
     * @param entries        the index entries of all chapters
     * @param implemented    whether a formula ID has a {@code @Formula} method
     * @param deviations     the recorded deviations
     * @param chapterReports the chapters' report contributions
     * @param build          version and commit
     */
    public ReportAssembler(List<SpecIndex.Chapter> chapters, List<SpecIndex.Entry> entries,
                           Predicate<String> implemented, Collection<Deviations.Deviation> deviations,
                           List<ChapterReport> chapterReports, BuildInfo build) {
        this.chapters = List.copyOf(chapters);
        this.entries = List.copyOf(entries);
        this.implemented = Objects.requireNonNull(implemented, "implemented");
        this.deviations = List.copyOf(deviations);
        this.chapterReports = List.copyOf(chapterReports);
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The assembler for this build: packaged index, catalogue, deviations and ServiceLoader chapter reports. */
    public static ReportAssembler standard() {
        SpecIndex index = SpecIndex.load();
        List<ChapterReport> reports = new ArrayList<>();
        ServiceLoader.load(ChapterReport.class).forEach(reports::add);
        return new ReportAssembler(index.chapters(), index.entries(), id -> FormulaCatalogue.find(id).isPresent(),
                Deviations.all().values(), reports, BuildInfo.load());
    }

    /** Assembles the report from the records in {@code store}. */
    public ReportModel.Report assemble(ResultStore store) {
        List<String> notes = new ArrayList<>(store.problems());
        Charts charts = new Charts();
        Set<String> areas = chapters.stream().map(SpecIndex.Chapter::area).collect(Collectors.toSet());
        for (ChapterReport r : chapterReports) {
            if (!areas.contains(safeArea(r))) {
                notes.add("chapter report " + r.getClass().getName() + " names unknown chapter '" + safeArea(r)
                        + "': not shown");
            }
        }
        for (String id : store.results().keySet()) {
            if (!areas.contains(area(id))) {
                notes.add("result " + id + " belongs to no chapter of the index: not shown");
            }
        }
        List<ChapterSection> sections = new ArrayList<>();
        for (SpecIndex.Chapter c : chapters) {
            sections.add(chapter(c, store, charts));
        }
        Set<String> policies = new TreeSet<>();
        TreeSet<String> finished = new TreeSet<>();
        long tried = 0;
        for (PropertyResult r : store.results().values()) {
            if (r.finishedAt() != null && !r.finishedAt().isBlank()) {
                finished.add(r.finishedAt());
            }
            if (r.seedPolicy() != null) {
                policies.add(r.seedPolicy());
            }
            tried += Math.max(0, r.examples());
        }
        String seedPolicy = policies.isEmpty() ? PropertyPolicy.seedPolicy() + " (configured; nothing recorded)"
                : String.join(", ", policies);
        Meta meta = new Meta(build.version(), build.commit(),
                System.getProperty("java.vendor", "") + " " + System.getProperty("java.version", "")
                        + " (" + System.getProperty("os.name", "") + " " + System.getProperty("os.arch", "") + ")",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seedPolicy,
                Numbers.count(PropertyPolicy.examples()) + " per property run", Numbers.count(tried),
                store.directory().toAbsolutePath().normalize().toString(),
                finished.isEmpty() ? "" : finished.first().equals(finished.last()) ? finished.first()
                        : finished.first() + " to " + finished.last(), notes);
        return new ReportModel.Report(meta, sections);
    }

    private ChapterSection chapter(SpecIndex.Chapter c, ResultStore store, Charts charts) {
        String area = c.area();
        List<SpecIndex.Entry> mine = entries.stream().filter(e -> e.area().equals(area)).toList();

        Set<String> recordedIds = store.results().keySet();
        List<FormulaRow> formulas = new ArrayList<>();
        int implementedCount = 0;
        for (SpecIndex.Entry f : mine) {
            if (f.kind() != Kind.FORMULA) {
                continue;
            }
            boolean has = implemented.test(f.id());
            String status;
            if (has) {
                status = "implemented";
            } else if (f.coveredBy().isPresent()) {
                status = "covered by " + f.coveredBy().get();
            } else {
                status = "not implemented";
            }
            if (has || f.coveredBy().isPresent()) {
                implementedCount++;
            }
            formulas.add(new FormulaRow(f.id(), f.title(), f.text(), Text.parse(f.title()), has, status));
        }

        // Properties: those of the index in index order, then recorded ones the index does not list.
        Map<String, PropertyRow> properties = new LinkedHashMap<>();
        for (SpecIndex.Entry p : mine) {
            if (p.kind() == Kind.PROPERTY) {
                properties.put(p.id(), property(p.id(), p, store.results().get(p.id())));
            }
        }
        for (String id : recordedIds) {
            if (area(id).equals(area) && !properties.containsKey(id)) {
                properties.put(id, property(id, null, store.results().get(id)));
            }
        }
        List<PropertyRow> propertyRows = List.copyOf(properties.values());

        List<AccuracyRow> accuracy = accuracy(area, store.accuracy());

        List<ErratumRow> errata = new ArrayList<>();
        for (SpecIndex.Entry e : mine) {
            if (e.kind() == Kind.ERRATUM) {
                String prop = e.reference().trim();
                errata.add(new ErratumRow(e.id(), Text.parse(e.title()), Text.parse(e.text()), prop,
                        outcomeOf(prop, properties, store)));
            }
        }

        List<DeviationRow> devs = new ArrayList<>();
        for (Deviations.Deviation d : deviations) {
            if (area(d.id()).equals(area)) {
                devs.add(new DeviationRow(d.id(), d.date(), d.reason(), outcomeOf(d.id(), properties, store)));
            }
        }

        List<Block> blocks = new ArrayList<>();
        for (ChapterReport r : chapterReports) {
            if (area.equals(safeArea(r))) {
                blocks.addAll(blocks(r, charts));
            }
        }

        int passed = 0;
        int failed = 0;
        int expected = 0;
        int notRun = 0;
        for (PropertyRow p : propertyRows) {
            switch (p.outcome()) {
                case PASSED -> passed++;
                case FAILED, UNEXPECTED_PASS -> failed++;
                case EXPECTED_FAILURE -> expected++;
                case NOT_RUN -> notRun++;
                default -> throw new IllegalStateException("outcome " + p.outcome());
            }
        }
        AccuracyRow worst = accuracy.stream().max(Comparator.comparingDouble(a -> ratioOf(a, store.accuracy())))
                .orElse(null);
        String worstText = "";
        boolean worstWithin = true;
        if (worst != null) {
            worstText = worst.worst() + " " + worst.metric() + " (" + worst.formulaId() + ", " + worst.ratio()
                    + " of bound " + worst.bound() + ")";
            worstWithin = worst.within();
        }
        Summary summary = new Summary(formulas.size(), implementedCount, propertyRows.size(), passed, failed, expected,
                notRun, worstText, worstWithin);
        return new ChapterSection(area, c.title(), c.complete(), summary, formulas, propertyRows, accuracy, errata,
                devs, blocks);
    }

    private static Outcome outcomeOf(String propertyId, Map<String, PropertyRow> rows, ResultStore store) {
        PropertyRow row = rows.get(propertyId);
        if (row != null) {
            return row.outcome();
        }
        PropertyResult r = store.results().get(propertyId);
        return r == null ? Outcome.NOT_RUN : Outcome.ofRecord(r.outcome());
    }

    private static PropertyRow property(String id, SpecIndex.Entry entry, PropertyResult r) {
        String statement = entry == null ? "" : entry.text();
        if (statement.isEmpty() && r != null && r.statement() != null) {
            statement = r.statement().startsWith(id + ": ") ? r.statement().substring(id.length() + 2) : r.statement();
        }
        if (statement.isEmpty() && entry != null) {
            statement = entry.title();
        }
        if (r == null) {
            return new PropertyRow(id, Text.parse(statement), Outcome.NOT_RUN, "", "", "", "", "", "", "", "", "", "");
        }
        Outcome outcome = Outcome.ofRecord(r.outcome());
        String regimes = r.regimes() == null ? "" : r.regimes().entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
        boolean failure = outcome != Outcome.PASSED;
        return new PropertyRow(id, Text.parse(statement), outcome, Numbers.count(r.examples()),
                Long.toString(r.seed()), nz(r.seedPolicy()), Numbers.millis(r.durationMillis()), regimes,
                failure ? nz(r.counterexample()) : "", failure ? nz(r.message()) : "",
                failure ? nz(r.replay()) : "", nz(r.deviation()), nz(r.subject()));
    }

    private static double ratio(double error, double bound) {
        if (Double.isNaN(error)) {
            return Double.POSITIVE_INFINITY;
        }
        if (!(bound > 0)) {
            return error == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(error) / bound;
    }

    private static double ratioOf(AccuracyRow row, List<AccuracyLog.Entry> all) {
        return all.stream().filter(e -> e.formulaId().equals(row.formulaId()) && e.metric().equals(row.metric()))
                .mapToDouble(e -> ratio(e.error(), e.bound())).max().orElse(0);
    }

    /** Accuracy rows of a chapter: one per formula and metric, worst case first within its details. */
    static List<AccuracyRow> accuracy(String area, List<AccuracyLog.Entry> all) {
        Map<String, List<AccuracyLog.Entry>> groups = new LinkedHashMap<>();
        all.stream().filter(e -> e.formulaId() != null && area(e.formulaId()).equals(area))
                .sorted(Comparator.comparingInt((AccuracyLog.Entry e) -> number(e.formulaId()))
                        .thenComparing(AccuracyLog.Entry::formulaId))
                .forEach(e -> groups.computeIfAbsent(e.formulaId() + "\u0000" + nz(e.metric()), k -> new ArrayList<>()).add(e));
        List<AccuracyRow> rows = new ArrayList<>();
        for (List<AccuracyLog.Entry> g : groups.values()) {
            AccuracyLog.Entry worst = g.stream().max(Comparator.comparingDouble(e -> ratio(e.error(), e.bound()))).orElseThrow();
            boolean within = g.stream().allMatch(e -> ratio(e.error(), e.bound()) <= 1);
            Map<String, List<AccuracyLog.Entry>> byCase = new LinkedHashMap<>();
            for (AccuracyLog.Entry e : g) {
                byCase.computeIfAbsent(nz(e.testCase()), k -> new ArrayList<>()).add(e);
            }
            List<AccuracyCase> details = byCase.entrySet().stream()
                    .map(en -> {
                        AccuracyLog.Entry w = en.getValue().stream()
                                .max(Comparator.comparingDouble(e -> ratio(e.error(), e.bound()))).orElseThrow();
                        return new AccuracyCase(en.getKey(), en.getValue().size(), Numbers.short3(w.error()),
                                Numbers.short3(w.bound()), ratio(w.error(), w.bound()) <= 1);
                    })
                    .limit(MAX_ACCURACY_CASES).toList();
            Set<String> oracles = new LinkedHashSet<>();
            g.forEach(e -> oracles.add(nz(e.oracle())));
            rows.add(new AccuracyRow(worst.formulaId(), nz(worst.metric()), g.size(), Numbers.short3(worst.error()),
                    Numbers.short3(worst.bound()), Numbers.percent(ratio(worst.error(), worst.bound())),
                    nz(worst.testCase()), String.join("; ", oracles), within, details));
        }
        return rows;
    }

    private List<Block> blocks(ChapterReport r, Charts charts) {
        List<ReportBlock> list;
        try {
            list = r.blocks();
        } catch (RuntimeException e) {
            return List.of(error(r, e));
        }
        List<Block> out = new ArrayList<>();
        for (ReportBlock b : list) {
            try {
                out.add(block(b, charts));
            } catch (RuntimeException e) {
                out.add(error(r, e));
            }
        }
        return out;
    }

    private static Block error(ChapterReport r, RuntimeException e) {
        return new Block("error", Text.plain("Report content failed"),
                Text.plain(r.getClass().getName() + " threw " + e), List.of(), List.of(), "");
    }

    static Block block(ReportBlock b, Charts charts) {
        if (b instanceof ReportBlock.Table t) {
            return new Block("table", Text.parse(t.title()), Text.parse(t.caption()),
                    t.columns().stream().map(Text::parse).toList(),
                    t.rows().stream().map(row -> row.stream().map(Text::parse).toList()).toList(), "");
        } else if (b instanceof ReportBlock.Plot p) {
            Charts.Drawing d = charts.plot(p);
            return new Block("plot", Text.parse(p.title()), Text.parse(p.caption()).append(d.note()), List.of(),
                    List.of(), d.svg());
        } else if (b instanceof ReportBlock.Heatmap h) {
            Charts.Drawing d = charts.heatmap(h);
            return new Block("heatmap", Text.parse(h.title()), Text.parse(h.caption()).append(d.note()), List.of(),
                    List.of(), d.svg());
        } else if (b instanceof ReportBlock.Note n) {
            return new Block("note", Text.parse(n.title()), Text.parse(n.text()), List.of(), List.of(), "");
        }
        throw new IllegalArgumentException("block: unknown kind " + b.getClass().getName());
    }

    private static String safeArea(ChapterReport r) {
        try {
            return nz(r.area());
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String area(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static int number(String id) {
        String digits = id.substring(id.indexOf('-') + 1).replaceAll("^[A-Z]+", "").replaceAll("[^0-9].*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
