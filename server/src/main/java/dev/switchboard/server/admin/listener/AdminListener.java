package dev.switchboard.server.admin.listener;

import dev.switchboard.engine.SocketInfo;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.AdminRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.switchboard.server.moderation.SuspensionView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.moderation.AuditLog;
import dev.switchboard.server.moderation.RemovalNotice;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;
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

    /** {@code forbidden} unless the caller's token has role admin (moderators may not do this). */
    protected static void requireAdmin(Call call) {
        if (!AdminRole.isAdmin(call.socket())) {
            throw ReplyException.forbidden(call.event() + " is for role admin; a moderator may not use it");
        }
    }

    /** The user, or {@code not_found}. */
    protected Document existingUser(ObjectId userId) {
        return app.stores().users().findById(userId, UserStore.USERNAME)
                .orElseThrow(() -> ReplyException.notFound("user " + userId.toHexString() + " does not exist"));
    }

    /** The user's suspension in force at the call, as {@code { reason, until, by, at }}, or JSON null. */
    protected JsonNode suspensionOf(ObjectId userId, Call call) {
        return app.stores().suspensions().inForce(userId, call.now()).<JsonNode>map(SuspensionView::of)
                .orElse(NullNode.getInstance());
    }

    /**
     * After content was marked removed by a moderator: its owner is told what and why
     * ({@code user/content/removed}) and the action goes to the audit log.
     */
    protected ObjectNode removed(Call call, String kind, ObjectId id, ObjectId tweetId, ObjectId owner, String text) {
        String reason = call.args().text("reason");
        app.emits().contentRemoved().send(RemovalNotice.of(kind, id, tweetId, owner, text, reason, call.now()));
        admin.audit().record(call, new AuditLog.Target(kind, id, owner), reason, null);
        return Reply.ok().put("removed", true);
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
