package dev.switchboard.server.db;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Where the server makes its own writes durable: before it answers anyone about them (the ack of an
 * event, a push, an HTTP answer). On the embedded file database its writes are answered once applied
 * (see {@link DurableWrites}), so a thread that wrote waits here for the commit holding the last of
 * them (its reply named it); a thread that only read does not wait. Elsewhere every write is durable once acknowledged already.
 */
public final class SyncPoints {

    /** Every write is durable when the database acknowledges it: nothing to wait for. */
    public static final SyncPoints NONE = new SyncPoints(null);

    private final EmbeddedMongo database;
    /** This thread's writes since its last sync point: none, the highest commit ticket they reported, or unknown. */
    private final ThreadLocal<long[]> wrote = ThreadLocal.withInitial(() -> new long[] {NONE_WRITTEN});
    private static final long NONE_WRITTEN = 0;
    /** A write whose reply gave no ticket (it failed half-way, say): wait for everything applied so far. */
    private static final long UNKNOWN = -1;

    private SyncPoints(EmbeddedMongo database) {
        this.database = database;
    }

    /** Sync points of a server on this embedded file database; connect with {@link #clientName()} and {@link #writes()}. */
    public static SyncPoints on(EmbeddedMongo database) {
        return database.inMemory() ? NONE : new SyncPoints(database);
    }

    /** The application name the server's connection must give for its writes to wait for these sync points. */
    public String clientName() {
        return database == null ? null : EmbeddedMongo.syncPointClientName();
    }

    /** Notes, on the thread that issued it, every write command the server's connection completes. */
    public CommandListener writes() {
        if (database == null) {
            return null;
        }
        return new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (DurableWrites.isWrite(event.getCommandName())) {
                    long[] mine = wrote.get();
                    long ticket = DurableWrites.ticketOf(event.getResponse());
                    mine[0] = ticket <= 0 || mine[0] == UNKNOWN ? UNKNOWN : Math.max(mine[0], ticket);
                }
            }

            @Override
            public void commandFailed(CommandFailedEvent event) {
                if (DurableWrites.isWrite(event.getCommandName())) {
                    wrote.get()[0] = UNKNOWN; // a write that failed half-way may have applied some of its documents
                }
            }
        };
    }

    /** Returns once every write this thread made is durable; at once if it made none since its last sync point. */
    public void beforeAnswer() {
        if (database == null) {
            return;
        }
        long[] mine = wrote.get();
        long ticket = mine[0];
        mine[0] = NONE_WRITTEN;
        if (ticket == UNKNOWN) {
            database.awaitWritesDurable();
        } else if (ticket != NONE_WRITTEN) {
            database.awaitDurable(ticket);
        }
    }
}
