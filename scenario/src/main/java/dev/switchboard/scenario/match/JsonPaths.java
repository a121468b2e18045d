package dev.switchboard.scenario.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Dotted paths into JSON: {@code message._id}, {@code tweets.0._id} or {@code tweets[0]._id}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The value at the path, or a missing node. An empty path is the value itself. */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        if (path == null || path.isEmpty()) {
            return node;
        }
        for (String part : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (node.isArray() && part.chars().allMatch(Character::isDigit)) {
                node = node.path(Integer.parseInt(part));
            } else {
                node = node.path(part);
            }
            if (node.isMissingNode()) {
                return node;
            }
        }
        return node;
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    public static String display(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
