package dev.switchboard.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.TweetStore;
import org.bson.Document;

/** A stored comment on the wire: {@code { _id, owner, context, reply_to, sent_at }}. */
public final class CommentView {

    private CommentView() {
    }

    public static ObjectNode of(Document comment) {
        return JsonOut.pick(comment, "_id", TweetStore.OWNER, TweetStore.CONTEXT, TweetStore.REPLY_TO,
                TweetStore.SENT_AT);
    }
}
