package io.formulary.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultStoreTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRecordsTheHarnessWrites() throws IOException {
        Fixtures.writeResults(dir);
        ResultStore store = ResultStore.read(dir);
        assertThat(store.results()).containsOnlyKeys("ALPHA-P1", "ALPHA-P2", "ALPHA-P3");
        assertThat(store.results().get("ALPHA-P2").counterexample()).isEqualTo("x = [1.0, <-2.0>]");
        assertThat(store.accuracy()).hasSize(4);
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void nonFiniteErrorsAndUnknownFieldsAreRead() throws IOException {
        Files.createDirectories(dir.resolve("accuracy"));
        Files.writeString(dir.resolve("accuracy/X-F1.jsonl"),
                "{\"formulaId\":\"X-F1\",\"testCase\":\"c\",\"metric\":\"ulps\",\"error\":\"NaN\",\"bound\":1.0,\"oracle\":\"o\",\"later\":1}\n"
                        + "{\"formulaId\":\"X-F1\",\"testCase\":\"c\",\"metric\":\"ulps\",\"error\":Infinity,\"bound\":1.0,\"oracle\":\"o\"}\n");
        ResultStore store = ResultStore.read(dir);
        assertThat(store.accuracy()).hasSize(2);
        assertThat(store.accuracy().get(0).error()).isNaN();
        assertThat(store.accuracy().get(1).error()).isInfinite();
    }

    @Test
    void unreadableRecordsAreReportedNotFatal() throws IOException {
        Files.writeString(dir.resolve("BROKEN-P1.json"), "{not json");
        Files.createDirectories(dir.resolve("accuracy"));
        Files.writeString(dir.resolve("accuracy/X-F1.jsonl"), "garbage\n\n");
        ResultStore store = ResultStore.read(dir);
        assertThat(store.results()).isEmpty();
        assertThat(store.problems()).hasSize(2);
    }

    @Test
    void aMissingDirectoryIsAnEmptyStoreWithANote() {
        ResultStore store = ResultStore.read(dir.resolve("nope"));
        assertThat(store.results()).isEmpty();
        assertThat(store.problems()).singleElement().asString().contains("not run");
    }

    @Test
    void clearRemovesOnlyRecords() throws IOException {
        Fixtures.writeResults(dir);
        Files.writeString(dir.resolve("keep.txt"), "x");
        ResultStore.clear(dir);
        assertThat(ResultStore.read(dir).results()).isEmpty();
        assertThat(ResultStore.read(dir).accuracy()).isEmpty();
        assertThat(dir.resolve("keep.txt")).exists();
    }
}
