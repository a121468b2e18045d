package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import java.nio.file.Path;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, describing and stopping the whole server. */
class SwitchboardServerTest {

    @TempDir
    Path dir;

    @Test
    void theFileDatabaseKeepsItsDataAcrossARestart() {
        ServerConfig config = ServerConfig.ephemeral().dbMemory(false).dbFile(dir.resolve("db/switchboard.mv")).build();
        ObjectId id;
        try (SwitchboardServer server = SwitchboardServer.start(config)) {
            assertThat(server.embeddedDatabase()).isTrue();
            assertThat(server.mongoUri()).matches("mongodb://127\\.0\\.0\\.1:\\d+/switchboard");
            assertThat(server.socketIoUrl()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.databaseDescription()).contains("switchboard.mv");
            id = server.stores().users().insert(new Document("username", "kept").append("email", "kept@x.io"));
            server.stores().tweets().add(id, "kept tweet", new Date());
        }
        try (SwitchboardServer again = SwitchboardServer.start(config)) {
            assertThat(again.stores().users().findById(id)).get().extracting(d -> d.getString("username"))
                    .isEqualTo("kept");
            assertThat(again.stores().tweets().byOwner(id, 0, 10)).hasSize(1);
            // the unique index is still there
            assertThatThrownBy(() -> again.stores().users().insert(new Document("username", "kept")
                    .append("email", "other@x.io"))).isInstanceOf(com.mongodb.MongoWriteException.class);
        }
    }

    /** The console retires its bundled server on a thread that may be interrupted as it quits. */
    @Test
    void closingOnAnInterruptedThreadStillClosesTheDatabaseAndKeepsItsData() {
        ServerConfig config = ServerConfig.ephemeral().dbMemory(false).dbFile(dir.resolve("interrupted/switchboard.mv"))
                .build();
        SwitchboardServer server = SwitchboardServer.start(config);
        ObjectId id = server.stores().users().insert(new Document("username", "closer").append("email", "c@x.io"));
        server.stores().users().findById(id); // the driver's pool holds a connection to close
        Thread.currentThread().interrupt();
        try {
            server.close();
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        try (SwitchboardServer again = SwitchboardServer.start(config)) {
            assertThat(again.stores().users().findById(id)).isPresent();
        }
    }

    /** An interrupt that arrives while the close runs (the console's executor shutting down) does not cut it short. */
    @Test
    void anInterruptArrivingDuringTheCloseDoesNotCutItShort() throws Exception {
        ServerConfig config = ServerConfig.ephemeral().dbMemory(false).dbFile(dir.resolve("mid-close/switchboard.mv"))
                .build();
        SwitchboardServer server = SwitchboardServer.start(config);
        ObjectId id = server.stores().users().insert(new Document("username", "midway").append("email", "m@x.io"));
        server.stores().users().findById(id);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                server.close();
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        closer.start();
        for (int i = 0; i < 50 && closer.isAlive(); i++) {
            closer.interrupt();
            Thread.sleep(2);
        }
        closer.join(30_000);
        assertThat(failed.get()).as("the close failed").isNull();
        try (SwitchboardServer again = SwitchboardServer.start(config)) {
            assertThat(again.stores().users().findById(id)).isPresent();
        }
    }

    @Test
    void closeIsIdempotent() {
        SwitchboardServer server = SwitchboardServer.start(ServerConfig.ephemeral().build());
        server.close();
        server.close();
    }

    @Test
    void aTakenPortIsReportedWithThePortAndTheFlagToChangeIt() {
        try (SwitchboardServer first = SwitchboardServer.start(ServerConfig.ephemeral().build())) {
            ServerConfig clash = ServerConfig.ephemeral().port(first.port()).build();
            assertThatThrownBy(() -> SwitchboardServer.start(clash)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(first.port())).hasMessageContaining("--port");
        }
    }

    @Test
    void anExternalDatabaseIsUsedAsGivenWithoutStartingTheEmbeddedOne() {
        try (EmbeddedMongo external = EmbeddedMongo.start(null, "127.0.0.1", 0)) {
            ServerConfig config = ServerConfig.ephemeral().mongoUri(external.uri() + "/elsewhere")
                    .jwtSecret("a-secret-that-is-long-enough-for-hs256-0123456789").build();
            try (SwitchboardServer server = SwitchboardServer.start(config)) {
                assertThat(server.embeddedDatabase()).isFalse();
                assertThat(server.mongoUri()).isEqualTo(external.uri() + "/elsewhere");
                assertThat(server.database().name()).isEqualTo("elsewhere");
                server.stores().users().insert(new Document("username", "x").append("email", "x@x.io"));
            }
            try (Database db = Database.connect(external.uri() + "/elsewhere")) {
                assertThat(db.collection("users").countDocuments()).isEqualTo(1);
            }
        }
    }
}
