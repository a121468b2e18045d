package dev.switchboard.server.hardening;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the server mid-load (what Ctrl-C and SIGTERM do) keeps every write it acknowledged. */
class GracefulShutdownTest {

    @Test
    void writesAcknowledgedWhileTheServerStopsAreOnDiskAfterRestart(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).dbPort(0)
                .dbFile(dir.resolve("switchboard.mv")).limits(TestServer.UNHURRIED).build();
        List<ObjectId> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        List<TestClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start(config.toBuilder())) {
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TestClient c = server.connect(server.user());
                clients.add(c);
                Thread t = new Thread(() -> {
                    while (true) {
                        JsonNode reply;
                        try {
                            reply = c.callWithin(Duration.ofSeconds(3), "tweet/add", "written while stopping");
                        } catch (AssertionError noReply) {
                            return;
                        }
                        if (!reply.path("status").asText().equals("ok")) {
                            failures.incrementAndGet();
                            return;
                        }
                        acknowledged.add(new ObjectId(reply.path("tweet").path("_id").asText()));
                    }
                });
                writers.add(t);
                t.start();
            }
            while (acknowledged.size() < 60) {
                Thread.sleep(5);
            }
            server.server().close(); // mid-load, as the shutdown hook does
            for (Thread t : writers) {
                t.join(10_000);
            }
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(60);
        try (SwitchboardServer restarted = SwitchboardServer.start(config)) {
            long found = restarted.stores().tweets().collection().countDocuments(in("_id", acknowledged));
            assertThat(found).as("acknowledged tweets after restart").isEqualTo(acknowledged.size());
        }
    }
}
