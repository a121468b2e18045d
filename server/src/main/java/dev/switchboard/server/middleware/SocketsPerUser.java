package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import dev.switchboard.redis.SocketSlots;
import dev.switchboard.server.SocketUser;

/**
 * Refuses a user's connection beyond the cap of sockets per user, counted on every node. The check and
 * the count are one step ({@link SocketSlots#take}), so simultaneous connections cannot all pass; the
 * slot is given back when the socket disconnects or a later middleware refuses it.
 */
public final class SocketsPerUser implements ConnectionMiddleware {

    private final SocketSlots slots;
    private final int cap;

    public SocketsPerUser(SocketSlots slots, int cap) {
        this.slots = slots;
        this.cap = cap;
    }

    @Override
    public String name() {
        return "socketsPerUser";
    }

    @Override
    public Admission admit(Socket socket) {
        String userId = SocketUser.logId(socket);
        int held = slots.take(userId, socket.id(), cap);
        if (held != SocketSlots.TAKEN) {
            return Admission.reject("this user already has " + held + " connected sockets; at most " + cap
                    + " per user: close one first");
        }
        socket.onDisconnect((s, reason) -> slots.release(userId, s.id()));
        return Admission.admit();
    }

    @Override
    public void undo(Socket socket) {
        slots.release(SocketUser.logId(socket), socket.id());
    }
}
