package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.console.core.InvalidJsonException;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.data.Ids;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.ArgType;

/**
 * The state of one generated form field, independent of the controls that edit it: what the user typed
 * or picked, whether an optional argument is included, and the JSON value that results.
 */
public final class ArgInput {

    private final ArgSpec spec;
    private boolean included;
    private String text;
    private boolean bool;
    private boolean objectMode;

    public ArgInput(ArgSpec spec) {
        this.spec = spec;
        this.included = !spec.optional();
        this.text = initialText(spec);
        this.bool = "true".equals(spec.defaultValue());
    }

    private static String initialText(ArgSpec spec) {
        if (spec.type() == ArgType.OBJECT && spec.example() != null) {
            try {
                return Json.pretty(Json.parse(spec.example()));
            } catch (InvalidJsonException e) {
                return spec.example();
            }
        }
        if (spec.type() == ArgType.PAGE || spec.type() == ArgType.TEXT) {
            return spec.defaultValue() == null ? "" : spec.defaultValue();
        }
        return "";
    }

    public ArgSpec spec() {
        return spec;
    }

    public boolean included() {
        return included;
    }

    /** Optional arguments can be left out; required ones are always included. */
    public void setIncluded(boolean included) {
        this.included = included || !spec.optional();
    }

    public String text() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public boolean bool() {
        return bool;
    }

    public void setBool(boolean bool) {
        this.bool = bool;
    }

    /** For a text-or-object argument: send {@code { field: text }} instead of the bare text. */
    public boolean objectMode() {
        return objectMode;
    }

    public void setObjectMode(boolean objectMode) {
        this.objectMode = objectMode;
    }

    /** The value to send, or why not. */
    public ArgValue value() {
        if (!included) {
            return ArgValue.left();
        }
        return switch (spec.type()) {
            case ID -> id();
            case ID_LIST -> idList();
            case PAGE -> page();
            case TEXT -> text(text);
            case BOOLEAN -> ArgValue.of(Json.NODES.booleanNode(bool));
            case OBJECT -> object();
            case IMAGE -> text.isBlank() ? ArgValue.error("choose an image file (or paste base64)")
                    : ArgValue.of(Json.NODES.textNode(text.trim()));
            case TEXT_OR_OBJECT -> textOrObject();
        };
    }

    private ArgValue id() {
        String id = text.trim();
        if (id.isEmpty()) {
            return ArgValue.error("pick or type an id");
        }
        return Ids.isObjectId(id) ? ArgValue.of(Json.NODES.textNode(id))
                : ArgValue.warn(Json.NODES.textNode(id), "not a 24-hex-digit id: expect invalid_argument");
    }

    private ArgValue idList() {
        String t = text.trim();
        ArrayNode ids = Json.NODES.arrayNode();
        if (t.startsWith("[")) {
            try {
                JsonNode parsed = Json.parse(t);
                if (!parsed.isArray()) {
                    return ArgValue.error("a JSON array of ids, or ids separated by commas");
                }
                ids = (ArrayNode) parsed;
            } catch (InvalidJsonException e) {
                return ArgValue.error("not a JSON array: " + e.getMessage());
            }
        } else if (!t.isEmpty()) {
            for (String part : t.split("[,\\s]+")) {
                ids.add(part);
            }
        }
        for (JsonNode id : ids) {
            if (!id.isTextual() || !Ids.isObjectId(id.asText())) {
                return ArgValue.warn(ids, id + " is not a 24-hex-digit id: expect invalid_argument");
            }
        }
        return ArgValue.of(ids);
    }

    private ArgValue page() {
        String t = text.trim();
        if (t.isEmpty()) {
            return ArgValue.error("a page number from 1 (or leave the argument out)");
        }
        try {
            long page = Long.parseLong(t);
            return page < 1 ? ArgValue.warn(Json.NODES.numberNode(page), "pages start at 1: expect invalid_argument")
                    : ArgValue.of(Json.NODES.numberNode(page));
        } catch (NumberFormatException e) {
            return ArgValue.error("\"" + t + "\" is not a whole number");
        }
    }

    private ArgValue text(String value) {
        int length = value.trim().length();
        JsonNode node = Json.NODES.textNode(value);
        if (spec.minLength() > 0 && length < spec.minLength()) {
            return ArgValue.warn(node, "shorter than " + spec.minLength() + " after trimming: expect invalid_argument");
        }
        if (spec.maxLength() > 0 && length > spec.maxLength()) {
            return ArgValue.warn(node, length + " characters, more than " + spec.maxLength()
                    + ": expect invalid_argument");
        }
        return ArgValue.of(node);
    }

    private ArgValue object() {
        try {
            JsonNode node = Json.parse(text);
            return node.isObject() ? ArgValue.of(node) : ArgValue.warn(node, "not a JSON object: expect invalid_argument");
        } catch (InvalidJsonException e) {
            return ArgValue.error("invalid JSON at " + e.getMessage());
        }
    }

    private ArgValue textOrObject() {
        ArgValue plain = text(text);
        if (!objectMode) {
            return plain;
        }
        JsonNode wrapped = Json.NODES.objectNode().put(spec.objectField(), text);
        return new ArgValue(wrapped, false, null, plain.warning());
    }

    /** Fills the field from a value sent before (history, a saved collection). */
    public void load(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            setIncluded(false);
            return;
        }
        included = true;
        switch (spec.type()) {
            case BOOLEAN -> bool = value.asBoolean();
            case OBJECT -> text = Json.pretty(value);
            case ID_LIST -> text = value.isArray() ? Json.compact(value) : value.asText();
            case TEXT_OR_OBJECT -> {
                objectMode = value.isObject();
                text = value.isObject() ? value.path(spec.objectField()).asText() : value.asText();
            }
            default -> text = value.isTextual() ? value.asText() : Json.compact(value);
        }
        if (value.isNull() && spec.optional()) {
            included = false;
        }
    }
}
