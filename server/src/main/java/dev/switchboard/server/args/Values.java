package dev.switchboard.server.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.reply.ReplyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/**
 * Turns one JSON value into a typed value or an {@code invalid_argument} / {@code too_large} failure
 * that names the argument. Positional arguments and fields of object arguments both go through here.
 */
public final class Values {

    private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]*={0,2}$");
    /** Keeps {@code page * pageSize} inside an int skip. */
    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_ID_LIST = 1000;

    private Values() {
    }

    /** Missing or JSON null. */
    public static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static ReplyException missing(String name, String expected) {
        return ReplyException.invalidArgument(name + " is required: " + expected);
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** A 24-hex-digit id; null when optional and absent. */
    public static ObjectId id(JsonNode node, String name, boolean optional) {
        if (absent(node)) {
            if (optional) {
                return null;
            }
            throw missing(name, "a 24-hex-digit id");
        }
        if (!node.isTextual() || !OBJECT_ID.matcher(node.asText()).matches()) {
            throw ReplyException.invalidArgument(name + " must be a 24-hex-digit id, not " + shown(node));
        }
        return new ObjectId(node.asText());
    }

    public static List<ObjectId> ids(JsonNode node, String name) {
        if (absent(node)) {
            throw missing(name, "an array of 24-hex-digit ids");
        }
        if (!node.isArray()) {
            throw ReplyException.invalidArgument(name + " must be an array of 24-hex-digit ids, not " + shown(node));
        }
        if (node.size() > MAX_ID_LIST) {
            throw ReplyException.invalidArgument(name + " holds " + node.size() + " ids; at most " + MAX_ID_LIST
                    + " at once");
        }
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ids.add(id(node.get(i), name + "[" + i + "]", false));
        }
        return ids;
    }

    /** A whole number from 1; absent means 1. */
    public static int page(JsonNode node, String name) {
        if (absent(node)) {
            return 1;
        }
        if (!node.isNumber() || !isWhole(node)) {
            throw ReplyException.invalidArgument(name + " must be a whole number from 1, not " + shown(node));
        }
        double value = node.asDouble();
        if (value < 1 || value > MAX_PAGE) {
            throw ReplyException.invalidArgument(name + " must be from 1 to " + MAX_PAGE + ", not " + shown(node));
        }
        return (int) value;
    }

    private static boolean isWhole(JsonNode node) {
        return node.isIntegralNumber() || node.asDouble() == Math.rint(node.asDouble());
    }

    /**
     * A text of {@code min}-{@code max} characters after trimming, returned trimmed; null when optional
     * and absent.
     */
    public static String text(JsonNode node, String name, int min, int max, boolean optional) {
        if (absent(node)) {
            if (optional) {
                return null;
            }
            throw missing(name, "a text of " + min + "-" + max + " characters");
        }
        if (!node.isTextual()) {
            throw ReplyException.invalidArgument(name + " must be a text, not " + shown(node));
        }
        String text = node.asText().strip();
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            throw ReplyException.invalidArgument(min <= 1
                    ? name + " is empty; it needs at least " + min + " character" + (min == 1 ? "" : "s")
                    : name + " has " + length + " characters; it needs at least " + min);
        }
        if (max > 0 && length > max) {
            throw ReplyException.invalidArgument(name + " has " + length + " characters; at most " + max
                    + " are allowed");
        }
        return text;
    }

    public static Boolean bool(JsonNode node, String name, boolean optional) {
        if (absent(node)) {
            if (optional) {
                return null;
            }
            throw missing(name, "true or false");
        }
        if (!node.isBoolean()) {
            throw ReplyException.invalidArgument(name + " must be true or false, not " + shown(node));
        }
        return node.booleanValue();
    }

    /** A base64 image of at most {@code maxBytes} decoded bytes; returned as sent. Null when optional and absent. */
    public static String image(JsonNode node, String name, int maxBytes, boolean optional) {
        if (absent(node)) {
            if (optional) {
                return null;
            }
            throw missing(name, "a base64 image");
        }
        if (!node.isTextual()) {
            throw ReplyException.invalidArgument(name + " must be a base64 text, not " + shown(node));
        }
        String text = node.asText();
        if (text.isEmpty()) {
            throw ReplyException.invalidArgument(name + " is empty; send the image as base64");
        }
        long decodedAtLeast = (long) text.length() / 4 * 3 - 2;
        if (decodedAtLeast > maxBytes) {
            throw ReplyException.tooLarge(name + " is about " + decodedAtLeast + " bytes; at most " + maxBytes
                    + " bytes are accepted");
        }
        if (text.length() % 4 != 0 || !BASE64.matcher(text).matches()) {
            throw ReplyException.invalidArgument(name + " is not base64 (A-Z a-z 0-9 + / with = padding)");
        }
        int decoded;
        try {
            decoded = Base64.getDecoder().decode(text).length;
        } catch (IllegalArgumentException e) {
            throw ReplyException.invalidArgument(name + " is not base64: " + e.getMessage());
        }
        if (decoded > maxBytes) {
            throw ReplyException.tooLarge(name + " is " + decoded + " bytes; at most " + maxBytes
                    + " bytes are accepted");
        }
        return text;
    }

    /** A JSON object; its unknown fields are simply never read. */
    public static JsonNode object(JsonNode node, String name, boolean optional) {
        if (absent(node)) {
            if (optional) {
                return null;
            }
            throw missing(name, "an object");
        }
        if (!node.isObject()) {
            throw ReplyException.invalidArgument(name + " must be an object, not " + shown(node));
        }
        return node;
    }
}
