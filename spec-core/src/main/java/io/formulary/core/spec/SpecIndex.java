package io.formulary.core.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The specification index: every chapter, and every formula, property and erratum ID of every chapter, as
 * transcribed into this project (resources {@code io/formulary/spec/chapters.tsv} and {@code <AREA>.tsv}).
 *
 * <p>The index is the project's own copy of the contract: nothing reads the original specification at build,
 * test or run time. The coverage meta-test compares it with the {@code @Formula} catalogue and the tagged
 * properties; the report and the command line take titles, LaTeX and statements from it.
 */
public final class SpecIndex {

    private static final String BASE = "/io/formulary/spec/";
    private static volatile SpecIndex instance;

    private final List<Chapter> chapters;
    private final Map<String, Entry> entries;

    /** Kind of an index entry. */
    public enum Kind { FORMULA, PROPERTY, ERRATUM }

    /**
     * One chapter.
     *
     * @param area        the ID prefix, for example {@code ORTHO}
     * @param javaPackage the package holding its formulas
     * @param file        the chapter file name of the specification it was transcribed from
     * @param complete    whether every ID of the chapter must be implemented and tagged
     * @param title       the chapter title
     */
    public record Chapter(String area, String javaPackage, String file, boolean complete, String title) {
    }

    /**
     * One formula, property or erratum.
     *
     * @param id             the spec ID
     * @param area           the chapter area
     * @param kind           formula, property or erratum
     * @param title          one-line title
     * @param text           LaTeX of a formula, or the statement of a property or erratum (may be empty)
     * @param reference      for an erratum, the property that demonstrates it; for a formula that is a
     *                       statement rather than a computation, {@code covered-by: <property ID>}; else empty
     */
    public record Entry(String id, String area, Kind kind, String title, String text, String reference) {

        /** For a formula marked {@code covered-by: X}, the property X. */
        public Optional<String> coveredBy() {
            return reference.startsWith("covered-by:") ? Optional.of(reference.substring(11).trim()) : Optional.empty();
        }
    }

    private SpecIndex(List<Chapter> chapters, Map<String, Entry> entries) {
        this.chapters = chapters;
        this.entries = entries;
    }

    /** The index as packaged with this library. */
    public static SpecIndex load() {
        SpecIndex local = instance;
        if (local == null) {
            synchronized (SpecIndex.class) {
                local = instance;
                if (local == null) {
                    local = read();
                    instance = local;
                }
            }
        }
        return local;
    }

    /** The chapters, in chapter order. */
    public List<Chapter> chapters() {
        return chapters;
    }

    /** The chapter with the given area. */
    public Optional<Chapter> chapter(String area) {
        return chapters.stream().filter(c -> c.area().equals(area)).findFirst();
    }

    /** Every entry, in chapter order and then in file order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entries of one chapter. */
    public List<Entry> entries(String area) {
        return entries.values().stream().filter(e -> e.area().equals(area)).toList();
    }

    /** The entries of one chapter and kind. */
    public List<Entry> entries(String area, Kind kind) {
        return entries.values().stream().filter(e -> e.area().equals(area) && e.kind() == kind).toList();
    }

    /** The entry with the given ID. */
    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    private static SpecIndex read() {
        List<Chapter> chapters = new ArrayList<>();
        for (String[] row : rows("chapters.tsv")) {
            if (row.length < 5) {
                throw new IllegalStateException("chapters.tsv: expected 5 columns in " + String.join("|", row));
            }
            chapters.add(new Chapter(row[0], row[1], row[2], "yes".equals(row[3]), row[4]));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Chapter c : chapters) {
            for (String[] row : rows(c.area() + ".tsv")) {
                String id = row[0];
                if (!id.startsWith(c.area() + "-")) {
                    throw new IllegalStateException(c.area() + ".tsv: ID " + id + " is not of this chapter");
                }
                Kind kind = Kind.valueOf(row[1].toUpperCase(java.util.Locale.ROOT));
                Entry e = new Entry(id, c.area(), kind, col(row, 2), col(row, 3), col(row, 4));
                if (entries.put(id, e) != null) {
                    throw new IllegalStateException(c.area() + ".tsv: duplicate ID " + id);
                }
            }
        }
        return new SpecIndex(Collections.unmodifiableList(chapters), Collections.unmodifiableMap(entries));
    }

    private static String col(String[] row, int i) {
        return i < row.length ? row[i].trim() : "";
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = SpecIndex.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
