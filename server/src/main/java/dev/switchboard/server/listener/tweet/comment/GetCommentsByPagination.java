package dev.switchboard.server.listener.tweet.comment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.view.CommentView;
import java.util.List;
import org.bson.Document;

/** The comments of a tweet I may see, oldest first. */
public final class GetCommentsByPagination extends AppListener {

    public GetCommentsByPagination(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document tweet = visibleTweet(call, call.args().id("tweetId"));
        int page = call.args().page();
        int size = EventCatalog.COMMENTS_PAGE_SIZE;
        List<Document> all = TweetStore.comments(tweet);
        int from = Math.min(all.size(), skip(page, size));
        ArrayNode comments = JsonOut.array();
        for (Document c : all.subList(from, Math.min(all.size(), from + size))) {
            comments.add(CommentView.of(c));
        }
        ObjectNode reply = Reply.ok().put("page", page);
        reply.set("comments", comments);
        return reply;
    }
}
