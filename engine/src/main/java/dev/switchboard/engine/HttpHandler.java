package dev.switchboard.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers the plain HTTP requests the engine does not serve itself (any path other than the
 * Socket.IO path), on the same port. Registered with {@link SocketIoServer#http(HttpHandler)}.
 *
 * <p>Calls run on the worker pool, never on an event loop, so a handler may block (database, password
 * hashing). The engine answers CORS preflights ({@code OPTIONS}) with the configured origins and adds
 * the CORS headers to every answer; a body over {@link EngineConfig#httpMaxBody()} is answered 413
 * before the handler sees it; a handler that throws is answered 500 and logged.
 */
@FunctionalInterface
public interface HttpHandler {

    Response handle(Request request) throws Exception;

    /**
     * The answer the engine sends for a request it refuses before (413, body too large) or after the
     * handler (500, the handler threw); by default a JSON {@code {"error", "message"}}.
     */
    default Response refusal(int status, String error, String message) {
        return Response.json(status, "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }

    /**
     * One request, its body whole.
     *
     * @param headers names in lower case
     * @param remoteAddress the peer's IP address
     */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                   String remoteAddress) {

        /** The first value of that header (any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** One answer; {@code headers} may be empty, the engine adds Content-Length and CORS. */
    record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

        public static Response json(int status, String json) {
            return new Response(status, "application/json; charset=UTF-8", Map.of(),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public Response withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, contentType, Map.copyOf(more), body);
        }
    }
}
