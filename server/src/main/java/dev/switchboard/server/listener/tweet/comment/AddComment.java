package dev.switchboard.server.listener.tweet.comment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.view.CommentView;
import org.bson.Document;
import org.bson.types.ObjectId;

/** My comment on a tweet I may see, optionally replying to one of its comments. */
public final class AddComment extends AppListener {

    public AddComment(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId tweetId = call.args().id("tweetId");
        Document tweet = tweetToActOn(call, tweetId, "comment on their tweets");
        ObjectId replyTo = call.args().id("replyTo");
        if (replyTo != null && TweetStore.comment(tweet, replyTo).isEmpty()) {
            throw ReplyException.notFound("comment " + replyTo.toHexString() + " is not a comment of tweet "
                    + tweetId.toHexString());
        }
        Document comment = app.stores().tweets().addComment(tweetId, call.me(), call.args().text("context"),
                replyTo, call.now());
        ObjectNode reply = Reply.ok();
        reply.set("comment", CommentView.of(comment));
        return reply;
    }
}
