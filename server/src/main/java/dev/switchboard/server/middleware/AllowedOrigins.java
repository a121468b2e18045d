package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;
import java.util.List;

/**
 * Refuses a browser whose page comes from an origin not on the list. Clients that send no
 * {@code Origin} header (Node, Java, native apps) are not browsers and pass.
 */
public final class AllowedOrigins implements ConnectionMiddleware {

    private final List<String> origins;
    private final boolean any;

    /** @param origins {@code ["*"]} for any, empty for none */
    public AllowedOrigins(List<String> origins) {
        this.origins = List.copyOf(origins);
        this.any = origins.contains("*");
    }

    @Override
    public String name() {
        return "allowedOrigins";
    }

    @Override
    public Admission admit(Socket socket) {
        String origin = socket.handshake().header("origin");
        if (any || origin == null || origins.contains(origin)) {
            return Admission.admit();
        }
        return Admission.reject("origin " + origin + " is not allowed to connect"
                + (origins.isEmpty() ? " (no browser origin is allowed: start the server with --cors-origins)"
                        : "; allowed: " + String.join(", ", origins)));
    }
}
