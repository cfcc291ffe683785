package io.formulary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged {@code formulary} jar as a subprocess, as users and other implementations do. */
class FormularyCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {
    }

    private static Run run(Path stdin, String... args) throws IOException, InterruptedException {
        return runWithJvm(List.of(), stdin, args);
    }

    private static Run runWithJvm(List<String> jvm, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(System.getProperty("formulary.jar", "target/formulary.jar"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("formulary-out", ".txt");
        Path err = Files.createTempFile("formulary-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("formulary %s finished", List.of(args)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void listPrintsTheCatalogueAsTableAndJson(@TempDir Path dir) throws Exception {
        Run table = run(null, "list");
        assertThat(table.status()).isZero();
        assertThat(table.out()).contains("CONTRA-F4").contains("partner");
        Run json = run(null, "list", "--json");
        JsonNode list = JSON.readTree(json.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("id")).contains("CONTRA-F4", "CONTRA-F11");
    }

    @Test
    void evalAnswersEveryLineInOrderAndTurnsBadInputIntoErrorRecords(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(
                "{\"id\":\"a\",\"fn\":\"CONTRA-F4\",\"args\":{\"H\":[[0.75,-0.75],[-0.375,1],[0.25,0.75],[-0.875,0.25]],"
                        + "\"partner\":[1,0,3,2],\"tau\":0.5,\"masked\":false}}",
                "{not json",
                "{\"id\":3,\"fn\":\"NOPE-F9\",\"args\":{}}",
                "{\"id\":4,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[1,2]]}}",
                "{\"id\":5,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[1,2]],\"tau\":1,\"beta\":2}}",
                "{\"id\":6,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[1,2],\"tau\":1}}",
                "{\"id\":7,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[1,2]],\"tau\":-1}}",
                "{\"id\":8,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[\"0x1.8p1\",\"NaN\"]],\"tau\":1}}",
                "{\"id\":9,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[\"0x1.8p1\",0.1]],\"tau\":\"0x1p0\"}}"));
        Run r = run(in, "eval");
        assertThat(r.status()).isZero();
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).get("value").asDouble()).isEqualTo(13.810894676625349);
        String[] types = {null, "malformed-json", "unknown-formula", "missing-argument", "extra-argument", "wrong-shape",
                "invalid-argument", "invalid-argument", null};
        for (int i = 1; i < 8; i++) {
            JsonNode e = lines.get(i);
            assertThat(e.get("ok").asBoolean()).as("line %d", i + 1).isFalse();
            assertThat(e.at("/error/type").asText()).as("line %d", i + 1).isEqualTo(types[i]);
            assertThat(e.at("/error/line").asInt()).isEqualTo(i + 1);
        }
        assertThat(lines.get(3).at("/error/message").asText()).startsWith("tau");
        assertThat(lines.get(6).at("/error/message").asText()).startsWith("tau");
        assertThat(lines.get(7).at("/error/message").asText()).isEqualTo("H[0][1] is NaN");
        // 3^2 + 0.1^2 in double, written as the shortest decimal that parses back to it
        double expected = 3.0 * 3.0 + 0.1 * 0.1;
        assertThat(lines.get(8).at("/value/0/0").asText()).isEqualTo(Double.toString(expected));
    }

    @Test
    void evalNumbersRoundTripExactlyAndHexIsAvailable(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        double a = 0.1;
        double b = 1e-300;
        Files.writeString(in, "{\"id\":1,\"fn\":\"CONTRA-F2\",\"args\":{\"H\":[[" + a + "," + b + "]],\"tau\":3}}\n");
        JsonNode dec = JSON.readTree(run(in, "eval").out());
        JsonNode hex = JSON.readTree(run(in, "eval", "--hex").out());
        double exact = Math.fma(a, a, b * b) / 3;
        assertThat(Double.parseDouble(dec.at("/value/0/0").asText())).isEqualTo(exact);
        assertThat(Double.parseDouble(hex.at("/value/0/0").asText())).isEqualTo(exact);
        assertThat(hex.at("/value/0/0").asText()).startsWith("0x");
    }

    @Test
    void evalStreamsManyRequestsInBoundedMemory(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("many.jsonl");
        int n = 200_000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":" + i + ",\"fn\":\"CONTRA-F1\",\"args\":{\"partner\":[1,0,3,2]}}\n");
            }
        }
        // A 32 MiB heap cannot hold 200 000 responses: only streaming gets through.
        Run r = runWithJvm(List.of("-Xmx32m"), in, "eval", "--out", dir.resolve("out.jsonl").toString());
        assertThat(r.status()).isZero();
        try (var lines = Files.lines(dir.resolve("out.jsonl"))) {
            assertThat(lines.count()).isEqualTo(n);
        }
    }

    @Test
    void vectorsAreByteIdenticalForTheSameSeed(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        assertThat(run(null, "vectors", "--out", first.toString(), "--cases", "3").status()).isZero();
        assertThat(run(null, "vectors", "--out", second.toString(), "--cases", "3").status()).isZero();
        List<Path> files;
        try (var s = Files.list(first)) {
            files = s.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.readAllBytes(second.resolve(f.getFileName()))).as(f.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
        JsonNode c = JSON.readTree(Files.readAllLines(first.resolve("CONTRA-F4.jsonl")).get(0));
        assertThat(c.get("case").asText()).startsWith("CONTRA-F4/");
        assertThat(c.at("/tolerance/metric").asText()).isNotEmpty();
        assertThat(c.at("/tolerance/justification").asText()).isNotEmpty();
        assertThat(c.get("expectedHex").asText()).startsWith("0x");
        assertThat(c.at("/provenance/seed").asLong()).isEqualTo(20211129L);
    }

    @Test
    void everyGoldenCaseReplaysThroughEvalBitForBit(@TempDir Path dir) throws Exception {
        Path vectors = dir.resolve("vectors");
        assertThat(run(null, "vectors", "--out", vectors.toString(), "--cases", "2").status()).isZero();
        Path requests = dir.resolve("requests.jsonl");
        List<JsonNode> expected = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(requests, StandardCharsets.UTF_8);
             var files = Files.list(vectors)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode c = JSON.readTree(line);
                    w.write(JSON.writeValueAsString(JSON.createObjectNode().put("id", c.get("case").asText())
                            .put("fn", c.get("fn").asText()).set("args", c.get("args"))));
                    w.write('\n');
                    expected.add(c);
                }
            }
        }
        Run r = run(requests, "eval", "--hex");
        assertThat(r.status()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < lines.length; i++) {
            JsonNode response = JSON.readTree(lines[i]);
            assertThat(response.get("ok").asBoolean()).as("%s: %s", expected.get(i).get("case"), lines[i]).isTrue();
            assertThat(response.get("value")).as(expected.get(i).get("case").asText())
                    .isEqualTo(expected.get(i).get("expectedHex"));
        }
    }

    @Test
    void checkPassesTheReferenceAndCatchesAJvmMutant(@TempDir Path dir) throws Exception {
        Run ok = run(null, "check", "--property", "CONTRA-P2", "--examples", "20", "--results", dir.resolve("ok").toString());
        assertThat(ok.status()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("CONTRA-P2  passed");
        Run bad = run(null, "check", "--subject-class",
                "io.formulary.properties.contrastive.mutants.UnsymmetrizedLabelVectors", "--property", "CONTRA-P2",
                "--examples", "20", "--results", dir.resolve("bad").toString());
        assertThat(bad.status()).as(bad.out()).isEqualTo(3);
        assertThat(bad.out()).contains("CONTRA-P2  failed").contains("smallest counterexample");
        assertThat(dir.resolve("bad").resolve("CONTRA-P2.json")).exists();
    }
}
