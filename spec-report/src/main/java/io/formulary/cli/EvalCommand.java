package io.formulary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.formulary.properties.protocol.EvalService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code formulary eval}: JSON Lines in, JSON Lines out, exactly one response per request, in order, streamed
 * (memory does not grow with the number of requests). Bad requests become error records; the exit status is 0
 * when every line was answered and 1 only when reading or writing failed.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates formulas with the reference: one JSON request per input line, one response per output line.",
                "Request:  {\"id\":1,\"fn\":\"ORTHO-F12\",\"args\":{\"a\":[1,2],\"b\":[3,4]}}",
                "Response: {\"id\":1,\"ok\":true,\"value\":[[..],[..]]}  or  {\"id\":1,\"ok\":false,\"error\":{\"type\":..,\"message\":..,\"line\":1}}"})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--in", description = "Read requests from this file instead of standard input.")
    Path in;

    @Option(names = "--out", description = "Write responses to this file instead of standard output.")
    Path out;

    @Option(names = "--hex", description = "Write doubles as hex-float strings (\"0x1.8p1\") instead of shortest decimals.")
    boolean hex;

    @Override
    public Integer call() {
        EvalService service = new EvalService(hex);
        ObjectMapper mapper = new ObjectMapper();
        try (Reader source = in == null ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedReader reader = new BufferedReader(source, 1 << 16);
             Writer sink = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             BufferedWriter writer = new BufferedWriter(sink, 1 << 16)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                writer.write(mapper.writeValueAsString(service.answer(line, lineNumber)));
                writer.write('\n');
                // Flush when no more input is waiting: batch throughput, yet interactive callers see each answer.
                if (!reader.ready()) {
                    writer.flush();
                }
            }
            writer.flush();
            return 0;
        } catch (IOException e) {
            System.err.println("formulary eval: I/O failure: " + e.getMessage());
            return 1;
        }
    }
}
