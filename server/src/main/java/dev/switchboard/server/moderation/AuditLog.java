package dev.switchboard.server.moderation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.Namespace;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.AuditStore;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every moderation action to the audit log (who, what, target, reason, when, from which node)
 * and pushes the entry live as {@code admin/audit} to every admin socket on every node.
 */
public final class AuditLog {

    public static final String PUSH = "admin/audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final Namespace admins;
    private final String node;

    public AuditLog(AuditStore store, Namespace admins, String node) {
        this.store = store;
        this.admins = admins;
        this.node = node;
    }

    /** What an action was done to: a user, or a piece of content and its owner. */
    public record Target(String kind, ObjectId id, ObjectId owner) {

        public static Target user(ObjectId userId) {
            return new Target("user", userId, userId);
        }
    }

    /**
     * Records that the caller of {@code call} did {@code action} (its event name without {@code admin/})
     * to {@code target}; {@code until} only for suspensions. Returns the stored entry.
     */
    public Document record(Call call, Target target, String reason, Date until) {
        String action = call.event().substring("admin/".length());
        Document actor = new Document(AuditStore.ID, call.me())
                .append(AuditStore.USERNAME, call.socket().data().get(SocketUser.USERNAME))
                .append(AuditStore.ROLE, SocketUser.role(call.socket()));
        Document entry = new Document(AuditStore.AT, call.now()).append(AuditStore.NODE, node)
                .append(AuditStore.ACTOR, actor).append(AuditStore.ACTION, action)
                .append(AuditStore.TARGET, new Document(AuditStore.KIND, target.kind()).append(AuditStore.ID, target.id())
                        .append(AuditStore.OWNER, target.owner()))
                .append(AuditStore.REASON, reason);
        if (until != null) {
            entry.append(AuditStore.UNTIL, until);
        }
        store.append(entry);
        LOG.info("Moderation: {} {} {} by {} User-id: {} on {}", action, target.kind(), target.id().toHexString(),
                actor.get(AuditStore.ROLE), call.me().toHexString(), node);
        admins.emit(PUSH, view(entry));
        return entry;
    }

    /** An entry on the wire: {@code { _id, at, node, actor: { id, username, role }, action, target, reason, until }}. */
    public static ObjectNode view(Document entry) {
        return JsonOut.pick(entry, "_id", AuditStore.AT, AuditStore.NODE, AuditStore.ACTOR, AuditStore.ACTION,
                AuditStore.TARGET, AuditStore.REASON, AuditStore.UNTIL);
    }
}
