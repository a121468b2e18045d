package dev.switchboard.server.db;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The embedded file database's backend, answering a write command only once the write is committed
 * to the file ({@link GroupCommit}): a reply the driver counts as acknowledged survives a crash of
 * the process. Reads neither lock nor wait.
 */
final class DurableWrites extends ForwardingBackend {

    /** Commands that change nothing; every other command is treated as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "aggregate", "count", "distinct",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo",
            "killcursors", "endsessions", "serverstatus", "dbstats", "collstats", "getlasterror", "whatsmyuri",
            "getlog", "getparameter", "getcmdlineopts", "hostinfo", "connectionstatus", "currentop");

    private final GroupCommit commits;

    DurableWrites(MongoBackend backend, GroupCommit.Store store) {
        super(backend);
        this.commits = new GroupCommit(store);
    }

    static boolean isWrite(String command) {
        return command != null && !READS.contains(command.toLowerCase(java.util.Locale.ROOT));
    }

    private <T> T durably(String command, Supplier<T> run) {
        if (!isWrite(command)) {
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
        commits.awaitDurable(ticket);
        return result;
    }

    /** Returns once everything applied so far is committed. */
    void checkpoint() {
        durably("checkpoint", () -> null);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.isEmpty() ? null : body.keySet().iterator().next();
        return durably(command, () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return durably(command, () -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public void dropDatabase(String database) {
        durably("dropDatabase", () -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    /** Commits what is pending, then closes the store (which commits once more). */
    @Override
    public void close() {
        commits.close();
        backend.close();
    }

}
