package dev.switchboard.server;

import dev.switchboard.engine.Socket;
import org.bson.types.ObjectId;

/**
 * The authenticated user of a socket, kept in the socket's data (the original's {@code socket.data.user})
 * as plain strings so it can be listed across nodes.
 */
public final class SocketUser {

    public static final String USER_ID = "user_id";
    public static final String USERNAME = "username";

    private SocketUser() {
    }

    public static void set(Socket socket, ObjectId userId, String username) {
        socket.data().put(USER_ID, userId.toHexString());
        if (username != null) {
            socket.data().put(USERNAME, username);
        }
    }

    /** The user id, or null before authentication. */
    public static ObjectId id(Socket socket) {
        Object id = socket.data().get(USER_ID);
        return id == null ? null : new ObjectId(id.toString());
    }

    /** For log lines: the user id, or {@code -} when not known. */
    public static String logId(Socket socket) {
        Object id = socket.data().get(USER_ID);
        return id == null ? "-" : id.toString();
    }
}
