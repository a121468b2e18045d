package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.harness.LogCapture;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Failures are answered and logged in the contract's format; a lost database never hangs a call. */
class FailureTest {

    static final String SECRET = "a-secret-that-is-long-enough-for-hs256-0123456789";

    @Test
    void failuresAreLoggedWithEventUserAndSocket() {
        try (LogCapture log = new LogCapture(); TestServer server = TestServer.start()) {
            ObjectId me = server.user();
            try (TestClient c = server.connect(me)) {
                failed(c.call("tweet/fly"), "not_found");
                failed(c.call("tweet/like/toggle", "nope"), "invalid_argument");
                assertThat(log.matching("Listener error: tweet/fly")).containsExactly("Listener error: tweet/fly User-id: "
                        + me.toHexString() + " Socket-id: " + c.id() + " Error: no listener for tweet/fly");
                assertThat(log.matching("Listener error: tweet/like/toggle")).hasSize(1).allMatch(l -> l.startsWith(
                        "Listener error: tweet/like/toggle User-id: " + me.toHexString() + " Socket-id: " + c.id()
                                + " Error: invalid_argument: tweetId must be a 24-hex-digit id"));
            }
        }
    }

    @Test
    void aLostDatabaseTurnsIntoInternalRepliesAndRefusedConnections() {
        try (LogCapture log = new LogCapture()) {
            EmbeddedMongo db = EmbeddedMongo.start(null, "127.0.0.1", 0);
            ServerConfig config = ServerConfig.ephemeral().mongoUri(db.uri()).jwtSecret(SECRET).build();
            try (SwitchboardServer server = SwitchboardServer.start(config)) {
                ObjectId me = server.stores().users().insert(new org.bson.Document("username", "u").append("email", "u@x.io"));
                String token = new dev.switchboard.protocol.jwt.Jwt(SECRET).sign(me.toHexString());
                try (TestClient c = new TestServerless(server).connect(token)) {
                    c.push("tweet/send/byPagination"); // the connect pushes are done
                    db.close();
                    String error = failed(c.callWithin(Duration.ofSeconds(20), "user/block/get/all"), "internal");
                    assertThat(error).startsWith("the database failed while handling user/block/get/all");
                    assertThat(c.connected()).isTrue();
                    assertThat(log.matching("Listener error: user/block/get/all")).singleElement()
                            .asString().contains("User-id: " + me.toHexString()).contains("Error: database:");

                    String refused = TestClient.connectError(server.socketIoUrl(), Map.of("accessToken", token),
                            Duration.ofSeconds(20));
                    assertThat(refused).startsWith("authentication: the server failed to check this connection");
                    assertThat(log.matching("Middleware error: authentication Socket-id: ")).hasSize(1);
                }
            }
        }
    }

    /**
     * The stated bound: with the database down, a listener answers {@code internal} within the driver's
     * server selection timeout (5 s) plus the call itself; the server stays up and, once the database
     * is back on its address, answers again without a restart.
     */
    @Test
    void aDatabaseOutageIsAnsweredWithinTheBoundAndTheServerRecoversWhenItReturns(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("external.mv");
        EmbeddedMongo db = EmbeddedMongo.start(file, "127.0.0.1", 0);
        int dbPort = db.port();
        ServerConfig config = ServerConfig.ephemeral().mongoUri(db.uri()).jwtSecret(SECRET).build();
        try (SwitchboardServer server = SwitchboardServer.start(config)) {
            ObjectId me = server.stores().users().insert(new org.bson.Document("username", "u").append("email", "u@x.io"));
            String token = new dev.switchboard.protocol.jwt.Jwt(SECRET).sign(me.toHexString());
            try (TestClient c = new TestServerless(server).connect(token)) {
                c.push("tweet/send/byPagination");
                db.close();

                long started = System.nanoTime();
                failed(c.callWithin(Duration.ofSeconds(20), "user/block/get/all"), "internal");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
                assertThat(c.connected()).isTrue();

                db = startOnPort(file, dbPort);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                com.fasterxml.jackson.databind.JsonNode reply;
                do {
                    reply = c.callWithin(Duration.ofSeconds(20), "user/block/get/all");
                } while (!reply.path("status").asText().equals("ok") && System.nanoTime() < deadline);
                assertThat(reply.path("status").asText()).as("reply after the database returned: %s", reply)
                        .isEqualTo("ok");
                try (TestClient later = new TestServerless(server).connect(token)) {
                    assertThat(later.connected()).isTrue();
                }
            }
        } finally {
            db.close();
        }
    }

    /** The port was just released; binding it again may take a moment. */
    private static EmbeddedMongo startOnPort(java.nio.file.Path file, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return EmbeddedMongo.start(file, "127.0.0.1", port);
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Connects to a server not started through {@link TestServer}. */
    record TestServerless(SwitchboardServer server) {
        TestClient connect(String token) {
            return TestClient.connectTo(server.socketIoUrl(), token);
        }
    }
}
