package dev.switchboard.console.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * JSON as the console shows and sends it: Jackson trees everywhere, converted at the edge to the
 * org.json values the Socket.IO client speaks.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();
    private static final ObjectMapper COMPACT = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** Indented, two spaces, for people. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text; the exception message says where it is broken, in words. */
    public static JsonNode parse(String text) throws InvalidJsonException {
        if (text == null || text.isBlank()) {
            throw new InvalidJsonException("empty: type a JSON value");
        }
        try {
            JsonNode node = COMPACT.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("empty: type a JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(JsonProblem.describe(e));
        }
    }

    /** Writes the value as pretty JSON through a temporary file, so a crash never leaves half a file. */
    public static void writeFile(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pretty(valueOf(value)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static JsonNode valueOf(Object javaValue) {
        return MAPPER.valueToTree(javaValue);
    }

    /** A value received from the Socket.IO client (JSONObject, JSONArray, String, Number, Boolean, NULL). */
    public static JsonNode fromSocket(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return NullNode.getInstance();
        }
        if (value instanceof JSONObject || value instanceof JSONArray) {
            try {
                return COMPACT.readTree(value.toString());
            } catch (JsonProcessingException e) {
                return NODES.textNode(value.toString());
            }
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof Exception e) {
            return NODES.objectNode().put("message", describe(e));
        }
        return COMPACT.valueToTree(value);
    }

    /** All arguments of one received event as a JSON array. */
    public static JsonNode fromSocketArgs(Object[] args) {
        var array = NODES.arrayNode();
        for (Object a : args) {
            array.add(fromSocket(a));
        }
        return array;
    }

    /** A value as the Socket.IO client sends it. */
    public static Object toSocket(JsonNode node) {
        try {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return JSONObject.NULL;
            }
            if (node.isObject()) {
                return new JSONObject(compact(node));
            }
            if (node.isArray()) {
                return new JSONArray(compact(node));
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isIntegralNumber()) {
                return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            return node.asText();
        } catch (JSONException e) {
            throw new IllegalArgumentException("cannot send this JSON: " + e.getMessage(), e);
        }
    }

    public static Object[] toSocketArgs(List<JsonNode> args) {
        return args.stream().map(Json::toSocket).toArray();
    }

    /** One line, cut to {@code max} characters, for table cells. */
    public static String summary(JsonNode node, int max) {
        String s = node == null ? "" : compact(node);
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    public static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    public static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }

    /** A throwable as one sentence with its causes, for showing in the UI. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable cur = t;
        int depth = 0;
        while (cur != null && depth < 4) {
            String msg = cur.getMessage();
            if (msg == null || msg.isBlank()) {
                msg = cur.getClass().getSimpleName();
            }
            if (sb.indexOf(msg) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(msg);
            }
            cur = cur.getCause() == cur ? null : cur.getCause();
            depth++;
        }
        return sb.toString();
    }
}
