package dev.switchboard.server.emit;

import dev.switchboard.engine.ConnectionHandler;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Sends the connect pushes (by event name) to a newly admitted socket, in order; one that fails is logged
 * and the next still goes.
 */
public final class ConnectPushes implements ConnectionHandler {

    private final Map<String, ConnectPush> pushes;
    private final UserStore users;
    private final Visibility visibility;
    private final Emitter emitter;
    private final Clock clock;

    public ConnectPushes(Map<String, ConnectPush> pushes, UserStore users, Emitter emitter, Clock clock) {
        this.pushes = pushes;
        this.users = users;
        this.visibility = new Visibility(users);
        this.emitter = emitter;
        this.clock = clock;
    }

    @Override
    public void connected(Socket socket) {
        ObjectId userId = SocketUser.id(socket);
        ConnectingUser user;
        try {
            Document me = users.findById(userId, ConnectingUser.FIELDS)
                    .orElseThrow(() -> new IllegalStateException("user no longer exists"));
            user = new ConnectingUser(me, new Date(clock.millis()), visibility);
        } catch (RuntimeException e) {
            pushes.keySet().forEach(event -> Emitter.logError(event, SocketUser.logId(socket), socket.id(), e));
            return;
        }
        pushes.forEach((event, push) -> {
            try {
                emitter.toSocket(socket, event, push.payload(user));
            } catch (RuntimeException e) {
                Emitter.logError(event, SocketUser.logId(socket), socket.id(), e);
            }
        });
    }
}
