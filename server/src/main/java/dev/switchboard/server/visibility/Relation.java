package dev.switchboard.server.visibility;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;

/**
 * How I stand to another user, read from both user documents.
 *
 * @param isFollowed I follow the other
 * @param isBlocked  I block the other
 * @param mutual     the other follows me
 * @param blockedBy  the other blocks me (not sent to clients; it forbids as much as my own block)
 */
public record Relation(boolean self, boolean isFollowed, boolean isBlocked, boolean mutual, boolean blockedBy) {

    public static Relation between(Document me, Document other) {
        var myId = me.getObjectId("_id");
        var otherId = other.getObjectId("_id");
        if (myId.equals(otherId)) {
            return new Relation(true, false, false, false, false);
        }
        return new Relation(false,
                UserStore.follows(me, otherId),
                UserStore.blocks(me, otherId),
                UserStore.follows(other, myId),
                UserStore.blocks(other, myId));
    }

    /** A block in either direction. */
    public boolean blockedEitherWay() {
        return isBlocked || blockedBy;
    }

    /** The wire form: {@code { isFollowed, isBlocked, mutual }}. */
    public ObjectNode toJson() {
        ObjectNode out = JsonOut.object();
        out.put("isFollowed", isFollowed);
        out.put("isBlocked", isBlocked);
        out.put("mutual", mutual);
        return out;
    }
}
