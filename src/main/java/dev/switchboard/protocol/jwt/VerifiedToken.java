package dev.switchboard.protocol.jwt;

import java.time.Instant;
import java.util.Map;

/**
 * A token whose signature, algorithm, dates and {@code user_id} checked out.
 *
 * @param expiresAt null when the token has no {@code exp}
 * @param claims    every claim, as JSON-ish Java values
 */
public record VerifiedToken(String userId, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {

    public VerifiedToken {
        claims = Map.copyOf(claims);
    }

    /** A claim as a string, or null. */
    public String claim(String name) {
        Object v = claims.get(name);
        return v == null ? null : v.toString();
    }
}
