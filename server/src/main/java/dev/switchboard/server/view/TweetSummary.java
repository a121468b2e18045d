package dev.switchboard.server.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.TweetStore;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** A tweet as clients see it: {@code { _id, owner, context, sent_at, likes: count, comments: count, userLiked }}. */
public final class TweetSummary {

    private TweetSummary() {
    }

    public static ObjectNode of(Document tweet, ObjectId viewer) {
        ObjectNode out = JsonOut.pick(tweet, "_id", TweetStore.OWNER, TweetStore.CONTEXT, TweetStore.SENT_AT);
        List<ObjectId> likes = TweetStore.likes(tweet);
        out.put("likes", likes.size());
        out.put("comments", TweetStore.comments(tweet).size());
        out.put("userLiked", viewer != null && likes.contains(viewer));
        return out;
    }

    public static ArrayNode of(List<Document> tweets, ObjectId viewer) {
        ArrayNode out = JsonOut.array();
        tweets.forEach(t -> out.add(of(t, viewer)));
        return out;
    }
}
