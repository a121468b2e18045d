package dev.switchboard.server.emit.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.visibility.Visibility;
import dev.switchboard.server.view.TweetSummary;
import java.util.Date;
import org.bson.Document;

/** {@code tweet/send/byPagination}: page 1 of the home timeline (tweets of the users I follow), newest first. */
public final class SendTweetsByPagination implements ConnectPush {

    private final TweetStore tweets;
    private final Visibility visibility;

    public SendTweetsByPagination(TweetStore tweets, Visibility visibility) {
        this.tweets = tweets;
        this.visibility = visibility;
    }

    @Override
    public String event() {
        return "tweet/send/byPagination";
    }

    @Override
    public JsonNode payload(Document me, Date now) {
        var page = tweets.byOwners(visibility.followedVisible(me), 0, EventCatalog.TWEETS_PAGE_SIZE);
        return TweetSummary.of(page, me.getObjectId("_id"));
    }
}
