package io.formulary.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formulary.properties.protocol.JsonValues;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proxies a chapter contract onto an external process that answers the {@code eval} protocol on stdin/stdout (any
 * language). Each contract method annotated {@link Evaluates} becomes one request {@code {"id":n,"fn":ID,
 * "args":{<parameter name>: value}}}; the response's {@code value} is converted back to the method's return type.
 * An {@code invalid-argument} error becomes an {@link IllegalArgumentException} (so bad-input properties apply),
 * any other error an {@link UnsupportedOperationException} naming the formula.
 *
 * <p>Contract methods without {@link Evaluates} are scaffolding that the eval protocol does not expose (for
 * example a forward pass used to build inputs); they run on the reference. The process is started once per
 * command and ended when the JVM exits.
 */
final class ExternalSubjects {

    private static final Map<String, Client> CLIENTS = new ConcurrentHashMap<>();

    private ExternalSubjects() {
    }

    static <C> C proxy(Class<C> contract, String command, C reference) {
        Client client = CLIENTS.computeIfAbsent(command, Client::start);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "external subject `" + command + "` for " + contract.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Evaluates ev = method.getAnnotation(Evaluates.class);
            if (ev == null) {
                try {
                    return method.invoke(reference, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            return client.call(ev.value(), method, args == null ? new Object[0] : args);
        };
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, handler));
    }

    /** One running subject process. */
    private static final class Client {
        private final ObjectMapper mapper = new ObjectMapper();
        private final Process process;
        private final BufferedWriter in;
        private final BufferedReader out;
        private final AtomicLong ids = new AtomicLong();
        private final String command;

        private Client(String command) throws IOException {
            this.command = command;
            process = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        }

        static Client start(String command) {
            try {
                return new Client(command);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start subject `" + command + "`", e);
            }
        }

        synchronized Object call(String formulaId, Method method, Object[] args) throws IOException {
            long id = ids.incrementAndGet();
            ObjectNode request = mapper.createObjectNode();
            request.put("id", id);
            request.put("fn", formulaId);
            ObjectNode named = request.putObject("args");
            Parameter[] params = method.getParameters();
            for (int i = 0; i < params.length; i++) {
                // shortest round-trip decimals: exact for any reader that parses doubles correctly
                named.set(params[i].getName(), JsonValues.toJson(args[i], false));
            }
            in.write(mapper.writeValueAsString(request));
            in.write('\n');
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("subject `" + command + "` closed its output (exit status "
                        + (process.isAlive() ? "running" : String.valueOf(process.exitValue())) + ") while answering "
                        + formulaId);
            }
            JsonNode response = mapper.readTree(line);
            if (response.path("ok").asBoolean(false)) {
                return JsonValues.fromJson(response.get("value"), method.getReturnType(), formulaId + " value");
            }
            JsonNode error = response.path("error");
            String type = error.path("type").asText("unknown");
            String message = error.path("message").asText("");
            if ("invalid-argument".equals(type)) {
                throw new IllegalArgumentException(message);
            }
            throw new UnsupportedOperationException("subject `" + command + "` answered " + formulaId + " with "
                    + type + ": " + message);
        }
    }
}
