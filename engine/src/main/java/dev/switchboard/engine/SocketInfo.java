package dev.switchboard.engine;

import java.util.Map;
import java.util.Set;

/** A socket as seen from any node: enough to list it, not to drive it. */
public record SocketInfo(String id, String namespace, Set<String> rooms, Handshake handshake,
                         String transport, Map<String, Object> data, String node) {
}
