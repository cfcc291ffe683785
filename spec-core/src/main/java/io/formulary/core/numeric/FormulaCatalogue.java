package io.formulary.core.numeric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The catalogue of every {@link Formula}-annotated method in {@code io.formulary.core}, discovered at run time by
 * scanning the classes of this library (directory or jar), so a chapter adds formulas without registering them
 * anywhere else.
 *
 * <p>The scan checks the metadata as it goes: IDs are unique, annotated methods are public and static, and the
 * {@link Formula#args()} entries name the method's parameters in order. A violation is a programming error and
 * fails loudly with {@link IllegalStateException}.
 */
public final class FormulaCatalogue {

    private static final String ROOT = "io/formulary/core/";
    private static volatile Map<String, FormulaInfo> cache;

    private FormulaCatalogue() {
    }

    /** One catalogued formula. */
    public record FormulaInfo(String id, String area, String title, List<ArgInfo> args, String output,
                              String accuracy, Method method) {

        /** The numeric part of the ID, for ordering ({@code ORTHO-F12} gives 12). */
        public int number() {
            String digits = id.substring(id.lastIndexOf('F') + 1).replaceAll("[^0-9].*$", "");
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }
    }

    /** One argument: name, Java type, shape and domain. */
    public record ArgInfo(String name, Class<?> type, String shape, String domain) {
    }

    /** All formulas, ordered by area and number. */
    public static List<FormulaInfo> all() {
        List<FormulaInfo> list = new ArrayList<>(index().values());
        list.sort(Comparator.comparing(FormulaInfo::area).thenComparingInt(FormulaInfo::number)
                .thenComparing(FormulaInfo::id));
        return Collections.unmodifiableList(list);
    }

    /** The formula with the given ID, if catalogued. */
    public static Optional<FormulaInfo> find(String id) {
        return Optional.ofNullable(index().get(id));
    }

    private static Map<String, FormulaInfo> index() {
        Map<String, FormulaInfo> local = cache;
        if (local == null) {
            synchronized (FormulaCatalogue.class) {
                local = cache;
                if (local == null) {
                    local = Collections.unmodifiableMap(scan());
                    cache = local;
                }
            }
        }
        return local;
    }

    private static Map<String, FormulaInfo> scan() {
        Map<String, FormulaInfo> found = new TreeMap<>();
        ClassLoader loader = FormulaCatalogue.class.getClassLoader();
        for (String className : classNames(loader)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                Formula f = m.getAnnotation(Formula.class);
                if (f != null) {
                    FormulaInfo info = describe(m, f);
                    FormulaInfo previous = found.putIfAbsent(info.id(), info);
                    if (previous != null) {
                        throw new IllegalStateException("formula " + info.id() + " is annotated twice: "
                                + previous.method() + " and " + m);
                    }
                }
            }
        }
        return found;
    }

    private static FormulaInfo describe(Method m, Formula f) {
        String id = f.value();
        if (!id.matches("[A-Z]+-F[0-9]+[a-z]?")) {
            throw new IllegalStateException(m + ": malformed formula ID " + id);
        }
        int mod = m.getModifiers();
        if (!Modifier.isPublic(mod) || !Modifier.isStatic(mod) || !Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
            throw new IllegalStateException(id + ": " + m + " must be a public static method of a public class");
        }
        Parameter[] params = m.getParameters();
        Formula.Arg[] args = f.args();
        if (args.length != params.length) {
            throw new IllegalStateException(id + ": " + params.length + " parameters but " + args.length + " @Arg entries");
        }
        List<ArgInfo> infos = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            if (!params[i].isNamePresent()) {
                throw new IllegalStateException(id + ": compile with -parameters");
            }
            if (!params[i].getName().equals(args[i].name())) {
                throw new IllegalStateException(id + ": @Arg " + i + " is named " + args[i].name()
                        + " but the parameter is " + params[i].getName());
            }
            infos.add(new ArgInfo(args[i].name(), params[i].getType(), args[i].shape(), args[i].domain()));
        }
        String area = id.substring(0, id.indexOf('-'));
        return new FormulaInfo(id, area, f.title(), List.copyOf(infos), f.output(), f.accuracy(), m);
    }

    private static List<String> classNames(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    Path dir = Paths.get(url.toURI());
                    Path base = dir.getParent().getParent().getParent();
                    try (Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(p -> p.toString().endsWith(".class"))
                                .forEach(p -> names.add(toClassName(base.relativize(p).toString())));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    String spec = url.getPath();
                    String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
                    try (JarFile jar = new JarFile(Paths.get(new java.net.URI("file:" + jarPath)).toFile())) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String n = entries.nextElement().getName();
                            if (n.startsWith(ROOT) && n.endsWith(".class")) {
                                names.add(toClassName(n));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.removeIf(n -> n.contains("-"));
        Collections.sort(names);
        return names.stream().distinct().toList();
    }

    private static String toClassName(String path) {
        return path.replace('\\', '/').replace(".class", "").replace('/', '.');
    }
}
