package dev.switchboard.engine.internal.eio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The HTTP request that opened an Engine.IO session, kept for the Socket.IO handshake. */
public record HandshakeRequest(Map<String, List<String>> headers, Map<String, List<String>> query,
                               String address, String url, Instant issued) {
}
