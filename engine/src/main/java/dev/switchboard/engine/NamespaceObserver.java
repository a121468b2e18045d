package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Sees a namespace's traffic, for monitoring. Called on engine threads: implementations must be
 * quick and must not block. All methods default to no-op.
 */
public interface NamespaceObserver {

    default void connected(Socket socket) { }

    default void rejected(Socket socket, String reason) { }

    default void disconnected(Socket socket, String reason) { }

    /** A client event arrived. */
    default void eventReceived(Socket socket, String event, List<JsonNode> args) { }

    /** A server emit left, to one socket ({@code rooms} empty, {@code socketId} set) or to rooms. */
    default void emitted(String socketId, Set<String> rooms, String event, List<JsonNode> args) { }
}
