package dev.switchboard.server.db;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * The embedded file database's backend, answering a write command only once the write is committed
 * to the file ({@link GroupCommit}): a reply the driver counts as acknowledged survives a crash of
 * the process. Reads neither lock nor wait.
 *
 * <p>A client that names itself {@link #SYNC_POINT_CLIENT} in its handshake (the server in this process)
 * gets its writes answered once applied, each reply carrying the ticket of the commit that will hold it
 * ({@link #TICKET}), and makes them durable itself where it matters, before it answers its own users
 * ({@link #awaitDurable}): an event that writes three documents then waits for the one commit that holds
 * them, instead of three in a row.
 */
final class DurableWrites extends ForwardingBackend {

    /** Commands that change nothing; every other command is treated as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "count", "distinct",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo",
            "killcursors", "endsessions", "serverstatus", "dbstats", "collstats", "getlasterror", "whatsmyuri",
            "getlog", "getparameter", "getcmdlineopts", "hostinfo", "connectionstatus", "currentop");

    private static final Set<String> HANDSHAKES = Set.of("hello", "ismaster");

    /**
     * The field added to the reply of a sync-point client's write: the ticket of the commit that makes it durable,
     * to wait for with {@link #awaitDurable} (waiting for every write applied so far would often wait for a later
     * commit than the one holding it).
     */
    static final String TICKET = "$switchboardCommit";

    /** The application name of a client that asks for its writes to be made durable at its own sync points. */
    static final String SYNC_POINT_CLIENT = "switchboard-server (durable at sync points)";

    private final GroupCommit commits;
    private final Set<Channel> syncPointChannels = ConcurrentHashMap.newKeySet();

    DurableWrites(MongoBackend backend, GroupCommit.Store store) {
        super(backend);
        this.commits = new GroupCommit(store);
    }

    static boolean isWrite(String command) {
        return command != null && !READS.contains(command.toLowerCase(Locale.ROOT));
    }

    private <T> T durably(Channel channel, String command, Document body, Supplier<T> run) {
        if (!isWrite(command)) {
            if (isHandshake(command) && SYNC_POINT_CLIENT.equals(applicationName(body))) {
                syncPointChannels.add(channel);
            }
            return run.get();
        }
        commits.beginWrite();
        T result;
        long ticket;
        try {
            result = run.get();
        } catch (RuntimeException | Error e) {
            commits.abandoned();
            throw e;
        }
        ticket = commits.applied();
        if (channel != null && syncPointChannels.contains(channel)) {
            if (result instanceof Document reply) {
                reply.put(TICKET, ticket);
            }
        } else {
            commits.awaitDurable(ticket);
        }
        return result;
    }

    private static boolean isHandshake(String command) {
        return command != null && HANDSHAKES.contains(command.toLowerCase(Locale.ROOT));
    }

    private static String applicationName(Document body) {
        return body != null && body.get("client") instanceof Document client
                && client.get("application") instanceof Document application
                && application.get("name") instanceof String name ? name : null;
    }

    /** The commit ticket in a write's reply (see {@link #TICKET}); 0 when it has none. */
    static long ticketOf(BsonDocument reply) {
        return reply != null && reply.get(TICKET) instanceof BsonInt64 ticket ? ticket.getValue() : 0;
    }

    /** Returns once the write with that ticket, and every one before it, is committed. */
    void awaitDurable(long ticket) {
        commits.awaitDurable(ticket);
    }

    /** Returns once every write applied so far, by any client, is committed. */
    void awaitApplied() {
        commits.awaitApplied();
    }

    /** Returns once everything applied so far is committed. */
    void checkpoint() {
        durably(null, "checkpoint", null, () -> null);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.isEmpty() ? null : body.keySet().iterator().next();
        return durably(message.getChannel(), command, body, () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(channel, command, query, () -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public void dropDatabase(String database) {
        durably(null, "dropDatabase", null, () -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        syncPointChannels.remove(channel);
        backend.handleClose(channel);
    }

    /** Commits what is pending, then closes the store (which commits once more). */
    @Override
    public void close() {
        commits.close();
        backend.close();
    }

}
