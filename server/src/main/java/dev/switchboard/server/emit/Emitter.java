package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Broadcast;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.db.SyncPoints;
import java.util.Collection;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends pushes of the main namespace, and logs each one that fails in the contract's format. */
public final class Emitter {

    private static final Logger LOG = LoggerFactory.getLogger(Emitter.class);

    private final Namespace main;
    private final SyncPoints syncPoints;

    /** Every push waits at {@code syncPoints} first: nobody hears of a write before it is durable. */
    public Emitter(Namespace main, SyncPoints syncPoints) {
        this.main = main;
        this.syncPoints = syncPoints;
    }

    public void toSocket(Socket socket, String event, JsonNode payload) {
        try {
            syncPoints.beforeAnswer();
            socket.emit(event, payload);
        } catch (RuntimeException e) {
            logError(event, SocketUser.logId(socket), socket.id(), e);
        }
    }

    /** To every socket of that user, on every node. */
    public void toUser(ObjectId userId, String event, JsonNode payload) {
        try {
            syncPoints.beforeAnswer();
            main.to(Rooms.user(userId)).emit(event, payload);
        } catch (RuntimeException e) {
            logError(event, userId.toHexString(), "-", e);
        }
    }

    /** To room {@code followed-<owner>}, skipping every socket of the {@code except} users. */
    public void toFollowersOf(ObjectId owner, Collection<ObjectId> except, String event, JsonNode payload) {
        try {
            syncPoints.beforeAnswer();
            Broadcast b = main.to(Rooms.followed(owner));
            if (!except.isEmpty()) {
                b = b.except(except.stream().map(Rooms::user).toArray(String[]::new));
            }
            b.emit(event, payload);
        } catch (RuntimeException e) {
            logError(event, owner.toHexString(), "-", e);
        }
    }

    public static void logError(String event, String userId, String socketId, Throwable e) {
        LOG.error("Emit error: {} User-id: {} Socket-id: {} Error: {}", event, userId, socketId, describe(e), e);
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
