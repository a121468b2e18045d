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
    /** The token's {@code role} claim, when it has one (e.g. {@code admin}). */
    public static final String ROLE = "role";

    private SocketUser() {
    }

    public static void set(Socket socket, ObjectId userId, String username) {
        socket.data().put(USER_ID, userId.toHexString());
        if (username != null) {
            socket.data().put(USERNAME, username);
        }
    }

    public static void setRole(Socket socket, String role) {
        if (role != null) {
            socket.data().put(ROLE, role);
        }
    }

    /** The token's role claim, or null. */
    public static String role(Socket socket) {
        Object role = socket.data().get(ROLE);
        return role == null ? null : role.toString();
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
