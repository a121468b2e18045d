package dev.switchboard.protocol.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON object every listener replies with: {@code { "status": "ok", ...fields }} or
 * {@code { "status": CODE, "error": sentence }}.
 */
public final class Reply {

    public static final String STATUS = "status";
    public static final String ERROR = "error";
    /** With {@code unavailable}: after how many milliseconds a retry may succeed. */
    public static final String RETRY_AFTER_MS = "retry_after_ms";

    private Reply() {
    }

    /** A success with no fields; add them with {@code put}/{@code set}. */
    public static ObjectNode ok() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(STATUS, ReplyStatus.OK.code());
        return node;
    }

    public static ObjectNode error(ReplyStatus status, String message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(STATUS, status.code());
        node.put(ERROR, message);
        return node;
    }

    public static ObjectNode error(ReplyException e) {
        return error(e.status(), e.getMessage());
    }

    /** The status of a received reply; empty when the object is not a reply of this contract. */
    public static java.util.Optional<ReplyStatus> statusOf(JsonNode reply) {
        if (reply == null || !reply.path(STATUS).isTextual()) {
            return java.util.Optional.empty();
        }
        return ReplyStatus.fromCode(reply.path(STATUS).asText());
    }

    public static boolean isOk(JsonNode reply) {
        return statusOf(reply).filter(s -> s == ReplyStatus.OK).isPresent();
    }
}
