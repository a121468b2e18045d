package dev.switchboard.server.listener.tweet.like;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.types.ObjectId;

/** Likes a tweet I may see, or takes my like back. */
public final class ToggleLike extends AppListener {

    public ToggleLike(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("tweetId");
        boolean likedWhenRead = TweetStore.likes(tweetToActOn(call, id, "like their tweets")).contains(call.me());
        TweetStore.LikeToggle toggled = app.stores().tweets().toggleLike(id, call.me(), likedWhenRead)
                .orElseThrow(() -> ReplyException.notFound("tweet " + id.toHexString() + " does not exist or was removed"));
        return Reply.ok().put("liked", toggled.liked()).put("likes", toggled.likes());
    }
}
