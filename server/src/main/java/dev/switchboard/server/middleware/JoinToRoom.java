package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import java.util.ArrayList;
import java.util.List;
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
        // Interned: every socket of every follower names the same rooms, and the adapter keeps each name per
        // socket; one shared String per room instead of one per socket and room saves most of the room memory.
        List<String> rooms = new ArrayList<>();
        rooms.add(Rooms.user(userId).intern());
        for (ObjectId followed : UserStore.followingIds(user)) {
            rooms.add(Rooms.followed(followed).intern());
        }
        socket.join(rooms.toArray(String[]::new));
        return Admission.admit();
    }
}
