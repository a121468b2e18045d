package dev.switchboard.server.store.cache;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.UserStore;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server caches reads on its embedded database; a change made on the database port by another
 * program (scripts/seed, the console, a mongosh session) shows in the very next answer.
 */
class OutsideWritesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aProfileChangedOnTheDatabasePortShowsInTheNextAnswer() {
        ObjectId me = server.user();
        ObjectId other = server.publicUser();
        try (TestClient c = server.connect(me); MongoClient outside = MongoClients.create(server.server().mongoUri())) {
            MongoDatabase db = outside.getDatabase(server.server().database().name());
            String before = ok(c.call("user/profile/get", other.toHexString())).get("profile").get("name").asText();
            for (int i = 0; i < 5; i++) {
                String name = "renamed outside " + i;
                db.getCollection(UserStore.COLLECTION).updateOne(Filters.eq("_id", other), Updates.set(UserStore.NAME,
                        name));
                assertThat(ok(c.call("user/profile/get", other.toHexString())).get("profile").get("name").asText())
                        .isNotEqualTo(before).isEqualTo(name);
            }
            db.getCollection(UserStore.COLLECTION).deleteOne(Filters.eq("_id", other));
            assertThat(failed(c.call("user/profile/get", other.toHexString()), "not_found")).contains("does not exist");
        }
    }
}
