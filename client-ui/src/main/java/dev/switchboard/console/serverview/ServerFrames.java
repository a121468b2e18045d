package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import java.time.Instant;

/**
 * The server's admin pushes as timeline rows: named after what happened ({@code tweet/add},
 * {@code tweet/new}, {@code connect}), on connection {@code server}, labelled with the user involved,
 * so the event filter and the search find them next to the console's own frames.
 */
public final class ServerFrames {

    public static final String CONNECTION = "admin/connection";
    public static final String EVENT = "admin/event";
    public static final String EMIT = "admin/emit";

    private ServerFrames() {
    }

    /** Null for a push this console does not know. */
    public static Frame toFrame(long seq, String push, JsonNode p) {
        long at = time(p.path("at").asText(null));
        return switch (push) {
            case EVENT -> Frame.of(seq, at, AdminSession.SERVER_CONNECTION_ID, who(p), FrameKind.SERVER_CALL,
                    p.path("event").asText("?"), p, 0, Math.round(p.path("duration_ms").asDouble(-1)),
                    p.path("status").asText(null));
            case EMIT -> Frame.of(seq, at, AdminSession.SERVER_CONNECTION_ID, audience(p.path("to")),
                    FrameKind.SERVER_PUSH, p.path("event").asText("?"), p, 0, -1, null);
            case CONNECTION -> Frame.of(seq, at, AdminSession.SERVER_CONNECTION_ID, who(p), FrameKind.SERVER_CONNECTION,
                    p.path("kind").asText("?"), p, 0, -1, null);
            default -> null;
        };
    }

    private static String who(JsonNode p) {
        String user = p.path("userId").asText("");
        return user.isEmpty() || p.path("userId").isNull() ? "(no user)" : "user " + user;
    }

    private static String audience(JsonNode to) {
        if (to.hasNonNull("socketId")) {
            return "to socket " + to.path("socketId").asText();
        }
        StringBuilder rooms = new StringBuilder();
        to.path("rooms").forEach(r -> rooms.append(rooms.length() == 0 ? "" : ", ").append(r.asText()));
        return rooms.length() == 0 ? "to everyone" : "to " + rooms;
    }

    private static long time(String iso) {
        try {
            return iso == null ? System.currentTimeMillis() : Instant.parse(iso).toEpochMilli();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }
}
