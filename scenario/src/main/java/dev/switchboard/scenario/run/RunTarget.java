package dev.switchboard.scenario.run;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;

/**
 * Where scenarios run: the server's Socket.IO URL, the secret tokens are signed with, and the server's
 * database (for fixtures and {@code pick}; null when it cannot be reached).
 */
public record RunTarget(String serverUrl, Jwt jwt, MongoDatabase database) {

    /** Seeds through the server module's seeder (idempotent: fixture documents are put back as they were). */
    public void seed(FixtureSpec spec) {
        if (database == null) {
            throw new IllegalStateException("fixture '" + spec.describe() + "' needs the server's database: pass"
                    + " --mongo-uri (or set MONGODB_URI)");
        }
        Seeder.seed(spec, database, ProgressListener.NONE, new CancellationToken());
    }

    /** Every user of the database, for {@code pick} actors. */
    public UserPool userPool() {
        return database == null ? UserPool.empty() : UserPool.fromDatabase(database);
    }
}
