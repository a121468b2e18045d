package dev.switchboard.protocol.jwt;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;

/**
 * Signs and verifies the handshake tokens: HS256 only, the secret taken as its UTF-8 bytes exactly
 * as Node's {@code jsonwebtoken} does, so tokens from {@code jwt.sign({ user_id }, secret)} verify.
 */
public final class Jwt {

    /** The example secret of the design notes; the default only on the embedded database. */
    public static final String EXAMPLE_SECRET = "0684c60c14e870b7a16ad6f491cb896f232b46017a2b6c0261120bef5eba5100";
    public static final String USER_ID = "user_id";
    public static final String ALGORITHM = "HS256";
    /** Clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration LEEWAY = Duration.ofSeconds(30);

    private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
    private static final int MIN_SECRET_BYTES = 32;
    private static final List<String> DATE_CLAIMS = List.of("exp", "nbf", "iat");
    /** What of a client's value a reason may quote: short, plain, printable ASCII. */
    private static final Pattern QUOTABLE = Pattern.compile("^[\\x21-\\x7e]{1,40}$");

    private final SecretKey key;
    private final Clock clock;
    /** Immutable and thread-safe, so built once (building one per token showed in the connect profile). */
    private final JwtParser parser;

    public Jwt(String secret) {
        this(secret, Clock.systemUTC());
    }

    public Jwt(String secret, Clock clock) {
        this.key = keyOf(secret);
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(LEEWAY.toSeconds())
                .build();
    }

    private static SecretKey keyOf(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the JWT secret is empty");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret has " + bytes.length * 8
                    + " bits; HS256 needs at least 256 bits (32 bytes): use a longer secret");
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    /** A token for that user, issued now, without expiry. */
    public String sign(String userId) {
        return sign(userId, null, Map.of());
    }

    /**
     * A token for that user, issued now.
     *
     * @param ttl   time to live; null for none; negative for an already expired token
     * @param extra further claims (for example {@code role: "admin"})
     */
    public String sign(String userId, Duration ttl, Map<String, ?> extra) {
        Map<String, Object> claims = new LinkedHashMap<>(extra);
        if (userId != null) {
            claims.put(USER_ID, userId);
        }
        Instant now = clock.instant();
        Instant issued = ttl != null && ttl.isNegative() ? now.plus(ttl).minus(LEEWAY).minusSeconds(60) : now;
        var builder = Jwts.builder().claims(claims).issuedAt(Date.from(issued));
        if (ttl != null) {
            builder.expiration(Date.from(now.plus(ttl).minus(ttl.isNegative() ? LEEWAY : Duration.ZERO)));
        }
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    /**
     * Checks structure, algorithm, dates and {@code user_id}; says exactly what is wrong otherwise, in
     * the contract's words (never the JWT library's, and never more than a short plain value of what
     * the client sent).
     */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException("no token: pass auth { accessToken: <JWT> } in the handshake");
        }
        JwtParts parts = JwtParts.split(token);
        if (parts == null) {
            throw new TokenRejectedException("token is not a JWT: expected three base64url parts separated by"
                    + " dots, the first two JSON objects (header and claims)");
        }
        String alg = parts.headerField("alg");
        if (alg == null) {
            throw new TokenRejectedException("token header names no algorithm (alg): only " + ALGORITHM
                    + " signed with the server's secret is accepted");
        }
        if (!ALGORITHM.equals(alg)) {
            throw new TokenRejectedException("token algorithm " + shown(alg, "named in its header")
                    + " is not accepted: only " + ALGORITHM + " signed with the server's secret");
        }
        for (String date : DATE_CLAIMS) {
            var value = parts.payload().get(date);
            if (value != null && !value.isNull() && !value.isNumber()) {
                throw new TokenRejectedException("token claim " + date
                        + " must be a number of seconds since 1970-01-01 (a JWT NumericDate)");
            }
        }
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new TokenRejectedException("token expired at " + e.getClaims().getExpiration().toInstant());
        } catch (PrematureJwtException e) {
            throw new TokenRejectedException("token not valid before " + e.getClaims().getNotBefore().toInstant());
        } catch (SignatureException e) {
            throw new TokenRejectedException("token signature does not match the server's secret");
        } catch (MalformedJwtException | UnsupportedJwtException | IllegalArgumentException e) {
            throw new TokenRejectedException("token is malformed: not a compact JWS signed with " + ALGORITHM);
        } catch (JwtException e) {
            throw new TokenRejectedException("token could not be verified: its claims do not follow the JWT rules");
        }
        Claims claims = jws.getPayload();
        Date issuedAt = claims.getIssuedAt();
        if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plus(LEEWAY))) {
            throw new TokenRejectedException("token issued in the future (iat " + issuedAt.toInstant() + ")");
        }
        Object userId = claims.get(USER_ID);
        if (userId == null) {
            throw new TokenRejectedException("token has no user_id claim");
        }
        if (!(userId instanceof String s) || !OBJECT_ID.matcher(s).matches()) {
            String quoted = userId instanceof String text ? shown(text, "") : "";
            throw new TokenRejectedException("token user_id " + (quoted.isEmpty() ? "" : quoted + " ")
                    + "is not a 24-hex-digit ObjectId");
        }
        Date exp = claims.getExpiration();
        return new VerifiedToken(s, issuedAt == null ? null : issuedAt.toInstant(),
                exp == null ? null : exp.toInstant(), new LinkedHashMap<>(claims));
    }

    /** The value when it is short and plain, otherwise {@code instead} (text from a client is not echoed whole). */
    private static String shown(String value, String instead) {
        return QUOTABLE.matcher(value).matches() ? value : instead;
    }

    /** The {@code alg} of a token's header without verifying anything; null when unreadable. */
    public static String headerAlgorithm(String token) {
        JwtParts parts = JwtParts.split(token);
        return parts == null ? null : parts.headerField("alg");
    }

    /** An unsecured token ({@code alg: none}) with these claims: for testing the server's front door. */
    public static String unsecured(Map<String, ?> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JwtParts.json(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
