package dev.switchboard.server.middleware;

import dev.switchboard.engine.ClientText;
import dev.switchboard.engine.ConnectRejectedException;
import dev.switchboard.engine.Middleware;
import dev.switchboard.engine.Socket;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.SocketUser;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ordered list of connection middlewares, and its adapter to the engine: a refusal becomes
 * CONNECT_ERROR {@code "<name>: <reason>"}; a middleware that throws is logged and counts as a refusal;
 * the middlewares that already admitted the refused socket undo what they did.
 */
public final class Middlewares implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(Middlewares.class);

    /** The chain, in the order it runs. */
    public static List<ConnectionMiddleware> chain(AppContext app) {
        return List.of(
                new AllowedOrigins(app.config().corsOrigins()),
                Authentication.of(app),
                new Suspended(app.stores().suspensions(), app.clock()),
                new SocketsPerUser(app.socketSlots(), app.config().limits().socketsPerUser()),
                new OnlineClients(app.presence(), app.stores().users(), app.clock()),
                new JoinToRoom(app.stores().users()));
    }

    /** A refusal reason may quote what the client sent; it reaches the log and {@code connect_error} capped. */
    private static final int REASON_LIMIT = 300;

    private final List<ConnectionMiddleware> chain;

    public Middlewares(List<ConnectionMiddleware> chain) {
        this.chain = List.copyOf(chain);
    }

    public List<ConnectionMiddleware> list() {
        return chain;
    }

    @Override
    public void handle(Socket socket) throws ConnectRejectedException {
        List<ConnectionMiddleware> passed = new ArrayList<>();
        for (ConnectionMiddleware m : chain) {
            Admission admission;
            try {
                admission = m.admit(socket);
            } catch (Exception e) {
                LOG.error("Middleware error: {} Socket-id: {} Error: {}", m.name(), socket.id(),
                        ClientText.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                                REASON_LIMIT), e);
                admission = Admission.reject("the server failed to check this connection ("
                        + e.getClass().getSimpleName() + "); try again later");
            }
            if (!admission.admitted()) {
                undo(passed, socket);
                String message = m.name() + ": " + ClientText.of(admission.reason(), REASON_LIMIT);
                LOG.info("Connection refused: Socket-id: {} User-id: {} Reason: {}", socket.id(),
                        SocketUser.logId(socket), message);
                throw new ConnectRejectedException(message);
            }
            passed.add(m);
        }
    }

    private static void undo(List<ConnectionMiddleware> passed, Socket socket) {
        for (int i = passed.size() - 1; i >= 0; i--) {
            ConnectionMiddleware m = passed.get(i);
            try {
                m.undo(socket);
            } catch (RuntimeException e) {
                LOG.error("Middleware error: {} Socket-id: {} Error: undo failed: {}", m.name(), socket.id(),
                        ClientText.of(e.getMessage(), REASON_LIMIT), e);
            }
        }
    }
}
