package dev.switchboard.protocol.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtTest {

    private static final String JOHN = "63021602091fa84d91c8e9bf";
    /** Made by Node: jsonwebtoken.sign({ user_id: JOHN, iat: 1700000000 }, EXAMPLE_SECRET). */
    private static final String FROM_NODE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJ1c2VyX2lkIjoiNjMwMjE2MDIwOTFmYTg0ZDkxYzhlOWJmIiwiaWF0IjoxNzAwMDAwMDAwfQ"
            + ".jPHPtoykZrGWb8hx5hk2KHlSDfs08eMtGE7yagJe3aU";
    /** The same claims signed by Node with HS512. */
    private static final String FROM_NODE_HS512 = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9"
            + ".eyJ1c2VyX2lkIjoiNjMwMjE2MDIwOTFmYTg0ZDkxYzhlOWJmIiwiaWF0IjoxNzAwMDAwMDAwfQ"
            + ".ghB7peyohg8h-riGwExjicAMuZBp732rJWLZuPfCL7Xk2wRw_C5zXgRb4s7kUawQUf3kad64WXqO0neYCN_hiQ";

    private final Jwt jwt = new Jwt(Jwt.EXAMPLE_SECRET);

    @Test
    void verifiesTokensSignedByNodeJsonwebtoken() throws Exception {
        VerifiedToken token = jwt.verify(FROM_NODE);
        assertThat(token.userId()).isEqualTo(JOHN);
        assertThat(token.issuedAt()).hasToString("2023-11-14T22:13:20Z");
        assertThat(token.expiresAt()).isNull();
    }

    @Test
    void signedTokensRoundTripWithExtraClaims() throws Exception {
        String signed = jwt.sign(JOHN, Duration.ofMinutes(5), Map.of("role", "admin"));
        VerifiedToken token = jwt.verify(signed);
        assertThat(token.userId()).isEqualTo(JOHN);
        assertThat(token.claim("role")).isEqualTo("admin");
        assertThat(token.expiresAt()).isAfter(token.issuedAt());
        assertThat(Jwt.headerAlgorithm(signed)).isEqualTo("HS256");
    }

    @Test
    void refusesOtherAlgorithmsEvenWithTheRightSecret() {
        assertThatThrownBy(() -> jwt.verify(FROM_NODE_HS512))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("HS512");
        assertThatThrownBy(() -> jwt.verify(Jwt.unsecured(Map.of("user_id", JOHN))))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("none");
    }

    @Test
    void refusesAForeignSignature() {
        String foreign = new Jwt("another-secret-that-is-long-enough-for-hs256!").sign(JOHN);
        assertThatThrownBy(() -> jwt.verify(foreign)).hasMessageContaining("signature");
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = jwt.sign(JOHN, Duration.ofMinutes(-5), Map.of());
        assertThatThrownBy(() -> jwt.verify(expired)).hasMessageContaining("expired");
    }

    private static final java.time.Instant T = java.time.Instant.parse("2026-01-01T00:00:00Z");

    private static Jwt at(java.time.Instant now) {
        return new Jwt(Jwt.EXAMPLE_SECRET, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    @Test
    void expiryAndNotBeforeAreHonouredWithTheStatedLeeway() throws Exception {
        assertThat(Jwt.LEEWAY).isEqualTo(Duration.ofSeconds(30));
        String expiring = at(T).sign(JOHN, Duration.ofSeconds(60), Map.of());
        assertThat(at(T.plusSeconds(60 + 29)).verify(expiring).userId()).isEqualTo(JOHN);
        assertThatThrownBy(() -> at(T.plusSeconds(60 + 31)).verify(expiring)).hasMessageStartingWith("token expired at");

        String later = at(T).sign(JOHN, null, Map.of("nbf", T.plusSeconds(100).getEpochSecond()));
        assertThat(at(T.plusSeconds(100 - 29)).verify(later).userId()).isEqualTo(JOHN);
        assertThatThrownBy(() -> at(T.plusSeconds(100 - 31)).verify(later))
                .hasMessageStartingWith("token not valid before");
    }

    @Test
    void refusesATokenIssuedInTheFutureBeyondTheLeeway() throws Exception {
        assertThat(at(T).verify(at(T.plusSeconds(20)).sign(JOHN)).userId()).isEqualTo(JOHN);
        assertThatThrownBy(() -> at(T).verify(at(T.plusSeconds(40)).sign(JOHN)))
                .hasMessageStartingWith("token issued in the future");
    }

    @Test
    void refusesBadOrMissingUserId() {
        assertThatThrownBy(() -> jwt.verify(jwt.sign("42"))).hasMessageContaining("not a 24-hex-digit ObjectId");
        assertThatThrownBy(() -> jwt.verify(jwt.sign(null, null, Map.of("name", "x"))))
                .hasMessageContaining("no user_id");
    }

    @Test
    void refusesGarbageAndEmptyTokens() {
        assertThatThrownBy(() -> jwt.verify("not.a.jwt")).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> jwt.verify("")).hasMessageContaining("no token");
        assertThatThrownBy(() -> jwt.verify(null)).hasMessageContaining("no token");
    }

    @Test
    void reasonsUseTheContractsWordsAndNeverEchoWhatTheClientSentWhole() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        java.util.function.BiFunction<String, String, String> token = (header, claims) ->
                b64.encodeToString(header.getBytes()) + "." + b64.encodeToString(claims.getBytes()) + ".c2ln";
        String hugeAlg = "HS256\\n2099-01-01 ERROR injected" + "x".repeat(100_000);
        assertThatThrownBy(() -> jwt.verify(token.apply("{\"alg\":\"" + hugeAlg + "\"}", "{}")))
                .hasMessage("token algorithm named in its header is not accepted: only HS256 signed with the"
                        + " server's secret");
        assertThatThrownBy(() -> jwt.verify(token.apply("{\"typ\":\"JWT\"}", "{}")))
                .hasMessageStartingWith("token header names no algorithm");
        assertThatThrownBy(() -> jwt.verify(token.apply("{\"alg\":\"HS256\"}", "{\"exp\":\"tomorrow\"}")))
                .hasMessage("token claim exp must be a number of seconds since 1970-01-01 (a JWT NumericDate)");
        assertThatThrownBy(() -> jwt.verify(token.apply("{\"alg\":\"HS256\"}", "{\"iat\":{\"$gt\":1}}")))
                .hasMessageStartingWith("token claim iat must be a number");
        assertThatThrownBy(() -> jwt.verify("%%%.###.!!!"))
                .hasMessageStartingWith("token is not a JWT: expected three base64url parts");
        assertThatThrownBy(() -> jwt.verify(jwt.sign("x".repeat(5000) + "\n")))
                .hasMessage("token user_id is not a 24-hex-digit ObjectId");
    }

    @Test
    void refusesAShortSecretWithAReason() {
        assertThatThrownBy(() -> new Jwt("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
    }

    @Test
    void decodesPartsWithoutVerifying() {
        JwtParts parts = JwtParts.split(FROM_NODE);
        assertThat(parts).isNotNull();
        assertThat(parts.headerField("alg")).isEqualTo("HS256");
        assertThat(parts.payload().get("user_id").asText()).isEqualTo(JOHN);
        assertThat(JwtParts.split("abc")).isNull();
    }
}
