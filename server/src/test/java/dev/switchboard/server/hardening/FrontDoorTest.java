package dev.switchboard.server.hardening;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Who gets in: browser origins, sockets per user, revoked sessions. */
class FrontDoorTest {

    @Test
    void aBrowserFromAnOriginNotOnTheListIsRefusedOthersAndNonBrowsersGetIn() {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral()
                .corsOrigins(List.of("https://app.example.com")))) {
            ObjectId me = server.user();
            String refused = TestClient.connectError(server.url(), Map.of("accessToken", server.token(me)),
                    Map.of("Origin", "https://evil.example.net"), TestClient.TIMEOUT);
            assertThat(refused).isEqualTo("allowedOrigins: origin https://evil.example.net is not allowed to connect;"
                    + " allowed: https://app.example.com");
            try (TestClient browser = TestClient.connect(server.url(), server.token(me),
                    Map.of("Origin", "https://app.example.com"));
                 TestClient nodeApp = server.connect(me)) {
                ok(browser.call("user/publicity/get"));
                ok(nodeApp.call("user/publicity/get"));
            }
        }
    }

    @Test
    void originsDefaultToAnyOnTheEmbeddedDatabaseAndNoneOnAnExternalOne() {
        assertThat(ServerConfig.ephemeral().build().corsOrigins()).containsExactly("*");
        ServerConfig production = ServerConfig.ephemeral().mongoUri("mongodb://db.example:27017")
                .jwtSecret("a-secret-that-is-long-enough-for-hs256-0123456789").build();
        assertThat(production.corsOrigins()).isEmpty();
    }

    @Test
    void aUserBeyondTheSocketCapIsRefusedNamingTheCapAndAClosedSocketFreesItsPlace() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral()
                .limits(new ServerConfig.Limits(1000, 1000, 2)))) {
            ObjectId me = server.user();
            ObjectId other = server.user();
            TestClient first = server.connect(me);
            server.connect(me);
            String refused = server.connectError(Map.of("accessToken", server.token(me)));
            assertThat(refused).isEqualTo("socketsPerUser: this user already has 2 connected sockets; at most 2 per"
                    + " user: close one first");
            server.connect(other).close(); // the cap is per user

            first.close();
            TestClient again = connectWithin(server, me, Duration.ofSeconds(5));
            ok(again.call("user/publicity/get"));
        }
    }

    /** The server learns of a closed socket a moment after the client closed it. */
    private static TestClient connectWithin(TestServer server, ObjectId user, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            TestClient client = server.connectOrNull(user);
            if (client != null) {
                return client;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still refused " + wait + " after a socket of the user closed");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void revokingAUserDisconnectsEverySocketAndRefusesTokensIssuedBefore() {
        try (TestServer server = TestServer.start()) {
            ObjectId me = server.user();
            ObjectId bystander = server.user();
            String oldToken = server.token(me);
            TestClient phone = server.connect(me);
            TestClient laptop = server.connect(me);
            TestClient other = server.connect(bystander);

            server.server().revocations().revoke(me);

            assertThat(phone.awaitDisconnect(TestClient.TIMEOUT)).isEqualTo("io server disconnect");
            assertThat(laptop.awaitDisconnect(TestClient.TIMEOUT)).isEqualTo("io server disconnect");
            ok(other.call("user/publicity/get"));
            assertThat(server.connectError(Map.of("accessToken", oldToken)))
                    .startsWith("authentication: token issued at ").contains(" was revoked at ")
                    .endsWith("; sign in again");

            // a token issued after the revocation (here: a clock 2 s ahead, inside the iat leeway) gets in
            String fresh = new Jwt(server.server().config().jwtSecret(),
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(2))).sign(me.toHexString());
            try (TestClient back = TestClient.connectTo(server.url(), fresh)) {
                ok(back.call("user/publicity/get"));
            }
        }
    }
}
