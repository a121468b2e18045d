package dev.switchboard.server.listener;

import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** A listener of the application: its event name and the context; the shared look-ups live here. */
public abstract class AppListener implements Listener {

    protected final AppContext app;
    private final String event;

    protected AppListener(AppContext app, String event) {
        this.app = app;
        this.event = event;
    }

    @Override
    public final String event() {
        return event;
    }

    protected Document me(Call call) {
        return app.visibility().requireMe(call.me());
    }

    protected Document user(ObjectId id) {
        return app.visibility().requireUser(id);
    }

    protected Document liveTweet(ObjectId id) {
        return app.stores().tweets().findLive(id).orElseThrow(() -> ReplyException.notFound("tweet "
                + id.toHexString() + " does not exist or was removed"));
    }

    protected Document ownerOf(Document tweet) {
        return user(tweet.getObjectId(TweetStore.OWNER));
    }

    /** {@code invalid_argument} when {@code other} is me. */
    protected static void requireOther(Call call, ObjectId other, String action) {
        if (call.me().equals(other)) {
            throw ReplyException.invalidArgument("you cannot " + action + " yourself");
        }
    }

    /** Skip and limit of a page. */
    protected static int skip(int page, int pageSize) {
        return (page - 1) * pageSize;
    }
}
