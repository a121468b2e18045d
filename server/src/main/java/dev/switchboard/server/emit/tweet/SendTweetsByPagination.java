package dev.switchboard.server.emit.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.view.TweetSummary;

/** Page 1 of the home timeline (tweets of the users I follow), newest first. */
public final class SendTweetsByPagination implements ConnectPush {

    private final TweetStore tweets;

    public SendTweetsByPagination(TweetStore tweets) {
        this.tweets = tweets;
    }

    @Override
    public JsonNode payload(ConnectingUser user) {
        var page = tweets.byOwners(user.followedVisible(), 0, EventCatalog.TWEETS_PAGE_SIZE);
        return TweetSummary.of(page, user.id());
    }
}
