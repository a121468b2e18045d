package dev.switchboard.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.redis.LocalRedis;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.harness.TestServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Many sockets of one user connecting at the same moment: exactly the cap gets in, on one node and across two. */
class SocketCapRaceTest {

    static final int CAP = 10;
    static final int ATTEMPTS = 30;
    static final String SECRET = "a-socket-cap-test-secret-of-at-least-32-bytes";

    static ServerConfig.Limits cap() {
        return new ServerConfig.Limits(1000, 1000, CAP);
    }

    /** Thirty handshakes at once on a busy machine can take longer than the harness's usual 5 s. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A socket.io-client-java socket of that user, or null when the server refused it. */
    static Socket connectOrNull(TestServer node, ObjectId user) {
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"websocket"}).setTimeout(PATIENCE.toMillis()).build();
        options.auth = Map.of("accessToken", node.token(user));
        Socket socket = IO.socket(URI.create(node.url()), options);
        CompletableFuture<Boolean> admitted = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> admitted.complete(true));
        socket.once(Socket.EVENT_CONNECT_ERROR, args -> admitted.complete(false));
        socket.connect();
        try {
            if (admitted.get(PATIENCE.toSeconds() + 5, TimeUnit.SECONDS)) {
                return socket;
            }
        } catch (Exception e) {
            throw new AssertionError("no answer to a handshake within " + PATIENCE, e);
        }
        socket.close();
        return null;
    }

    /** Connects {@code ATTEMPTS} sockets of the user at once, spread over the nodes; the admitted ones. */
    static List<Socket> connectAtOnce(List<TestServer> nodes, ObjectId user) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Socket>> attempts = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                TestServer node = nodes.get(i % nodes.size());
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return connectOrNull(node, user);
                }, pool));
            }
            start.countDown();
            List<Socket> admitted = new ArrayList<>();
            for (CompletableFuture<Socket> a : attempts) {
                admitted.add(a.get());
            }
            return new ArrayList<>(admitted.stream().filter(Objects::nonNull).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    static void closeAll(List<Socket> sockets) {
        sockets.forEach(Socket::close);
    }

    @Test
    void onOneNodeExactlyTheCapIsAdmittedAndClosingThemFreesEverySlot() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(cap()))) {
            ObjectId user = server.user();
            server.connect(server.user()).close(); // warm up: the first handshake of a JVM is slow
            List<Socket> admitted = connectAtOnce(List.of(server), user);
            assertThat(admitted).hasSize(CAP);
            closeAll(admitted);

            ClusterTest.waitFor("every slot given back", Duration.ofSeconds(5),
                    () -> server.server().engine().namespace("/").sockets().isEmpty());
            List<Socket> again = connectAtOnce(List.of(server), user);
            assertThat(again).as("after the first ones closed").hasSize(CAP);
            closeAll(again);
        }
    }

    @Test
    void acrossTwoNodesExactlyTheCapIsAdmitted() throws Exception {
        try (LocalRedis redis = LocalRedis.required();
             EmbeddedMongo mongo = EmbeddedMongo.start(null, "127.0.0.1", 0)) {
            ServerConfig.Builder node = ServerConfig.builder().host("127.0.0.1").port(0)
                    .mongoUri(mongo.uri() + "/" + Database.DEFAULT_NAME).jwtSecret(SECRET).redisUri(redis.uri())
                    .limits(cap());
            try (TestServer one = TestServer.start(node.nodeName("cap-one"));
                 TestServer two = TestServer.start(node.nodeName("cap-two"))) {
                ObjectId user = one.user();
                one.connect(one.user()).close();
                two.connect(one.user()).close();
                List<Socket> admitted = connectAtOnce(List.of(one, two), user);
                assertThat(admitted).hasSize(CAP);
                assertThat(connectOrNull(one, user)).as("one more on node one").isNull();
                assertThat(connectOrNull(two, user)).as("one more on node two").isNull();

                // a slot given back lets exactly one more in
                admitted.get(1).close();
                ClusterTest.waitFor("the slot given back", Duration.ofSeconds(5), () -> {
                    Socket probe = connectOrNull(one, user);
                    if (probe != null) {
                        admitted.set(1, probe);
                    }
                    return probe != null;
                });
                assertThat(connectOrNull(two, user)).as("the cap is reached again").isNull();
                closeAll(admitted);
            }
        }
    }
}
