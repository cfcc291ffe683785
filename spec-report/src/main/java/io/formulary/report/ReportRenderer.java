package io.formulary.report;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders the {@link ReportModel} to a self-contained HTML page with Thymeleaf and copies what the page needs
 * beside it: KaTeX (script, style sheet and every font the style sheet names, from the KaTeX webjar), the
 * report's own style sheet and script. The page opens from {@code file://} with no network.
 */
public final class ReportRenderer {

    private static final String TEMPLATES = "io/formulary/report/templates/";
    private static final String ASSETS = "io/formulary/report/assets/";
    private static final String KATEX_POM = "META-INF/maven/org.webjars.npm/katex/pom.properties";
    private static final Pattern CSS_URL = Pattern.compile("url\\((?:['\"])?(fonts/[A-Za-z0-9_.-]+)(?:['\"])?\\)");

    private final TemplateEngine engine;

    /** A renderer reading the template from the class path. */
    public ReportRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATES);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(false);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /** The HTML of the page. */
    public String render(ReportModel.Report report) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", report);
        return engine.process("report", context);
    }

    /**
     * Writes {@code index.html} and its assets into {@code directory}.
     *
     * @return the page written
     */
    public Path write(ReportModel.Report report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path assets = directory.resolve("assets");
            Files.createDirectories(assets.resolve("katex").resolve("fonts"));
            copy(ASSETS + "report.css", assets.resolve("report.css"));
            copy(ASSETS + "report.js", assets.resolve("report.js"));
            String katex = "META-INF/resources/webjars/katex/" + katexVersion() + "/dist/";
            copy(katex + "katex.min.js", assets.resolve("katex/katex.min.js"));
            copy(katex + "katex.min.css", assets.resolve("katex/katex.min.css"));
            String css = Files.readString(assets.resolve("katex/katex.min.css"), StandardCharsets.UTF_8);
            for (String font : fontsOf(css)) {
                copy(katex + font, assets.resolve("katex").resolve(font));
            }
            Path page = directory.resolve("index.html");
            Files.writeString(page, render(report), StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font files a KaTeX style sheet refers to. */
    static Set<String> fontsOf(String css) {
        Set<String> fonts = new LinkedHashSet<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            fonts.add(m.group(1));
        }
        return fonts;
    }

    /** The version of the KaTeX webjar on the class path. */
    static String katexVersion() {
        Properties p = new Properties();
        try (InputStream in = resource(KATEX_POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty("version");
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(KATEX_POM + ": no version");
        }
        return v.trim();
    }

    /** Total size in bytes of the files under {@code directory}. */
    public static long size(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = resource(resource)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + name);
        }
        return in;
    }
}
