package dev.switchboard.server.listener.tweet.like;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Likes a tweet I may see, or takes my like back. */
public final class ToggleLike extends AppListener {

    public ToggleLike(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("tweetId");
        Document tweet = tweetToActOn(call, id, "like their tweets");
        TweetStore tweets = app.stores().tweets();
        boolean liked = tweets.like(id, call.me());
        if (!liked) {
            tweets.unlike(id, call.me());
        }
        int likes = TweetStore.likes(tweets.findById(id).orElse(tweet)).size();
        return Reply.ok().put("liked", liked).put("likes", likes);
    }
}
