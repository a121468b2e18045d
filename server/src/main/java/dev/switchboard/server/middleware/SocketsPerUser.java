package dev.switchboard.server.middleware;

import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.SocketUser;
import java.util.concurrent.TimeUnit;

/** Refuses a user's connection beyond the cap of sockets per user, counted on every node. */
public final class SocketsPerUser implements ConnectionMiddleware {

    private static final long COUNT_WAIT_SECONDS = 3;

    private final Namespace main;
    private final int cap;

    public SocketsPerUser(Namespace main, int cap) {
        this.main = main;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "socketsPerUser";
    }

    @Override
    public Admission admit(Socket socket) throws Exception {
        // this socket joins its user's room later in the chain, so it is not counted here
        int connected = main.to(Rooms.user(SocketUser.id(socket))).fetchSockets()
                .get(COUNT_WAIT_SECONDS, TimeUnit.SECONDS).size();
        if (connected >= cap) {
            return Admission.reject("this user already has " + connected + " connected sockets; at most " + cap
                    + " per user: close one first");
        }
        return Admission.admit();
    }
}
