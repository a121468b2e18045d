package dev.switchboard.server.listener.tweet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Marks my tweet removed. */
public final class DeleteTweet extends AppListener {

    public DeleteTweet(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("tweetId");
        Document tweet = liveTweet(id);
        if (!call.me().equals(tweet.get(TweetStore.OWNER))) {
            throw ReplyException.forbidden("tweet " + id.toHexString() + " is not yours; only its owner can delete it");
        }
        if (!app.stores().tweets().markRemoved(id, call.me())) {
            throw ReplyException.notFound("tweet " + id.toHexString() + " was removed meanwhile");
        }
        return Reply.ok().put("removed", true);
    }
}
