package dev.switchboard.engine.internal.eio;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** Which browser origins may call the engine, and the headers that tell them so. */
final class CorsPolicy {

    private final boolean anyOrigin;
    private final List<String> origins;
    private final boolean credentials;

    CorsPolicy(List<String> origins, boolean credentials) {
        this.anyOrigin = origins.contains("*");
        this.origins = List.copyOf(origins);
        this.credentials = credentials;
    }

    /** Adds the Access-Control headers for a request from {@code origin} (may be null). */
    void apply(String origin, HttpHeaders headers) {
        if (anyOrigin && (!credentials || origin == null)) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (origin != null && (anyOrigin || origins.contains(origin))) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        } else {
            return;
        }
        if (credentials) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    void applyPreflight(String origin, String requestHeaders, HttpHeaders headers) {
        apply(origin, headers);
        if (!headers.contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return;
        }
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,PATCH,POST,DELETE");
        if (requestHeaders != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestHeaders);
            headers.add(HttpHeaderNames.VARY, HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        }
    }
}
