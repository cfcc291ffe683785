package io.formulary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formulary.core.spec.SpecIndex;
import io.formulary.properties.PropertyResult;
import io.formulary.properties.Subjects;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code formulary check}: runs the property suite against another implementation, a JVM class or an external
 * process speaking the {@code eval} protocol, prints one verdict per property with the smallest counterexample,
 * and writes the same structured results the report reads. Exit status 0 when every selected property held,
 * 3 when at least one was falsified.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks another implementation with the property suite (the reference when no subject is given).")
public final class CheckCommand implements Callable<Integer> {

    static final class Subject {
        @Option(names = "--subject-class", description = "A JVM class (on the class path) implementing chapter contracts.")
        String subjectClass;

        @Option(names = "--subject-cmd", description = "A command that answers the eval protocol on stdin/stdout, "
                + "for example \"python3 examples/python/numpy_subject.py\".")
        String subjectCmd;
    }

    @ArgGroup(exclusive = true)
    Subject subject = new Subject();

    @Option(names = "--area", split = ",", description = "Chapters to check (for example CONTRA,GAUSS); default all.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--property", split = ",", description = "Property IDs to check (for example CONTRA-P2); default all.")
    List<String> properties = new ArrayList<>();

    @Option(names = "--results", description = "Directory for the structured results (default: ${DEFAULT-VALUE}).")
    Path results = Paths.get("formulary-check-results");

    @Option(names = "--examples", description = "Examples per property run (default: the suite's policy).")
    Integer examples;

    @Option(names = "--seed", description = "Seed policy: fixed (default), random, or a number to replay.")
    String seed;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        SpecIndex index = SpecIndex.load();
        List<String> ids = new ArrayList<>();
        for (SpecIndex.Entry e : index.entries()) {
            if (e.kind() != SpecIndex.Kind.PROPERTY) {
                continue;
            }
            boolean areaOk = areas.isEmpty() || areas.contains(e.area());
            boolean idOk = properties.isEmpty() || properties.contains(e.id());
            if (areaOk && idOk) {
                ids.add(e.id());
            }
        }
        if (ids.isEmpty()) {
            System.err.println("formulary check: no property matches --area " + areas + " --property " + properties);
            return 2;
        }
        if (subject.subjectClass != null) {
            System.setProperty(Subjects.SUBJECT_CLASS, subject.subjectClass);
        }
        if (subject.subjectCmd != null) {
            System.setProperty(Subjects.SUBJECT_CMD, subject.subjectCmd);
        }
        if (examples != null) {
            System.setProperty("formulary.examples", Integer.toString(examples));
        }
        if (seed != null) {
            System.setProperty("formulary.seed", seed);
        }
        Files.createDirectories(results);
        try (Stream<Path> old = Files.list(results)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.delete(p);
            }
        }
        System.setProperty("formulary.results.dir", results.toAbsolutePath().toString());

        out.println("formulary check: subject " + Subjects.describe() + ", " + ids.size() + " properties");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("io.formulary.properties"))
                .filters(TagFilter.includeTags(ids), TagFilter.excludeTags("exhaustive"))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new Progress(out));

        ObjectMapper mapper = new ObjectMapper();
        int failed = 0;
        int ran = 0;
        out.println();
        for (String id : ids) {
            Path file = results.resolve(id + ".json");
            if (!Files.exists(file)) {
                out.printf(Locale.ROOT, "  %-10s not run%n", id);
                continue;
            }
            PropertyResult r = mapper.readValue(file.toFile(), PropertyResult.class);
            ran++;
            boolean bad = PropertyResult.FAILED.equals(r.outcome()) || PropertyResult.UNEXPECTED_PASS.equals(r.outcome());
            failed += bad ? 1 : 0;
            out.printf(Locale.ROOT, "  %-10s %-16s %6d examples  seed %d%n", id, r.outcome(), r.examples(), r.seed());
            if (bad) {
                if (r.counterexample() != null) {
                    out.println("             smallest counterexample: " + abbreviate(r.counterexample(), 400));
                }
                out.println("             " + abbreviate(String.valueOf(r.message()), 400));
            }
        }
        out.printf(Locale.ROOT, "%n%d properties run, %d falsified, %d not run; results in %s%n", ran, failed,
                ids.size() - ran, results.toAbsolutePath());
        return failed == 0 ? 0 : 3;
    }

    private static String abbreviate(String s, int max) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    /** Prints one character per finished property: {@code .} held, {@code F} falsified. */
    private static final class Progress implements TestExecutionListener {
        private final PrintStream out;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                out.print(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "." : "F");
                out.flush();
            }
        }
    }
}
