package dev.switchboard.console.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.protocol.jwt.JwtParts;
import dev.switchboard.protocol.jwt.TokenRejectedException;
import dev.switchboard.protocol.jwt.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.types.ObjectId;

/** Signs, decodes and verifies handshake tokens: the jwt.io part of the console, free of any UI. */
public final class TokenService {

    /** A secret no server uses, for the wrong-signature variant. */
    static final String WRONG_SECRET = "not-the-server-secret-" + "0".repeat(40);
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Clock clock;
    private final ZoneId zone;

    public TokenService() {
        this(Clock.systemUTC(), ZoneId.systemDefault());
    }

    public TokenService(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A token for that user.
     *
     * @param extraClaims further claims (e.g. role: admin); user_id, iat and exp are set here
     * @throws IllegalArgumentException for an unusable secret, with the reason
     */
    public String sign(String secret, String userId, Expiry expiry, Map<String, ?> extraClaims) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("pick a user or type a user id to sign a token for");
        }
        Map<String, Object> extra = new LinkedHashMap<>(extraClaims);
        extra.remove(Jwt.USER_ID);
        return new Jwt(secret, clock).sign(userId.trim(), expiry.ttl(), extra);
    }

    /** A token the server must refuse, of the given kind. */
    public String negative(NegativeVariant variant, String secret, String userId) {
        Jwt jwt = new Jwt(secret, clock);
        return switch (variant) {
            case EXPIRED -> jwt.sign(requireUser(userId), Expiry.expired().ttl(), Map.of());
            case WRONG_SIGNATURE -> new Jwt(WRONG_SECRET, clock).sign(requireUser(userId));
            case ALG_NONE -> Jwt.unsecured(Map.of(Jwt.USER_ID, requireUser(userId),
                    "iat", clock.instant().getEpochSecond()));
            case UNKNOWN_USER -> jwt.sign(new ObjectId().toHexString());
            case MISSING_USER_ID -> jwt.sign(null, null, Map.of("sub", "a token without user_id"));
        };
    }

    private static String requireUser(String userId) {
        return userId == null || userId.isBlank() ? new ObjectId().toHexString() : userId.trim();
    }

    /** Decodes without trusting, then verifies against the secret and says exactly why it fails. */
    public TokenInspection inspect(String token, String secret) {
        String text = token == null ? "" : token.trim();
        JwtParts parts = JwtParts.split(text);
        JsonNode header = parts == null ? null : parts.header();
        JsonNode payload = parts == null ? null : parts.payload();
        String userId = payload != null && payload.hasNonNull(Jwt.USER_ID) ? payload.get(Jwt.USER_ID).asText() : null;
        String expiry = payload == null ? "" : readableExpiry(payload);
        if (text.isEmpty()) {
            return new TokenInspection(null, null, false, "paste a token to decode and verify it", "", null);
        }
        if (parts == null) {
            return new TokenInspection(null, null, false,
                    "not a JWT: expected three base64url parts separated by dots, with a JSON header and payload",
                    "", null);
        }
        Jwt jwt;
        try {
            jwt = new Jwt(secret, clock);
        } catch (IllegalArgumentException e) {
            return new TokenInspection(header, payload, false, "cannot verify: " + e.getMessage(), expiry, userId);
        }
        try {
            VerifiedToken verified = jwt.verify(text);
            return new TokenInspection(header, payload, true, "valid: signed with this secret for user "
                    + verified.userId(), expiry, verified.userId());
        } catch (TokenRejectedException e) {
            return new TokenInspection(header, payload, false, e.getMessage(), expiry, userId);
        }
    }

    /** "expires 2026-11-25 14:02:11 CET (in 59 min)", "expired … (3 min ago)" or "no expiry". */
    public String readableExpiry(JsonNode payload) {
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber()) {
            return "no expiry (exp not set)";
        }
        Instant at = Instant.ofEpochSecond(exp.asLong());
        Instant now = clock.instant();
        String when = READABLE.format(at.atZone(zone));
        Duration d = Duration.between(now, at);
        return d.isNegative()
                ? "expired " + when + " (" + human(d.negated()) + " ago)"
                : "expires " + when + " (in " + human(d) + ")";
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86_400 + " days";
    }
}
