package dev.switchboard.server.visibility;

import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.store.UserStore;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The visibility rule of the contract, in one place: I may see another user's tweets, comments,
 * followers, following and story photos when it is me, or when neither blocks the other and either
 * the other is public or I follow them. A block in either direction also forbids messages, follow
 * requests, likes and comments.
 */
public final class Visibility {

    private final UserStore users;

    public Visibility(UserStore users) {
        this.users = users;
    }

    /** The user, or {@code not_found} naming the id. */
    public Document requireUser(ObjectId id) {
        return users.findById(id).orElseThrow(() -> ReplyException.notFound("user " + id.toHexString()
                + " does not exist"));
    }

    /** The calling user's own document, read fresh. */
    public Document requireMe(ObjectId me) {
        return users.findById(me).orElseThrow(() -> ReplyException.notFound("your user " + me.toHexString()
                + " no longer exists; reconnect with a valid token"));
    }

    public static boolean canSee(Document me, Document other) {
        Relation r = Relation.between(me, other);
        return r.self() || (!r.blockedEitherWay() && (UserStore.isPublic(other) || r.isFollowed()));
    }

    /** {@code forbidden} unless I may see {@code other}'s {@code what} (e.g. "tweets"). */
    public static void requireVisible(Document me, Document other, String what) {
        if (canSee(me, other)) {
            return;
        }
        Relation r = Relation.between(me, other);
        String who = "user " + other.getObjectId("_id").toHexString();
        if (r.isBlocked()) {
            throw ReplyException.forbidden("you block " + who + "; unblock them to see their " + what);
        }
        if (r.blockedBy()) {
            throw ReplyException.forbidden(who + " blocks you, so you cannot see their " + what);
        }
        throw ReplyException.forbidden(who + " is private; follow them (and wait for acceptance) to see their "
                + what);
    }

    /** {@code forbidden} when either of us blocks the other; {@code action} says what was attempted. */
    public static void requireNoBlock(Document me, Document other, String action) {
        Relation r = Relation.between(me, other);
        String who = "user " + other.getObjectId("_id").toHexString();
        if (r.isBlocked()) {
            throw ReplyException.forbidden("you block " + who + "; unblock them before you " + action);
        }
        if (r.blockedBy()) {
            throw ReplyException.forbidden(who + " blocks you, so you cannot " + action);
        }
    }

    /** Users in a block relation with {@code user}, either way: pushes from that user must skip them. */
    public Set<ObjectId> blockRelated(Document user) {
        Set<ObjectId> ids = new LinkedHashSet<>(blockedBy(user));
        ids.addAll(users.blockerIds(user.getObjectId("_id")));
        return ids;
    }

    /**
     * The users I follow, minus any in a block relation with me: whose tweets and stories reach my home.
     * {@code me} needs {@code following} and {@code block}; who blocks me is one read of my blockers list.
     */
    public List<ObjectId> followedVisible(Document me) {
        List<ObjectId> visible = UserStore.followingIds(me);
        visible.removeAll(blockedBy(me));
        visible.removeAll(new HashSet<>(users.blockerIds(me.getObjectId("_id"))));
        return visible;
    }

    /** The users {@code user} blocks. */
    private static Set<ObjectId> blockedBy(Document user) {
        Set<ObjectId> ids = new LinkedHashSet<>();
        for (Document e : UserStore.entries(user, UserStore.BLOCK)) {
            if (e.get(UserStore.ID) instanceof ObjectId id) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** True when either user blocks the other. */
    public static boolean blockedEitherWay(Document a, Document b) {
        return Relation.between(a, b).blockedEitherWay();
    }
}
