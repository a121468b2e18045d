package dev.switchboard.server.emit;

import dev.switchboard.engine.ConnectionHandler;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Sends the connect pushes to a newly admitted socket, in order; one that fails is logged and the next still goes. */
public final class ConnectPushes implements ConnectionHandler {

    private final List<ConnectPush> pushes;
    private final UserStore users;
    private final Visibility visibility;
    private final Emitter emitter;
    private final Clock clock;

    public ConnectPushes(List<ConnectPush> pushes, UserStore users, Emitter emitter, Clock clock) {
        this.pushes = List.copyOf(pushes);
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
            pushes.forEach(p -> Emitter.logError(p.event(), SocketUser.logId(socket), socket.id(), e));
            return;
        }
        for (ConnectPush push : pushes) {
            try {
                emitter.toSocket(socket, push.event(), push.payload(user));
            } catch (RuntimeException e) {
                Emitter.logError(push.event(), SocketUser.logId(socket), socket.id(), e);
            }
        }
    }
}
