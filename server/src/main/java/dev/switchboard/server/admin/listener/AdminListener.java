package dev.switchboard.server.admin.listener;

import dev.switchboard.engine.SocketInfo;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.listener.AppListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A listener of {@code /admin}: written like the application's, with the admin's context at hand. */
public abstract class AdminListener extends AppListener {

    /** How long a look across nodes may take before the call fails. */
    static final long NODES_TIMEOUT_MS = 5_000;

    protected final AdminContext admin;

    protected AdminListener(AdminContext admin) {
        super(admin.app());
        this.admin = admin;
    }

    /** The sockets of the main namespace on every node. */
    protected List<SocketInfo> mainSockets() {
        return await(app.main().except().fetchSockets(), "listing the sockets");
    }

    /** The socket of that id on any node; {@code not_found} otherwise. */
    protected SocketInfo mainSocket(String socketId) {
        return await(app.main().to(socketId).fetchSockets(), "looking for the socket").stream()
                .filter(s -> s.id().equals(socketId)).findFirst()
                .orElseThrow(() -> ReplyException.notFound("no socket " + socketId + " is connected to /"));
    }

    /** The future's value, waited for at most {@link #NODES_TIMEOUT_MS}. */
    protected static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(NODES_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took longer than " + NODES_TIMEOUT_MS + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }
}
