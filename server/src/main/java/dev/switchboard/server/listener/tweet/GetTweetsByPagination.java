package dev.switchboard.server.listener.tweet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.TweetSummary;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;

/** The tweets of a user I may see, newest first. */
public final class GetTweetsByPagination extends AppListener {

    public GetTweetsByPagination(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document owner = user(call.args().id("userId"));
        Visibility.requireVisible(me(call), owner, "tweets");
        int page = call.args().page();
        int size = EventCatalog.TWEETS_PAGE_SIZE;
        var tweets = app.stores().tweets().byOwner(owner.getObjectId("_id"), skip(page, size), size);
        ObjectNode reply = Reply.ok().put("page", page);
        reply.set("tweets", TweetSummary.of(tweets, call.me()));
        return reply;
    }
}
