package dev.switchboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The argument rules of docs/protocol.md ("Argument rules"), written from the contract rather than from the
 * server's parser: which arguments a call must be refused for. Used as an oracle: a call with such an
 * argument must get {@code invalid_argument} or {@code too_large}, and must not write.
 */
final class ArgRules {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    private final int maxImageBytes;

    ArgRules(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    /** The first argument the contract refuses, described; empty when every argument is acceptable. */
    Optional<String> refused(EventSpec spec, List<JsonNode> sent) {
        List<ArgSpec> specs = spec.args();
        for (int i = 0; i < specs.size(); i++) {
            JsonNode node = i < sent.size() ? sent.get(i) : null;
            Optional<String> problem = refused(specs.get(i), node);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (spec.name().equals("message/new")) {
            return refusedMessage(sent.get(0));
        }
        return Optional.empty();
    }

    private Optional<String> refused(ArgSpec arg, JsonNode node) {
        String name = arg.name();
        if (absent(node)) {
            return arg.optional() || arg.defaultValue() != null ? Optional.empty() : Optional.of(name + " is missing");
        }
        return switch (arg.type()) {
            case ID -> isId(node) ? Optional.empty() : Optional.of(name + " is not an id");
            case ID_LIST -> idList(node) ? Optional.empty() : Optional.of(name + " is not an array of ids");
            case PAGE -> node.isNumber() && node.asDouble() >= 1 && node.asDouble() == Math.rint(node.asDouble())
                    ? Optional.empty() : Optional.of(name + " is not a whole number from 1");
            case TEXT -> text(node, arg.minLength(), arg.maxLength(), name);
            case BOOLEAN -> node.isBoolean() ? Optional.empty() : Optional.of(name + " is not a boolean");
            case OBJECT -> node.isObject() ? Optional.empty() : Optional.of(name + " is not an object");
            case IMAGE -> image(node, name);
            case TEXT_OR_OBJECT -> node.isObject()
                    ? text(node.get(arg.objectField()), arg.minLength(), arg.maxLength(), name + "." + arg.objectField())
                    : text(node, arg.minLength(), arg.maxLength(), name);
        };
    }

    private Optional<String> refusedMessage(JsonNode data) {
        if (!isId(data.get("to"))) {
            return Optional.of("data.to is not an id");
        }
        JsonNode context = data.get("context");
        if (context == null || !context.isObject()) {
            return Optional.of("data.context is not an object");
        }
        JsonNode text = context.get("text");
        JsonNode image = context.get("image");
        if (!absent(text)) {
            Optional<String> problem = text(text, 0, EventCatalog.MESSAGE_TEXT_MAX, "data.context.text");
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (!absent(image)) {
            Optional<String> problem = image(image, "data.context.image");
            if (problem.isPresent()) {
                return problem;
            }
        }
        boolean hasText = !absent(text) && !text.asText().strip().isEmpty();
        if (!hasText && absent(image)) {
            return Optional.of("the message has neither text nor image");
        }
        JsonNode replyTo = data.get("reply_to");
        if (!absent(replyTo) && !isId(replyTo)) {
            return Optional.of("data.reply_to is not an id");
        }
        return Optional.empty();
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static boolean isId(JsonNode node) {
        return node != null && node.isTextual() && OBJECT_ID.matcher(node.asText()).matches();
    }

    private static boolean idList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode id : node) {
            if (!isId(id)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> text(JsonNode node, int min, int max, String name) {
        if (absent(node) || !node.isTextual()) {
            return Optional.of(name + " is not a text");
        }
        String text = node.asText().strip();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            return Optional.of(name + " has " + length + " characters, outside " + min + "-" + max);
        }
        return Optional.empty();
    }

    private Optional<String> image(JsonNode node, String name) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            return Optional.of(name + " is not a base64 text");
        }
        String text = node.asText();
        if (text.length() % 4 != 0 || !BASE64.matcher(text).matches()) {
            return Optional.of(name + " is not base64");
        }
        try {
            if (Base64.getDecoder().decode(text).length > maxImageBytes) {
                return Optional.of(name + " is larger than " + maxImageBytes + " bytes");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " is not base64");
        }
        return Optional.empty();
    }
}
