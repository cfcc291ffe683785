package io.formulary.properties.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.formulary.core.numeric.FormulaCatalogue;
import io.formulary.core.numeric.FormulaCatalogue.ArgInfo;
import io.formulary.core.numeric.FormulaCatalogue.FormulaInfo;
import io.formulary.properties.protocol.JsonValues.ProtocolException;

import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Answers one {@code eval} request with the reference: {@code {"id":..,"fn":"GAUSS-F5","args":{..}}} gives
 * {@code {"id":..,"ok":true,"value":..}} or {@code {"id":..,"ok":false,"error":{"type":..,"message":..,"line":..}}}.
 * Never throws for bad input: malformed JSON, unknown formula, missing or extra argument, wrong type or shape and
 * invalid values all become error records. Arguments are looked up through the {@code @Formula} catalogue, so
 * there is no per-formula code here.
 */
public final class EvalService {

    /** Error type: the line is not a JSON object. */
    public static final String MALFORMED = "malformed-json";
    /** Error type: no formula with that ID. */
    public static final String UNKNOWN = "unknown-formula";
    /** Error type: a required argument is absent. */
    public static final String MISSING = "missing-argument";
    /** Error type: an argument the formula does not take. */
    public static final String EXTRA = "extra-argument";
    /** Error type: the formula rejected a value (IllegalArgumentException from the reference). */
    public static final String INVALID = "invalid-argument";
    /** Error type: an unexpected failure inside the reference (a bug; reported, never a crash). */
    public static final String INTERNAL = "internal-error";

    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean hex;

    /** A service writing doubles as shortest decimals, or as hex-float strings when {@code hex}. */
    public EvalService(boolean hex) {
        this.hex = hex;
    }

    /** Answers one raw line (the 1-based line number goes into error records). */
    public ObjectNode answer(String line, long lineNumber) {
        JsonNode request;
        try {
            request = mapper.readTree(line);
        } catch (java.io.IOException e) {
            return error(null, MALFORMED, "line is not valid JSON: " + firstLine(e.getMessage()), lineNumber);
        }
        if (request == null || !request.isObject()) {
            return error(null, MALFORMED, "a request must be a JSON object {\"id\":..,\"fn\":..,\"args\":{..}}",
                    lineNumber);
        }
        return answer((ObjectNode) request, lineNumber);
    }

    /** Answers one parsed request. */
    public ObjectNode answer(ObjectNode request, long lineNumber) {
        JsonNode id = request.get("id");
        JsonNode fn = request.get("fn");
        if (fn == null || !fn.isTextual()) {
            return error(id, MISSING, "fn: the formula ID is missing (expected a string such as \"ORTHO-F9\")", lineNumber);
        }
        Optional<FormulaInfo> info = FormulaCatalogue.find(fn.asText());
        if (info.isEmpty()) {
            return error(id, UNKNOWN, "fn: unknown formula ID \"" + fn.asText() + "\" (see formulary list)", lineNumber);
        }
        JsonNode args = request.get("args");
        if (args == null) {
            args = mapper.createObjectNode();
        }
        if (!args.isObject()) {
            return error(id, MALFORMED, "args: expected an object of named arguments", lineNumber);
        }
        try {
            Object value = invoke(info.get(), (ObjectNode) args);
            ObjectNode ok = mapper.createObjectNode();
            ok.set("id", id);
            ok.put("ok", true);
            ok.set("value", JsonValues.toJson(value, hex));
            return ok;
        } catch (ProtocolException e) {
            return error(id, e.type(), e.getMessage(), lineNumber);
        } catch (IllegalArgumentException e) {
            return error(id, INVALID, e.getMessage(), lineNumber);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return error(id, INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage(), lineNumber);
        }
    }

    /** Converts the named JSON arguments and calls the reference method. */
    public static Object invoke(FormulaInfo info, ObjectNode args) {
        List<ArgInfo> params = info.args();
        for (Iterator<String> names = args.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (params.stream().noneMatch(a -> a.name().equals(name))) {
                throw new ProtocolException(EXTRA, name + ": " + info.id() + " takes no argument named " + name
                        + " (arguments: " + params.stream().map(ArgInfo::name).toList() + ")");
            }
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            ArgInfo a = params.get(i);
            JsonNode node = args.get(a.name());
            if (node == null) {
                throw new ProtocolException(MISSING, a.name() + ": missing argument of " + info.id() + " (" + a.shape()
                        + ", " + a.domain() + ")");
            }
            values[i] = JsonValues.fromJson(node, a.type(), a.name());
        }
        try {
            return info.method().invoke(null, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode error(JsonNode id, String type, String message, long line) {
        ObjectNode out = mapper.createObjectNode();
        out.set("id", id);
        out.put("ok", false);
        ObjectNode err = out.putObject("error");
        err.put("type", type);
        err.put("message", message == null ? type : message);
        err.put("line", line);
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
