package dev.switchboard.scenario.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Partial, deep comparison of a received value with an expected one. Objects compare only the keys the
 * expectation names; arrays compare element by element (and by length) unless the expectation is
 * {@code {"$contains": …}}. Loose matchers: {@code {"$any": true}} (present, any value),
 * {@code {"$absent": true}}, {@code {"$type": "string|number|integer|boolean|object|array|null|id|date"}},
 * {@code {"$regex": "…"}}. Substitute captures first ({@link Variables}).
 */
public final class JsonMatcher {

    public static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
            "null", "id", "date");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

    private JsonMatcher() {
    }

    /** Every difference; empty when the received value matches. */
    public static List<Mismatch> match(JsonNode expected, JsonNode actual) {
        List<Mismatch> out = new ArrayList<>();
        compare(expected, actual == null || actual.isMissingNode() ? null : actual, "", out);
        return out;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<Mismatch> out) {
        if (isOperator(expected)) {
            operator(expected, actual, path, out);
        } else if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(new Mismatch(JsonPaths.display(path), expected, actual, "expected an object, got "
                        + describe(actual)));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = actual.get(e.getKey());
                compare(e.getValue(), child, JsonPaths.child(path, e.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray()) {
                out.add(new Mismatch(JsonPaths.display(path), expected, actual, "expected an array, got "
                        + describe(actual)));
                return;
            }
            if (expected.size() != actual.size()) {
                out.add(new Mismatch(JsonPaths.display(path), expected, actual, "expected " + expected.size()
                        + " elements, got " + actual.size() + " (use {\"$contains\": …} to match some of them)"));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), JsonPaths.index(path, i), out);
            }
        } else if (actual == null) {
            out.add(new Mismatch(JsonPaths.display(path), expected, null, "expected " + expected + ", but it is missing"));
        } else if (!sameScalar(expected, actual)) {
            out.add(new Mismatch(JsonPaths.display(path), expected, actual, "expected " + expected + ", got " + actual));
        }
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    /** An object whose only key starts with {@code $}. */
    static boolean isOperator(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.fieldNames().next().startsWith("$");
    }

    private static void operator(JsonNode expected, JsonNode actual, String path, List<Mismatch> out) {
        String op = expected.fieldNames().next();
        JsonNode arg = expected.get(op);
        String where = JsonPaths.display(path);
        switch (op) {
            case "$any" -> {
                if (arg.asBoolean(true) && actual == null) {
                    out.add(new Mismatch(where, expected, null, "expected a value, but it is missing"));
                } else if (!arg.asBoolean(true) && actual != null) {
                    out.add(new Mismatch(where, expected, actual, "expected nothing, got " + actual));
                }
            }
            case "$absent" -> {
                if (arg.asBoolean(true) && actual != null) {
                    out.add(new Mismatch(where, expected, actual, "expected no such field, got " + actual));
                }
            }
            case "$type" -> {
                String type = arg.asText();
                if (!TYPES.contains(type)) {
                    out.add(new Mismatch(where, expected, actual, "unknown $type '" + type + "' (one of "
                            + String.join(", ", TYPES.stream().sorted().toList()) + ")"));
                } else if (!hasType(actual, type)) {
                    out.add(new Mismatch(where, expected, actual, "expected a " + type + ", got " + describe(actual)));
                }
            }
            case "$regex" -> {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(arg.asText());
                } catch (PatternSyntaxException e) {
                    out.add(new Mismatch(where, expected, actual, "bad $regex: " + e.getDescription()));
                    return;
                }
                if (actual == null || !actual.isValueNode() || actual.isNull()
                        || !pattern.matcher(actual.asText()).find()) {
                    out.add(new Mismatch(where, expected, actual, "expected text matching /" + arg.asText() + "/, got "
                            + describe(actual)));
                }
            }
            case "$contains" -> contains(expected, arg, actual, path, out);
            default -> {
                // not an operator we know: compare it as a plain object with that key
                if (actual == null || !actual.isObject()) {
                    out.add(new Mismatch(where, expected, actual, "unknown matcher " + op + " (known: $any, $absent, "
                            + "$type, $regex, $contains), and no object here either"));
                } else {
                    compare(arg, actual.get(op), JsonPaths.child(path, op), out);
                }
            }
        }
    }

    /** Each expected element matches a distinct element of the received array, in any order. */
    private static void contains(JsonNode expected, JsonNode arg, JsonNode actual, String path, List<Mismatch> out) {
        String where = JsonPaths.display(path);
        if (actual == null || !actual.isArray()) {
            out.add(new Mismatch(where, expected, actual, "expected an array, got " + describe(actual)));
            return;
        }
        List<JsonNode> wanted = new ArrayList<>();
        if (arg.isArray()) {
            arg.forEach(wanted::add);
        } else {
            wanted.add(arg);
        }
        boolean[] used = new boolean[actual.size()];
        for (JsonNode want : wanted) {
            boolean found = false;
            for (int i = 0; i < actual.size() && !found; i++) {
                if (!used[i] && match(want, actual.get(i)).isEmpty()) {
                    used[i] = true;
                    found = true;
                }
            }
            if (!found) {
                out.add(new Mismatch(where, want, actual, "no element matches " + want + " among " + actual.size()
                        + " element(s)"));
            }
        }
    }

    static boolean hasType(JsonNode actual, String type) {
        if (actual == null) {
            return false;
        }
        return switch (type) {
            case "string" -> actual.isTextual();
            case "number" -> actual.isNumber();
            case "integer" -> actual.isIntegralNumber() || (actual.isNumber()
                    && actual.decimalValue().stripTrailingZeros().scale() <= 0);
            case "boolean" -> actual.isBoolean();
            case "object" -> actual.isObject();
            case "array" -> actual.isArray();
            case "null" -> actual.isNull();
            case "id" -> actual.isTextual() && OBJECT_ID.matcher(actual.asText()).matches();
            case "date" -> actual.isTextual() && isInstant(actual.asText());
            default -> false;
        };
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(JsonNode actual) {
        if (actual == null) {
            return "nothing (missing)";
        }
        String text = actual.toString();
        return actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 80 ? text.substring(0, 77) + "…" : text);
    }

    /** {@code {"$type": name}}, for writers of expectations. */
    public static JsonNode type(String name) {
        return JsonNodeFactory.instance.objectNode().put("$type", name);
    }
}
