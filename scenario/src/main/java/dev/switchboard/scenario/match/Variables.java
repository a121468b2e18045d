package dev.switchboard.scenario.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a run has captured so far, and {@code ${name}} substitution. A string that is exactly
 * {@code "${name}"} becomes the captured value itself (a number stays a number); inside a longer string
 * the value's text is spliced in.
 */
public final class Variables {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    public void put(String name, JsonNode value) {
        values.put(name, value);
    }

    public JsonNode get(String name) {
        return values.get(name);
    }

    public Map<String, JsonNode> asMap() {
        return Map.copyOf(values);
    }

    /** A copy of the value with every reference replaced; an unknown name throws. */
    public JsonNode substitute(JsonNode value) throws UnknownVariableException {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return substituteText(value.asText());
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                copy.add(substitute(element));
            }
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            var fields = value.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                copy.set(e.getKey(), substitute(e.getValue()));
            }
            return copy;
        }
        return value;
    }

    private JsonNode substituteText(String text) throws UnknownVariableException {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1));
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            JsonNode v = lookup(m.group(1));
            out.append(text, last, m.start()).append(v.isValueNode() ? v.asText() : v.toString());
            last = m.end();
        }
        if (!any) {
            return TextNode.valueOf(text);
        }
        return TextNode.valueOf(out.append(text.substring(last)).toString());
    }

    private JsonNode lookup(String name) throws UnknownVariableException {
        JsonNode v = values.get(name);
        if (v == null) {
            throw new UnknownVariableException("nothing captured as '" + name + "' (captured so far: "
                    + (values.isEmpty() ? "nothing" : String.join(", ", values.keySet())) + ")");
        }
        return v;
    }

    /** A reference to a name that nothing captured (yet). */
    public static final class UnknownVariableException extends Exception {
        public UnknownVariableException(String message) {
            super(message);
        }
    }
}
