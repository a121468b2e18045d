package dev.switchboard.server.warmup;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * {@code scripts/server --warm-up}: before the server opens its port, a throwaway copy of it, on a throwaway
 * embedded database seeded with a generated fixture (a file or in memory, as the real one; in memory before a
 * server on MongoDB), takes rounds of connects from loopback
 * websocket clients. The JVM compiles what a connect runs only after running it a few thousand times; without
 * this, the first crowd after a start (a restart behind a load balancer, a deploy) pays for that, at about a
 * third of a warm server's connect rate (docs/benchmark.md, "First connects after a start"). It costs some
 * seconds of start-up and leaves nothing behind: the throwaway server, database and file are gone before the
 * real server starts.
 *
 * @param users    users of the generated fixture
 * @param rounds   times every user connects
 * @param inFlight connects under way at once
 */
public record WarmUp(int users, int rounds, int inFlight) {

    /** 2,500 connects, some 10 s on 2 cores: after them the first real round of connects runs about 1.7 times as fast. */
    public static final WarmUp DEFAULT = new WarmUp(250, 10, 25);
    /** The events the server pushes to every socket it admits (docs/protocol.md: the connect pushes). */
    static final int CONNECT_PUSHES = 4;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    /** What a warm-up did. */
    public record Outcome(int connects, int failed, Duration took) {
    }

    /** Runs the warm-up for a server about to start with {@code real}; blocks until it is over. */
    public Outcome run(ServerConfig real) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = real.embeddedDatabase() && !real.dbMemory() ? Files.createTempDirectory("switchboard-warm-up") : null;
        String secret = UUID.randomUUID().toString();
        ServerConfig throwaway = ServerConfig.ephemeral()
                .dbMemory(dir == null)
                .dbFile(dir == null ? null : dir.resolve("warm-up.mv"))
                .jwtSecret(secret)
                .limits(new ServerConfig.Limits(1000, 1000, rounds, 0)) // a user's sockets of earlier rounds may not be closed yet
                .build();
        try (SwitchboardServer server = SwitchboardServer.start(throwaway)) {
            List<String> tokens = seed(server, new Jwt(secret));
            URI socketIo = URI.create(server.socketIoUrl().replace("http:", "ws:") + "/socket.io/?EIO=4&transport=websocket");
            HttpClient http = HttpClient.newHttpClient();
            int failed = 0;
            for (int round = 0; round < rounds; round++) {
                failed += connectAll(http, socketIo, tokens);
            }
            return new Outcome(rounds * tokens.size(), failed, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private List<String> seed(SwitchboardServer server, Jwt jwt) {
        var db = server.database().mongo();
        Seeder.seed(FixtureSpec.generated(users, 1), db, ProgressListener.NONE, new CancellationToken());
        List<String> tokens = new ArrayList<>();
        for (Document user : db.getCollection("users").find().projection(new Document("_id", 1))) {
            tokens.add(jwt.sign(user.getObjectId("_id").toHexString()));
        }
        return tokens;
    }

    /** Every token connects once, {@code inFlight} at a time; answers how many failed. */
    private int connectAll(HttpClient http, URI socketIo, List<String> tokens) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String token : tokens) {
            slots.acquire();
            all.add(LoopbackConnect.run(http, socketIo, token, CONNECT_PUSHES, CONNECT_TIMEOUT_MILLIS)
                    .whenComplete((done, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                        slots.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return failed.get();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
