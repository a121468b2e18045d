package dev.switchboard.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.protocol.jwt.Jwt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String JOHN = "63021602091fa84d91c8e9bf";
    private final TokenService service = new TokenService();

    @Test
    void aSignedTokenVerifiesAndCarriesItsClaims() {
        String token = service.sign(Jwt.EXAMPLE_SECRET, JOHN, Expiry.minutes(30), Map.of("role", "admin"));

        TokenInspection r = service.inspect(token, Jwt.EXAMPLE_SECRET);

        assertThat(r.valid()).isTrue();
        assertThat(r.userId()).isEqualTo(JOHN);
        assertThat(r.header().path("alg").asText()).isEqualTo("HS256");
        assertThat(r.payload().path("role").asText()).isEqualTo("admin");
        assertThat(r.expiry()).startsWith("expires ").contains("in 29 min");
    }

    @Test
    void eachNegativeVariantIsRejectedForItsOwnReason() {
        assertThat(verdictOf(NegativeVariant.EXPIRED)).startsWith("token expired at");
        assertThat(verdictOf(NegativeVariant.WRONG_SIGNATURE)).isEqualTo("token signature does not match the server's secret");
        assertThat(verdictOf(NegativeVariant.ALG_NONE)).startsWith("token algorithm none is not accepted");
        assertThat(verdictOf(NegativeVariant.MISSING_USER_ID)).isEqualTo("token has no user_id claim");
    }

    @Test
    void theUnknownUserVariantHasAValidSignatureForAnotherUser() {
        String token = service.negative(NegativeVariant.UNKNOWN_USER, Jwt.EXAMPLE_SECRET, JOHN);
        TokenInspection r = service.inspect(token, Jwt.EXAMPLE_SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(r.userId()).matches("[0-9a-f]{24}").isNotEqualTo(JOHN);
    }

    @Test
    void aTamperedPayloadFailsOnTheSignature() {
        String token = service.sign(Jwt.EXAMPLE_SECRET, JOHN, Expiry.none(), Map.of());
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"user_id\":\"62fc0c0c2b83bd50cb5fef05\"}".getBytes());

        TokenInspection r = service.inspect(parts[0] + "." + otherPayload + "." + parts[2], Jwt.EXAMPLE_SECRET);

        assertThat(r.valid()).isFalse();
        assertThat(r.verdict()).isEqualTo("token signature does not match the server's secret");
        assertThat(r.userId()).isEqualTo("62fc0c0c2b83bd50cb5fef05");
    }

    @Test
    void textThatIsNoJwtIsSaidToBeSo() {
        TokenInspection r = service.inspect("hello", Jwt.EXAMPLE_SECRET);
        assertThat(r.decodable()).isFalse();
        assertThat(r.verdict()).startsWith("not a JWT");
    }

    @Test
    void aShortSecretIsRefusedWithTheReason() {
        assertThatThrownBy(() -> service.sign("short", JOHN, Expiry.none(), Map.of()))
                .hasMessageContaining("at least 256 bits");
        assertThat(service.inspect(service.sign(Jwt.EXAMPLE_SECRET, JOHN, Expiry.none(), Map.of()), "short").verdict())
                .startsWith("cannot verify");
    }

    @Test
    void signingNeedsAUser() {
        assertThatThrownBy(() -> service.sign(Jwt.EXAMPLE_SECRET, " ", Expiry.none(), Map.of()))
                .hasMessageContaining("pick a user");
    }

    @Test
    void expiryIsReadableInBothDirections() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        TokenService fixed = new TokenService(clock, ZoneOffset.UTC);
        var node = dev.switchboard.console.core.Json.NODES.objectNode();
        assertThat(fixed.readableExpiry(node)).isEqualTo("no expiry (exp not set)");
        node.put("exp", Instant.parse("2026-01-01T13:30:00Z").getEpochSecond());
        assertThat(fixed.readableExpiry(node)).isEqualTo("expires 2026-01-01 13:30:00 Z (in 1 h 30 min)");
        node.put("exp", Instant.parse("2026-01-01T11:57:00Z").getEpochSecond());
        assertThat(fixed.readableExpiry(node)).isEqualTo("expired 2026-01-01 11:57:00 Z (3 min ago)");
    }

    private String verdictOf(NegativeVariant v) {
        TokenInspection r = service.inspect(service.negative(v, Jwt.EXAMPLE_SECRET, JOHN), Jwt.EXAMPLE_SECRET);
        assertThat(r.valid()).as(v.name()).isFalse();
        return r.verdict();
    }
}
