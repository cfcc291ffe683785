package io.formulary.properties.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The value mapping of the {@code eval} protocol, shared by the command line and by external subjects:
 * Java values to JSON and back.
 *
 * <ul>
 *   <li>Doubles are written as the shortest decimal that parses back to the identical double (or, with
 *       {@code hex}, as a Java/C99 hex-float string such as {@code "0x1.8p1"}); NaN and the infinities are the
 *       strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. On input, numbers, those strings and
 *       hex-float strings are accepted.</li>
 *   <li>Vectors are arrays, matrices arrays of rows, records objects keyed by component name, enums their
 *       name (case-insensitive on input).</li>
 * </ul>
 * Conversion failures throw {@link ProtocolException} with a type of the protocol's error vocabulary.
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** An error of the protocol: a {@code type} of its vocabulary and a message naming the argument. */
    public static final class ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        /** Creates an error of the given protocol type. */
        public ProtocolException(String type, String message) {
            super(message);
            this.type = type;
        }

        /** The error type, for example {@code wrong-shape}. */
        public String type() {
            return type;
        }
    }

    /**
     * The shortest decimal string that parses back to exactly {@code x} (finite {@code x}).
     *
     * <p>Starts from {@code Double.toString} (at most 17 significant digits, always round-trips on JDK 17 but not
     * always shortest) and drops digits while the rounded value still parses back to {@code x}; stopping at the first
     * failure is valid because round-tripping is monotone in the number of digits. Usually one parse.
     */
    public static String shortest(double x) {
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        String best = Double.toString(x);
        BigDecimal digits = new BigDecimal(best);
        for (int p = digits.precision() - 1; p >= 1; p--) {
            String text = digits.round(new MathContext(p, RoundingMode.HALF_EVEN)).toString();
            if (Double.parseDouble(text) != x) {
                break;
            }
            best = text;
        }
        return normalise(best);
    }

    private static String normalise(String bigDecimalText) {
        // BigDecimal writes 1E+3; JSON accepts it, but keep the plain exponent form for readers.
        return bigDecimalText.replace("E+", "E");
    }

    /** A double as a JSON node: a number, or a string for NaN/infinities (and for every value when {@code hex}). */
    public static JsonNode number(double x, boolean hex) {
        if (Double.isNaN(x)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(x)) {
            return NODES.textNode(x > 0 ? "Infinity" : "-Infinity");
        }
        if (hex) {
            return NODES.textNode(Double.toHexString(x));
        }
        return NODES.numberNode(new BigDecimal(shortest(x)));
    }

    /** A Java value (result of a formula) as JSON. */
    public static JsonNode toJson(Object value, boolean hex) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Double d) {
            return number(d, hex);
        }
        if (value instanceof Float f) {
            return number(f, hex);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof CharSequence s) {
            return NODES.textNode(s.toString());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value.getClass().isArray()) {
            ArrayNode array = NODES.arrayNode();
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                array.add(toJson(Array.get(value, i), hex));
            }
            return array;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            for (Object o : list) {
                array.add(toJson(o, hex));
            }
            return array;
        }
        if (value.getClass().isRecord()) {
            ObjectNode obj = NODES.objectNode();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    obj.set(c.getName(), toJson(c.getAccessor().invoke(value), hex));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read record component " + c.getName(), e);
                }
            }
            return obj;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            ObjectNode obj = NODES.objectNode();
            map.forEach((k, v) -> obj.set(String.valueOf(k), toJson(v, hex)));
            return obj;
        }
        throw new IllegalStateException("no JSON mapping for " + value.getClass().getName());
    }

    /** Parses one double: a JSON number, "NaN", "Infinity", "-Infinity" or a hex-float string. */
    public static double toDouble(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            throw new ProtocolException("wrong-type", name + ": expected a number, got null");
        }
        if (node.isNumber()) {
            // Jackson parses JSON numbers with Double.parseDouble (correctly rounded, its fast parser is off by
            // default); a BigDecimal node is rounded once from its exact decimal.
            return node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
        }
        if (node.isTextual()) {
            String t = node.asText().trim();
            switch (t) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    String lower = t.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("0x") || lower.startsWith("-0x") || lower.startsWith("+0x")) {
                        try {
                            return Double.parseDouble(t.endsWith("p") || lower.contains("p") ? t : t + "p0");
                        } catch (NumberFormatException e) {
                            throw new ProtocolException("wrong-type", name + ": malformed hex float \"" + t + "\"");
                        }
                    }
            }
            throw new ProtocolException("wrong-type", name + ": expected a number, got the string \"" + t + "\"");
        }
        throw new ProtocolException("wrong-type", name + ": expected a number, got " + kind(node));
    }

    /** Converts a JSON argument to the Java parameter type of a formula or contract method. */
    public static Object fromJson(JsonNode node, Class<?> type, String name) {
        if (type == double.class || type == Double.class) {
            return toDouble(node, name);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            double v = toDouble(node, name);
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                throw new ProtocolException("wrong-type", name + ": expected an integer, got " + node);
            }
            if (type == int.class || type == Integer.class) {
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new ProtocolException("wrong-type", name + ": integer out of range: " + node);
                }
                return (int) v;
            }
            return (long) v;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (node == null || !node.isBoolean()) {
                throw new ProtocolException("wrong-type", name + ": expected true or false, got " + kind(node));
            }
            return node.booleanValue();
        }
        if (type == String.class) {
            if (node == null || !node.isTextual()) {
                throw new ProtocolException("wrong-type", name + ": expected a string, got " + kind(node));
            }
            return node.asText();
        }
        if (type.isEnum()) {
            if (node == null || !node.isTextual()) {
                throw new ProtocolException("wrong-type", name + ": expected one of " + List.of(type.getEnumConstants())
                        + ", got " + kind(node));
            }
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(node.asText())) {
                    return c;
                }
            }
            throw new ProtocolException("invalid-argument", name + ": expected one of " + List.of(type.getEnumConstants())
                    + ", got \"" + node.asText() + "\"");
        }
        if (type.isArray()) {
            if (node == null || !node.isArray()) {
                throw new ProtocolException("wrong-shape", name + ": expected an array (" + shapeOf(type) + "), got "
                        + kind(node));
            }
            Class<?> component = type.getComponentType();
            Object array = Array.newInstance(component, node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (component.isArray() && !element.isArray()) {
                    throw new ProtocolException("wrong-shape", name + "[" + i + "]: expected an array (row of a "
                            + shapeOf(type) + "), got " + kind(element));
                }
                if (!component.isArray() && element.isArray()) {
                    throw new ProtocolException("wrong-shape", name + "[" + i + "]: expected a scalar, got an array ("
                            + name + " is a " + shapeOf(type) + ")");
                }
                Array.set(array, i, fromJson(element, component, name + "[" + i + "]"));
            }
            return array;
        }
        if (type.isRecord()) {
            if (node == null || !node.isObject()) {
                throw new ProtocolException("wrong-type", name + ": expected an object, got " + kind(node));
            }
            RecordComponent[] comps = type.getRecordComponents();
            Object[] values = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                JsonNode v = node.get(comps[i].getName());
                if (v == null) {
                    throw new ProtocolException("missing-argument", name + "." + comps[i].getName() + " is missing");
                }
                values[i] = fromJson(v, types[i], name + "." + comps[i].getName());
            }
            try {
                Constructor<?> ctor = type.getDeclaredConstructor(types);
                return ctor.newInstance(values);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new ProtocolException("invalid-argument", cause == null ? String.valueOf(e) : cause.getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getName(), e);
            }
        }
        throw new IllegalStateException("no JSON mapping for parameter type " + type.getName());
    }

    private static String shapeOf(Class<?> type) {
        return type.getComponentType().isArray() ? "matrix (array of rows)" : "vector";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "the string \"" + node.asText() + "\"";
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + node;
    }
}
