package dev.switchboard.server.admin.listener.tweet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Marks a tweet removed through the same store step as its owner's delete; the owner is told why. */
public final class RemoveTweet extends AdminListener {

    public RemoveTweet(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("tweetId");
        Document tweet = liveTweet(id);
        ObjectId owner = tweet.getObjectId(TweetStore.OWNER);
        if (!app.stores().tweets().markRemoved(id, owner)) {
            throw ReplyException.notFound("tweet " + id.toHexString() + " was removed meanwhile");
        }
        return removed(call, "tweet", id, id, owner, tweet.getString(TweetStore.CONTEXT));
    }
}
