package dev.switchboard.server.admin.listener.tweet.comment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Removes a comment through the same store step as its owner's delete; the comment's owner is told why. */
public final class RemoveComment extends AdminListener {

    public RemoveComment(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId commentId = call.args().id("commentId");
        LiveComment found = liveComment(commentId);
        ObjectId tweetId = found.tweet().getObjectId("_id");
        Document comment = found.comment();
        if (!app.stores().tweets().removeComment(tweetId, commentId)) {
            throw ReplyException.notFound("comment " + commentId.toHexString() + " was removed meanwhile");
        }
        return removed(call, "comment", commentId, tweetId, comment.getObjectId(TweetStore.OWNER),
                comment.getString(TweetStore.CONTEXT));
    }
}
