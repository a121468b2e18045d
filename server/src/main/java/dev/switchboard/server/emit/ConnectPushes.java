package dev.switchboard.server.emit;

import dev.switchboard.engine.ConnectionHandler;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.store.UserStore;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Sends the connect pushes to a newly admitted socket, in order; one that fails is logged and the next still goes. */
public final class ConnectPushes implements ConnectionHandler {

    private final List<ConnectPush> pushes;
    private final UserStore users;
    private final Emitter emitter;
    private final Clock clock;

    public ConnectPushes(List<ConnectPush> pushes, UserStore users, Emitter emitter, Clock clock) {
        this.pushes = List.copyOf(pushes);
        this.users = users;
        this.emitter = emitter;
        this.clock = clock;
    }

    @Override
    public void connected(Socket socket) {
        ObjectId userId = SocketUser.id(socket);
        Document me;
        try {
            me = users.findById(userId).orElseThrow(() -> new IllegalStateException("user no longer exists"));
        } catch (RuntimeException e) {
            pushes.forEach(p -> Emitter.logError(p.event(), SocketUser.logId(socket), socket.id(), e));
            return;
        }
        Date now = new Date(clock.millis());
        for (ConnectPush push : pushes) {
            try {
                emitter.toSocket(socket, push.event(), push.payload(me, now));
            } catch (RuntimeException e) {
                Emitter.logError(push.event(), SocketUser.logId(socket), socket.id(), e);
            }
        }
    }
}
