package io.formulary.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.formulary.properties.AccuracyLog;
import io.formulary.properties.PropertyResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The structured records of a property run, as the harness writes them: one {@link PropertyResult} JSON file per
 * property ({@code <dir>/<ID>.json}) and one {@link AccuracyLog.Entry} per JSON line in
 * {@code <dir>/accuracy/<formula ID>.jsonl}. Nothing here reads console output.
 *
 * @param directory the results directory
 * @param results   property results by property ID
 * @param accuracy  accuracy entries in file order
 * @param problems  records that could not be read (reported, not fatal)
 */
public record ResultStore(Path directory, Map<String, PropertyResult> results, List<AccuracyLog.Entry> accuracy,
                          List<String> problems) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ResultStore {
        results = Collections.unmodifiableMap(new TreeMap<>(results));
        accuracy = List.copyOf(accuracy);
        problems = List.copyOf(problems);
    }

    /** No records at all (nothing was run). */
    public static ResultStore empty(Path directory) {
        return new ResultStore(directory, Map.of(), List.of(), List.of());
    }

    /** Reads every record under {@code directory}; a missing directory gives an empty store. */
    public static ResultStore read(Path directory) {
        Map<String, PropertyResult> results = new TreeMap<>();
        List<AccuracyLog.Entry> accuracy = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new ResultStore(directory, results, accuracy, List.of("no results directory "
                    + directory.toAbsolutePath().normalize()
                    + ": every property is shown as not run"));
        }
        for (Path file : list(directory, ".json")) {
            try {
                PropertyResult r = JSON.readValue(file.toFile(), PropertyResult.class);
                if (r.id() == null || r.id().isBlank()) {
                    problems.add(file.getFileName() + ": record without an id");
                } else {
                    results.put(r.id(), r);
                }
            } catch (IOException e) {
                problems.add(file.getFileName() + ": unreadable result record (" + e.getClass().getSimpleName() + ")");
            }
        }
        Path accuracyDir = directory.resolve("accuracy");
        if (Files.isDirectory(accuracyDir)) {
            for (Path file : list(accuracyDir, ".jsonl")) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(file.getFileName() + ": unreadable accuracy log");
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    try {
                        accuracy.add(JSON.readValue(lines.get(i), AccuracyLog.Entry.class));
                    } catch (IOException e) {
                        problems.add(file.getFileName() + " line " + (i + 1) + ": unreadable accuracy entry");
                    }
                }
            }
        }
        return new ResultStore(directory, results, accuracy, problems);
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the records a run writes (property JSON files and accuracy logs) so a fresh run leaves no stale
     * ones behind. Other files are left alone.
     */
    public static void clear(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try {
            for (Path p : list(directory, ".json")) {
                Files.delete(p);
            }
            Path acc = directory.resolve("accuracy");
            if (Files.isDirectory(acc)) {
                for (Path p : list(acc, ".jsonl")) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
