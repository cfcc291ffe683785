package io.formulary.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.numeric.FormulaCatalogue.FormulaInfo;
import io.formulary.core.spec.GoldenCaseSource;
import io.formulary.core.spec.GoldenCaseSource.GoldenCase;
import io.formulary.core.spec.SpecIndex;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.protocol.JsonValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code formulary vectors}: deterministic golden cases per formula, as JSON Lines ({@code <ID>.jsonl}): case ID,
 * formula ID, inputs, expected output (shortest decimals, and hex floats alongside), the tolerance the reference
 * guarantees for the case (metric, bound, one-line justification), the spec properties it exercises and its
 * provenance. The same seed gives byte-identical files on every run and JDK.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = "Writes golden vectors: per formula, edge cases and seeded random cases with expected values and tolerances.")
public final class VectorsCommand implements Callable<Integer> {

    private static final Pattern ULPS = Pattern.compile("(?i)(?:within|<=)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*ulps?");
    private static final int ATTEMPTS = 64;

    @Option(names = "--out", required = true, description = "Directory to write <ID>.jsonl files into.")
    Path out;

    @Option(names = "--seed", description = "Seed of the random cases (default: ${DEFAULT-VALUE}).")
    long seed = 20211129L;

    @Option(names = "--cases", description = "Random cases per formula, after the edge cases (default: ${DEFAULT-VALUE}).")
    int cases = 8;

    @Option(names = "--area", split = ",", description = "Only these chapters.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--formula", split = ",", description = "Only these formula IDs.")
    List<String> formulas = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        List<GoldenCaseSource> sources = new ArrayList<>();
        ServiceLoader.load(GoldenCaseSource.class).forEach(sources::add);
        List<FormulaInfo> selected = FormulaCatalogue.all().stream()
                .filter(f -> areas.isEmpty() || areas.contains(f.area()))
                .filter(f -> formulas.isEmpty() || formulas.contains(f.id())).toList();
        boolean terminal = System.console() != null;
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        int done = 0;
        int written = 0;
        List<String> skipped = new ArrayList<>();
        for (FormulaInfo f : selected) {
            List<ObjectNode> records;
            try {
                records = records(f, sources, mapper);
            } catch (IllegalStateException e) {
                // No chapter case source and argument types the generic drawer cannot build (e.g. a model config).
                skipped.add(f.id());
                records = List.of();
            }
            if (records.isEmpty()) {
                skipped.add(f.id());
                done++;
                continue;
            }
            Path file = out.resolve(f.id() + ".jsonl");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ObjectNode r : records) {
                    w.write(mapper.writeValueAsString(r));
                    w.write('\n');
                }
            }
            written += records.size();
            done++;
            if (terminal) {
                int width = 30;
                int filled = width * done / selected.size();
                System.err.printf(Locale.ROOT, "\r[%s%s] %d/%d %-12s", "#".repeat(filled), " ".repeat(width - filled),
                        done, selected.size(), f.id());
            }
        }
        if (terminal) {
            System.err.println();
        }
        System.err.printf(Locale.ROOT, "formulary vectors: %d cases for %d formulas in %s%n", written,
                selected.size() - skipped.size(), out);
        if (!skipped.isEmpty()) {
            System.err.println("no golden cases (no chapter case source, and no valid generic draw) for: "
                    + String.join(", ", skipped.stream().distinct().toList()));
        }
        return 0;
    }

    private List<ObjectNode> records(FormulaInfo f, List<GoldenCaseSource> sources, ObjectMapper mapper) {
        SplittableRandom rnd = new SplittableRandom(seed ^ PropertyPolicy.fixedSeed(f.id()));
        List<GoldenCase> chapterCases = new ArrayList<>();
        for (GoldenCaseSource s : sources) {
            if (s.area().equals(f.area())) {
                chapterCases.addAll(s.cases(f.id(), rnd, cases));
            }
        }
        String generator;
        if (!chapterCases.isEmpty()) {
            generator = "chapter case source (" + f.area() + ")";
        } else {
            generator = "generic, from @Formula argument shapes and domains";
            chapterCases = genericCases(f, rnd);
        }
        List<ObjectNode> records = new ArrayList<>();
        for (GoldenCase c : chapterCases) {
            Object expected;
            try {
                expected = invoke(f, c.args());
            } catch (IllegalArgumentException e) {
                continue; // a chapter source may include an input to show rejection; golden files keep valid cases
            }
            ObjectNode r = mapper.createObjectNode();
            r.put("case", f.id() + "/" + c.label());
            r.put("fn", f.id());
            ObjectNode args = r.putObject("args");
            c.args().forEach((k, v) -> args.set(k, JsonValues.toJson(v, false)));
            r.set("expected", JsonValues.toJson(expected, false));
            r.set("expectedHex", JsonValues.toJson(expected, true));
            ObjectNode tol = r.putObject("tolerance");
            tol.put("metric", c.metric());
            tol.set("bound", JsonValues.number(c.bound(), false));
            tol.put("justification", c.justification());
            ArrayNode props = r.putArray("properties");
            c.properties().forEach(props::add);
            ObjectNode prov = r.putObject("provenance");
            prov.put("formulary", VersionProvider.version());
            prov.put("seed", seed);
            prov.put("generator", generator);
            records.add(r);
        }
        return records;
    }

    private List<GoldenCase> genericCases(FormulaInfo f, SplittableRandom rnd) {
        List<GoldenCase> out = new ArrayList<>();
        String metric;
        double bound;
        String why;
        Matcher m = ULPS.matcher(f.accuracy());
        if (f.accuracy().trim().equalsIgnoreCase("exact")) {
            metric = "exact";
            bound = 0;
            why = "the formula is exact in double arithmetic";
        } else if (m.find()) {
            metric = "ulps";
            bound = Double.parseDouble(m.group(1));
            why = "the reference's stated accuracy: " + f.accuracy();
        } else {
            metric = "normwise-relative";
            bound = 1e-12;
            why = "generic bound for well-scaled random inputs; the reference's own promise: "
                    + (f.accuracy().isEmpty() ? "double precision" : f.accuracy());
        }
        List<String> properties = exercisedBy(f);
        int attempts = 0;
        while (out.size() < cases && attempts < ATTEMPTS * Math.max(1, cases)) {
            attempts++;
            Map<String, Object> args = GenericCases.draw(f, rnd);
            try {
                invoke(f, args);
            } catch (IllegalArgumentException e) {
                continue;
            }
            out.add(new GoldenCase("random-" + out.size(), args, metric, bound, why, properties));
        }
        return out;
    }

    /** Properties whose index text names this formula (for example "(F13)" in a property of the same chapter). */
    private static List<String> exercisedBy(FormulaInfo f) {
        String shortId = f.id().substring(f.id().indexOf('-') + 1);
        Pattern word = Pattern.compile("\\b(" + Pattern.quote(f.id()) + "|" + Pattern.quote(shortId) + ")\\b");
        List<String> ids = new ArrayList<>();
        for (SpecIndex.Entry e : SpecIndex.load().entries(f.area(), SpecIndex.Kind.PROPERTY)) {
            if (word.matcher(e.title() + " " + e.text()).find()) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    private static Object invoke(FormulaInfo f, Map<String, Object> args) {
        Object[] values = new Object[f.args().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(f.args().get(i).name());
        }
        try {
            return f.method().invoke(null, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(f.id() + " failed on a generated case: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
