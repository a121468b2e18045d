package dev.switchboard.server.route;

import java.util.Map;

/**
 * A route's refusal: the HTTP status, the error code and sentence of the JSON answer, the reason per
 * field when fields are at fault, and headers such as {@code Retry-After}.
 */
public final class RouteException extends Exception {

    private final int status;
    private final String error;
    private final Map<String, String> fields;
    private final Map<String, String> headers;

    public RouteException(int status, String error, String message, Map<String, String> fields,
                          Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); // in field order
        this.headers = Map.copyOf(headers);
    }

    public RouteException(int status, String error, String message) {
        this(status, error, message, Map.of(), Map.of());
    }

    public static RouteException invalidFields(Map<String, String> fields) {
        return new RouteException(400, "invalid_argument", fields.size() == 1 ? "1 field is invalid"
                : fields.size() + " fields are invalid", fields, Map.of());
    }

    public static RouteException conflict(Map<String, String> fields) {
        return new RouteException(409, "conflict", "already registered: " + String.join(", ", fields.keySet()),
                fields, Map.of());
    }

    public static RouteException invalidToken() {
        return new RouteException(400, "invalid_token", "the token is unknown, expired or already used");
    }

    /** 429, with the wait in whole seconds (at least one) in {@code Retry-After}. */
    public static RouteException rateLimited(String what, long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        return new RouteException(429, "rate_limited", "too many attempts " + what + "; try again in " + seconds + " s",
                Map.of(), Map.of("Retry-After", String.valueOf(seconds)));
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
