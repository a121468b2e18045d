package dev.switchboard.server.admin.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.ArgType;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Arguments and payloads as an admin sees them: images and other base64 never leave the server (they
 * become {@code "[image: N chars]"}), long texts are cut, and deep or wide structures are shortened,
 * so one push stays small whatever a client sent.
 */
public final class Summary {

    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 20;
    static final int MAX_DEPTH = 5;
    /** A run of base64 this long is taken for binary content rather than text a person wrote. */
    private static final int BASE64_MIN = 64;
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/=_-]+$");
    private static final Set<String> IMAGE_FIELDS = Set.of("image", "base64Image", "base64Photo", "photo");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Summary() {
    }

    /** The arguments of a call; those the catalog types as images are never shown, whatever their size. */
    public static ArrayNode ofArgs(String event, List<JsonNode> values) {
        List<ArgSpec> specs = EventCatalog.listener(event).map(EventSpec::args).orElse(List.of());
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < values.size(); i++) {
            if (i == MAX_ITEMS) {
                out.add("[" + (values.size() - MAX_ITEMS) + " more]");
                break;
            }
            boolean image = i < specs.size() && specs.get(i).type() == ArgType.IMAGE;
            out.add(of(values.get(i), 0, image));
        }
        return out;
    }

    public static ArrayNode of(List<JsonNode> values) {
        return ofArgs("", values);
    }

    public static JsonNode of(JsonNode value) {
        return of(value, 0, false);
    }

    private static JsonNode of(JsonNode value, int depth, boolean imageField) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value.isBinary()) {
            return NODES.textNode("[binary]");
        }
        if (value.isTextual()) {
            return text(value.asText(), imageField);
        }
        if (!value.isContainerNode()) {
            return value;
        }
        if (depth >= MAX_DEPTH) {
            return NODES.textNode(value.isArray() ? "[array]" : "[object]");
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                if (i == MAX_ITEMS) {
                    out.add("[" + (value.size() - MAX_ITEMS) + " more]");
                    break;
                }
                out.add(of(value.get(i), depth + 1, false));
            }
            return out;
        }
        ObjectNode out = NODES.objectNode();
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (n++ == MAX_ITEMS) {
                out.put("…", "[" + (value.size() - MAX_ITEMS) + " more fields]");
                break;
            }
            out.set(field.getKey(), of(field.getValue(), depth + 1, IMAGE_FIELDS.contains(field.getKey())));
        }
        return out;
    }

    private static JsonNode text(String text, boolean imageField) {
        int length = text.length();
        if ((imageField && length > 0) || (length >= BASE64_MIN && BASE64.matcher(text).matches())) {
            return NODES.textNode("[image: " + length + " chars]");
        }
        if (length > MAX_TEXT) {
            return NODES.textNode(text.substring(0, MAX_TEXT) + "… [" + length + " chars]");
        }
        return NODES.textNode(text);
    }
}
