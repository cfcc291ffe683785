package io.formulary.properties;

import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.spec.SpecIndex;
import io.formulary.core.spec.SpecIndex.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage meta-test: compares the spec index with the {@code @Formula} catalogue and the tagged property
 * methods, in both directions, and prints a per-chapter coverage summary.
 */
class SpecCoverageTest {

    /** Formula and property IDs per chapter, as transcribed from the specification (asserted, so none is lost). */
    private static final Map<String, int[]> TRANSCRIBED = new LinkedHashMap<>();

    static {
        TRANSCRIBED.put("SIN", new int[] {18, 21});
        TRANSCRIBED.put("ROPE", new int[] {23, 27});
        TRANSCRIBED.put("WIDEN", new int[] {23, 16});
        TRANSCRIBED.put("ORTHO", new int[] {18, 22});
        TRANSCRIBED.put("CONTRA", new int[] {18, 14});
        TRANSCRIBED.put("GAUSS", new int[] {31, 21});
        TRANSCRIBED.put("LOGIT", new int[] {23, 20});
        TRANSCRIBED.put("INIT", new int[] {27, 24});
    }

    private final SpecIndex index = SpecIndex.load();

    @Test
    @DisplayName("the index holds every formula and property ID of all eight chapters")
    void indexHoldsEveryTranscribedId() {
        assertThat(index.chapters()).extracting(SpecIndex.Chapter::area).containsExactlyElementsOf(TRANSCRIBED.keySet());
        TRANSCRIBED.forEach((area, counts) -> {
            assertThat(index.entries(area, Kind.FORMULA)).as(area + " formulas").hasSize(counts[0]);
            assertThat(index.entries(area, Kind.PROPERTY)).as(area + " properties").hasSize(counts[1]);
        });
    }

    @Test
    @DisplayName("every @Formula ID is a formula of the index")
    void everyAnnotatedFormulaIsInTheIndex() {
        for (FormulaCatalogue.FormulaInfo f : FormulaCatalogue.all()) {
            assertThat(index.find(f.id())).as("@Formula(%s) on %s", f.id(), f.method()).isPresent();
            assertThat(index.find(f.id()).get().kind()).as(f.id()).isEqualTo(Kind.FORMULA);
        }
    }

    @Test
    @DisplayName("every property tag is a property of the index, one per @Property method, named in its display name")
    void everyTagIsAPropertyOfTheIndex() throws Exception {
        for (Method m : propertyMethods()) {
            List<String> ids = idTags(m);
            assertThat(ids).as("ID tags of %s", m).hasSize(1);
            String id = ids.get(0);
            assertThat(index.find(id)).as("@Tag(%s) on %s", id, m).isPresent();
            assertThat(index.find(id).get().kind()).as(id).isEqualTo(Kind.PROPERTY);
            DisplayName name = m.getAnnotation(DisplayName.class);
            assertThat(name).as("@DisplayName on %s", m).isNotNull();
            assertThat(name.value()).as("display name of %s", m).startsWith(id + ": ");
        }
    }

    @Test
    @DisplayName("each property ID is tagged on exactly one @Property method")
    void eachPropertyIdHasOneMethod() throws Exception {
        Map<String, List<String>> byId = new TreeMap<>();
        for (Method m : propertyMethods()) {
            for (String id : idTags(m)) {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
            }
        }
        byId.forEach((id, methods) -> assertThat(methods).as(id).hasSize(1));
    }

    @Test
    @DisplayName("every chapter marked complete has every formula implemented and every property tagged")
    void completeChaptersAreComplete() throws Exception {
        Set<String> tagged = new TreeSet<>();
        for (Method m : propertyMethods()) {
            tagged.addAll(idTags(m));
        }
        Set<String> implemented = new TreeSet<>();
        FormulaCatalogue.all().forEach(f -> implemented.add(f.id()));

        StringBuilder summary = new StringBuilder("spec coverage (formulas implemented / properties tagged):\n");
        List<String> missing = new ArrayList<>();
        for (SpecIndex.Chapter c : index.chapters()) {
            int fDone = 0;
            int pDone = 0;
            List<SpecIndex.Entry> formulas = index.entries(c.area(), Kind.FORMULA);
            List<SpecIndex.Entry> properties = index.entries(c.area(), Kind.PROPERTY);
            for (SpecIndex.Entry f : formulas) {
                boolean ok = implemented.contains(f.id())
                        || f.coveredBy().map(tagged::contains).orElse(false);
                fDone += ok ? 1 : 0;
                if (!ok && c.complete()) {
                    missing.add(f.id() + " (no @Formula method, no covered-by property)");
                }
            }
            for (SpecIndex.Entry p : properties) {
                boolean ok = tagged.contains(p.id());
                pDone += ok ? 1 : 0;
                if (!ok && c.complete()) {
                    missing.add(p.id() + " (no tagged property)");
                }
            }
            if (c.complete()) {
                for (SpecIndex.Entry e : index.entries(c.area(), Kind.ERRATUM)) {
                    if (!tagged.contains(e.reference())) {
                        missing.add(e.id() + " (erratum not demonstrated by a tagged property: '" + e.reference() + "')");
                    }
                }
            }
            summary.append(String.format("  %-7s %-9s formulas %2d/%-2d  properties %2d/%-2d%n", c.area(),
                    c.complete() ? "complete" : "open", fDone, formulas.size(), pDone, properties.size()));
        }
        System.out.print(summary);
        assertThat(missing).as("IDs missing from chapters marked complete").isEmpty();
    }

    static List<String> idTags(Method m) {
        List<String> ids = new ArrayList<>();
        for (Tag t : m.getAnnotationsByType(Tag.class)) {
            if (t.value().matches("[A-Z]+-P[0-9]+")) {
                ids.add(t.value());
            }
        }
        return ids;
    }

    /** Every test method in this module's test classes that carries a property ID tag or {@link Property}. */
    static List<Method> propertyMethods() throws IOException, URISyntaxException {
        Path root = Paths.get(SpecCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace(".class", "").replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(name, false, SpecCoverageTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Property.class) || !idTags(m).isEmpty()) {
                        methods.add(m);
                    }
                }
            }
        }
        return methods;
    }
}
