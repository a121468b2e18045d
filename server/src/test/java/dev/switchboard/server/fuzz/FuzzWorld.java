package dev.switchboard.server.fuzz;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The server under fuzzing: a generated population (blocks, private users, follow requests, live
 * stories) and a few connected actors whose relations to the others differ. Actor 0 has two sockets.
 */
final class FuzzWorld implements AutoCloseable {

    /** Small limits so that "too large" inputs stay cheap to send; the ratio to each other is the default one. */
    static final int MAX_IMAGE_BYTES = 48 * 1024;
    static final int MAX_PAYLOAD = 256 * 1024;
    private static final int USERS = 24;

    private final TestServer server;
    private final List<Actor> actors = new ArrayList<>();

    /** One connection of a user. */
    record Actor(int index, ObjectId user, TestClient client) {
    }

    FuzzWorld(long seed) {
        // calls come one at a time; a stall of a busy machine must not turn into load shedding (OverloadTest's subject)
        server = TestServer.start(ServerConfig.ephemeral().maxImageBytes(MAX_IMAGE_BYTES).maxPayload(MAX_PAYLOAD)
                .queueBudget(TestServer.UNHURRIED_QUEUE));
        Seeder.seed(FixtureSpec.generated(USERS, seed).withAnchor(Instant.now()), db(), ProgressListener.NONE,
                new CancellationToken());
        List<ObjectId> chosen = chooseActors();
        for (ObjectId user : chosen) {
            connect(user);
        }
        connect(chosen.get(0));
    }

    /** Users in different positions: blocked by someone, blocking someone, private, and any other. */
    private List<ObjectId> chooseActors() {
        List<Document> users = db().getCollection(UserStore.COLLECTION).find().into(new ArrayList<>());
        Set<ObjectId> chosen = new LinkedHashSet<>();
        Set<ObjectId> blocked = new LinkedHashSet<>();
        for (Document u : users) {
            UserStore.entries(u, UserStore.BLOCK).forEach(b -> blocked.add(b.getObjectId(UserStore.ID)));
        }
        blocked.stream().findFirst().ifPresent(chosen::add);
        users.stream().filter(u -> !UserStore.entries(u, UserStore.BLOCK).isEmpty()).map(u -> u.getObjectId("_id"))
                .filter(id -> !chosen.contains(id)).findFirst().ifPresent(chosen::add);
        users.stream().filter(u -> !UserStore.isPublic(u)).map(u -> u.getObjectId("_id"))
                .filter(id -> !chosen.contains(id)).findFirst().ifPresent(chosen::add);
        for (Document u : users) {
            if (chosen.size() >= 4) {
                break;
            }
            chosen.add(u.getObjectId("_id"));
        }
        return new ArrayList<>(chosen);
    }

    private void connect(ObjectId user) {
        actors.add(new Actor(actors.size(), user, admitted(user)));
    }

    /** A connection of that user; on a machine busy with other builds a handshake can miss the harness's wait once. */
    private TestClient admitted(ObjectId user) {
        for (int attempt = 1; ; attempt++) {
            try {
                return server.connect(user);
            } catch (AssertionError slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
    }

    List<Actor> actors() {
        return actors;
    }

    Actor actor(int index) {
        return actors.get(Math.floorMod(index, actors.size()));
    }

    /** A new connection in place of one the server closed, so that the run can go on. */
    Actor reconnect(Actor lost) {
        lost.client().close();
        Actor fresh = new Actor(lost.index(), lost.user(), admitted(lost.user()));
        actors.set(lost.index(), fresh);
        return fresh;
    }

    MongoDatabase db() {
        return server.server().database().mongo();
    }

    TestServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
