package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Joins room {@code <user_id>} and room {@code followed-<id>} for every user this user follows. */
public final class JoinToRoom implements ConnectionMiddleware {

    private final UserStore users;

    public JoinToRoom(UserStore users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "joinToRoom";
    }

    @Override
    public Admission admit(Socket socket) {
        ObjectId userId = SocketUser.id(socket);
        Document user = users.findById(userId, UserStore.FOLLOWING).orElse(null);
        if (user == null) {
            return Admission.reject("user " + userId.toHexString() + " does not exist any more");
        }
        socket.join(Rooms.of(userId, UserStore.followingIds(user)).toArray(String[]::new));
        return Admission.admit();
    }
}
