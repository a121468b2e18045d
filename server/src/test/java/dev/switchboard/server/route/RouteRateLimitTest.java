package dev.switchboard.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.Http;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.security.AttemptLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login and reset are limited per account and per address: 429 with Retry-After, the account's own first. */
class RouteRateLimitTest {

    @Test
    void loginAndResetAre429PastTheirLimitsPerAccountAndPerAddress() {
        AttemptLimit.Rate three = new AttemptLimit.Rate(3, Duration.ofMinutes(1));
        AttemptLimit.Rate six = new AttemptLimit.Rate(6, Duration.ofMinutes(1));
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
                .accountLimits(new ServerConfig.AccountLimits(three, six, three, six)))) {
            Http http = new Http(server.url());
            for (int i = 0; i < 3; i++) {
                assertThat(http.post("/login", Map.of("username", "tyrion", "password", "wrong " + i)).status())
                        .isEqualTo(401);
            }
            Http.Answer limited = http.post("/login", Map.of("username", "TYRION", "password", "wrong"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.field("/error")).isEqualTo("rate_limited");
            assertThat(limited.field("/message")).startsWith("too many attempts for this account; try again in");
            assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
            // another account from the same address: two more before the address is over its six
            assertThat(http.post("/login", Map.of("username", "cersei", "password", "wrong")).status()).isEqualTo(401);
            assertThat(http.post("/login", Map.of("username", "jaime", "password", "wrong")).status()).isEqualTo(401);
            Http.Answer address = http.post("/login", Map.of("username", "bronn", "password", "wrong"));
            assertThat(address.status()).isEqualTo(429);
            assertThat(address.field("/message")).startsWith("too many attempts from this address");

            for (int i = 0; i < 3; i++) {
                assertThat(http.post("/reset_password", Map.of("email", "varys@spiders.example")).status()).isEqualTo(202);
            }
            Http.Answer reset = http.post("/reset_password", Map.of("email", "varys@spiders.example"));
            assertThat(reset.status()).isEqualTo(429);
            assertThat(reset.header("retry-after")).isNotNull();
        }
    }
}
