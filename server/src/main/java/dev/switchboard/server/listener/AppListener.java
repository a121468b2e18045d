package dev.switchboard.server.listener;

import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;
import org.bson.types.ObjectId;

/** A listener of the application, with the context at hand; the look-ups several listeners share live here. */
public abstract class AppListener implements Listener {

    protected final AppContext app;

    protected AppListener(AppContext app) {
        this.app = app;
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

    /** A comment of a live tweet, with its tweet. */
    protected record LiveComment(Document tweet, Document comment) {
    }

    protected LiveComment liveComment(ObjectId commentId) {
        ReplyException notFound = ReplyException.notFound("comment " + commentId.toHexString()
                + " does not exist (or its tweet was removed)");
        Document tweet = app.stores().tweets().findLiveByComment(commentId).orElseThrow(() -> notFound);
        return new LiveComment(tweet, TweetStore.comment(tweet, commentId).orElseThrow(() -> notFound));
    }

    /** A story that was not removed (expired or not). */
    protected Document unremovedStory(ObjectId storyId) {
        return app.stores().stories().findById(storyId)
                .filter(s -> !Boolean.TRUE.equals(s.get(StoryStore.REMOVED)))
                .orElseThrow(() -> ReplyException.notFound("story " + storyId.toHexString()
                        + " does not exist or was removed"));
    }

    protected Document ownerOf(Document tweet) {
        return user(tweet.getObjectId(TweetStore.OWNER));
    }

    /**
     * The live tweet, when I may see its owner's tweets: tweet, then its owner, then the visibility rule.
     * Each step fails with its own reply ({@code not_found}, {@code forbidden}).
     */
    protected Document visibleTweet(Call call, ObjectId id) {
        Document tweet = liveTweet(id);
        Document owner = ownerOf(tweet);
        Visibility.requireVisible(me(call), owner, "tweets");
        return tweet;
    }

    /**
     * As {@link #visibleTweet}, but a block between me and the owner is refused first, with a reply
     * naming {@code action} (e.g. "like their tweets").
     */
    protected Document tweetToActOn(Call call, ObjectId id, String action) {
        Document tweet = liveTweet(id);
        Document owner = ownerOf(tweet);
        Document me = me(call);
        Visibility.requireNoBlock(me, owner, action);
        Visibility.requireVisible(me, owner, "tweets");
        return tweet;
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
