package dev.switchboard.server.listener.tweet.comment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Removes a comment; allowed to its owner and to the tweet's owner. */
public final class DeleteComment extends AppListener {

    public DeleteComment(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId commentId = call.args().id("commentId");
        LiveComment found = liveComment(commentId);
        Document tweet = found.tweet();
        Document comment = found.comment();
        boolean mine = call.me().equals(comment.get(TweetStore.OWNER));
        boolean myTweet = call.me().equals(tweet.get(TweetStore.OWNER));
        if (!mine && !myTweet) {
            throw ReplyException.forbidden("only the comment's owner or the tweet's owner can delete comment "
                    + commentId.toHexString());
        }
        if (!app.stores().tweets().removeComment(tweet.getObjectId("_id"), commentId)) {
            throw ReplyException.notFound("comment " + commentId.toHexString() + " was deleted meanwhile");
        }
        return Reply.ok();
    }
}
