package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.presence.Presence;
import dev.switchboard.server.store.UserStore;
import java.time.Clock;
import java.util.Date;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks the user online; when the user's last socket disconnects, records {@code last_seen}. */
public final class OnlineClients implements ConnectionMiddleware {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineClients.class);

    private final Presence presence;
    private final UserStore users;
    private final Clock clock;

    public OnlineClients(Presence presence, UserStore users, Clock clock) {
        this.presence = presence;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "onlineClients";
    }

    @Override
    public Admission admit(Socket socket) {
        ObjectId userId = SocketUser.id(socket);
        presence.connected(userId, socket.id());
        socket.onDisconnect((s, reason) -> wentAway(userId, s));
        return Admission.admit();
    }

    private void wentAway(ObjectId userId, Socket socket) {
        if (presence.disconnected(userId, socket.id())) {
            try {
                users.setLastSeen(userId, new Date(clock.millis()));
            } catch (RuntimeException e) {
                LOG.error("Middleware error: {} Socket-id: {} Error: cannot record last_seen of {}: {}", name(),
                        socket.id(), userId.toHexString(), e.getMessage(), e);
            }
        }
    }

    @Override
    public void undo(Socket socket) {
        presence.disconnected(SocketUser.id(socket), socket.id());
    }
}
