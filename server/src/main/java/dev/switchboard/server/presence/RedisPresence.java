package dev.switchboard.server.presence;

import dev.switchboard.redis.SharedPresence;
import org.bson.types.ObjectId;

/**
 * Presence shared by every node through Redis: a user is online while any node holds one of their
 * sockets; the users of a node that dies go offline within {@link SharedPresence#DEFAULT_TTL}.
 * {@link #disconnected} reports the user's last socket on this node (this node records last_seen).
 */
public final class RedisPresence implements Presence, AutoCloseable {

    private final SharedPresence shared;

    public RedisPresence(SharedPresence shared) {
        this.shared = shared;
    }

    @Override
    public void connected(ObjectId userId, String socketId) {
        shared.connected(userId.toHexString(), socketId);
    }

    @Override
    public boolean disconnected(ObjectId userId, String socketId) {
        return shared.disconnected(userId.toHexString(), socketId);
    }

    @Override
    public boolean isOnline(ObjectId userId) {
        return shared.isOnline(userId.toHexString());
    }

    @Override
    public int onlineUsers() {
        return shared.onlineUsers();
    }

    /** Removes this node's users from Redis at once (a clean stop). */
    @Override
    public void close() {
        shared.close();
    }
}
