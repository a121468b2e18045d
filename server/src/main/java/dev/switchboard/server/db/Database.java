package dev.switchboard.server.db;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A connection to the database the server uses, embedded or external. Timeouts are bounded so that
 * a database outage turns into failure replies, never into hung listeners.
 */
public final class Database implements AutoCloseable {

    public static final String DEFAULT_NAME = "switchboard";

    private final MongoClient client;
    private final MongoDatabase database;
    private final String uri;

    private Database(MongoClient client, MongoDatabase database, String uri) {
        this.client = client;
        this.database = database;
        this.uri = uri;
    }

    /** Connects lazily (the driver connects on first use); the database is the URI's, or {@code switchboard}. */
    public static Database connect(String uri) {
        return connect(uri, null, null);
    }

    /** As {@link #connect(String)}, naming the client in its handshake and telling {@code listener} of every command. */
    public static Database connect(String uri, String applicationName, CommandListener listener) {
        ConnectionString cs = new ConnectionString(uri);
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        if (applicationName != null) {
            builder.applicationName(applicationName);
        }
        if (listener != null) {
            builder.addCommandListener(listener);
        }
        MongoClientSettings settings = builder
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(3, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(b -> b.maxWaitTime(5, TimeUnit.SECONDS).maxSize(100))
                .build();
        MongoClient client = MongoClients.create(settings);
        String name = cs.getDatabase() == null || cs.getDatabase().isBlank() ? DEFAULT_NAME : cs.getDatabase();
        return new Database(client, client.getDatabase(name), uri);
    }

    public MongoDatabase mongo() {
        return database;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    public String name() {
        return database.getName();
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        client.close();
    }
}
