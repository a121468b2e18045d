package dev.switchboard.server.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.reply.ReplyException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds on the shape of any argument, before the catalog's per-field rules: how deep values nest,
 * how many elements an array and how many fields an object may hold. Text lengths are per field in the
 * catalog ({@link Values#text}); images by the configured image limit ({@link Values#image}).
 */
public final class Shape {

    /** Deeper nesting is {@code invalid_argument}: no argument of the contract nests past 4 levels. */
    public static final int MAX_DEPTH = 16;
    /** More elements in one array is {@code too_large} (the longest list of the contract: {@link Values#MAX_ID_LIST}). */
    public static final int MAX_ARRAY = Values.MAX_ID_LIST;
    /** More fields in one object is {@code too_large}. */
    public static final int MAX_FIELDS = 100;

    private Shape() {
    }

    private record At(JsonNode node, String path, int depth) {
    }

    /** @throws ReplyException naming the path of the first value out of bounds */
    public static void check(JsonNode value, String name) {
        if (value == null) {
            return;
        }
        Deque<At> todo = new ArrayDeque<>();
        todo.push(new At(value, name, 1));
        while (!todo.isEmpty()) {
            At at = todo.pop();
            JsonNode node = at.node();
            if (!node.isContainerNode()) {
                continue;
            }
            if (at.depth() > MAX_DEPTH) {
                throw ReplyException.invalidArgument(at.path() + " nests deeper than " + MAX_DEPTH
                        + " levels; no argument needs that");
            }
            if (node.isArray()) {
                if (node.size() > MAX_ARRAY) {
                    throw ReplyException.tooLarge(at.path() + " holds " + node.size() + " elements; at most "
                            + MAX_ARRAY + " in one array");
                }
                for (int i = 0; i < node.size(); i++) {
                    todo.push(new At(node.get(i), at.path() + "[" + i + "]", at.depth() + 1));
                }
            } else {
                if (node.size() > MAX_FIELDS) {
                    throw ReplyException.tooLarge(at.path() + " has " + node.size() + " fields; at most "
                            + MAX_FIELDS + " in one object");
                }
                node.fields().forEachRemaining(f -> todo.push(new At(f.getValue(), at.path() + "." + f.getKey(),
                        at.depth() + 1)));
            }
        }
    }
}
