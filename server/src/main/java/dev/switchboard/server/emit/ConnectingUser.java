package dev.switchboard.server.emit;

import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The user a socket was just admitted for, read once for all connect pushes. What several pushes need
 * (the users whose tweets and stories reach my home) is worked out on first use and then shared.
 */
public final class ConnectingUser {

    /** The fields of the user document the connect pushes read, besides {@code _id}. */
    static final String[] FIELDS = {UserStore.FOLLOWING, UserStore.BLOCK};

    private final Document me;
    private final Date now;
    private final Visibility visibility;
    private List<ObjectId> followedVisible;

    public ConnectingUser(Document me, Date now, Visibility visibility) {
        this.me = me;
        this.now = now;
        this.visibility = visibility;
    }

    public Document me() {
        return me;
    }

    public ObjectId id() {
        return me.getObjectId("_id");
    }

    public Date now() {
        return now;
    }

    /** {@link Visibility#followedVisible} of this user, computed once. */
    public List<ObjectId> followedVisible() {
        if (followedVisible == null) {
            followedVisible = List.copyOf(visibility.followedVisible(me));
        }
        return followedVisible;
    }
}
