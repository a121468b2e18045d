package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.moderation.SuspensionView;
import dev.switchboard.server.store.SuspensionStore;
import java.time.Clock;
import java.util.Date;

/**
 * Refuses the connections of a suspended user: {@code connect_error} "suspended: <reason> until <date>"
 * ({@code until lifted} when the suspension has no end). Runs after authentication, which names the user.
 */
public final class Suspended implements ConnectionMiddleware {

    private final SuspensionStore suspensions;
    private final Clock clock;

    public Suspended(SuspensionStore suspensions, Clock clock) {
        this.suspensions = suspensions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "suspended";
    }

    @Override
    public Admission admit(Socket socket) {
        return suspensions.inForce(SocketUser.id(socket), new Date(clock.millis()))
                .map(s -> Admission.reject(SuspensionView.refusal(s)))
                .orElseGet(Admission::admit);
    }
}
