package dev.switchboard.server.presence;

import org.bson.types.ObjectId;

/**
 * Which users have a connected socket. In memory for one node now; a cross-node implementation
 * (Redis) can replace it without touching the middlewares or listeners.
 */
public interface Presence {

    /** Records a connected socket of that user. */
    void connected(ObjectId userId, String socketId);

    /** Forgets a socket; true when it was that user's last one. */
    boolean disconnected(ObjectId userId, String socketId);

    boolean isOnline(ObjectId userId);

    int onlineUsers();
}
