package dev.switchboard.server.admin;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.types.ObjectId;

/** Admin sockets for tests: a token with role admin on namespace /admin, and waiting for one push among many. */
final class AdminClients {

    private AdminClients() {
    }

    static String adminToken(TestServer server, ObjectId user) {
        return server.jwt().sign(user.toHexString(), null, Map.of("role", "admin"));
    }

    static TestClient connectAdmin(TestServer server) {
        return TestClient.connectTo(server.url() + "/admin", adminToken(server, server.user()));
    }

    static String refusal(TestServer server, String token) {
        return TestClient.connectError(server.url() + "/admin", Map.of("accessToken", token), Duration.ofSeconds(5));
    }

    /** The next push of that event that matches, skipping the others (the stream shows every client of the server). */
    static JsonNode awaitPush(TestClient admin, String event, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode push = admin.push(event);
            if (matches.test(push)) {
                return push;
            }
        }
        return fail("no matching " + event + " push within " + TestClient.TIMEOUT);
    }
}
