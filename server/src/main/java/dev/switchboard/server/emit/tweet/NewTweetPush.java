package dev.switchboard.server.emit.tweet;

import dev.switchboard.server.emit.Emit;
import dev.switchboard.server.emit.Emitter;
import dev.switchboard.server.visibility.Visibility;
import dev.switchboard.server.view.TweetSummary;
import org.bson.Document;

/** {@code tweet/new}: the summary of a new tweet, to room {@code followed-<owner>} minus users in a block relation with the owner. */
public final class NewTweetPush implements Emit {

    private final Emitter emitter;
    private final Visibility visibility;

    public NewTweetPush(Emitter emitter, Visibility visibility) {
        this.emitter = emitter;
        this.visibility = visibility;
    }

    @Override
    public String event() {
        return "tweet/new";
    }

    public void send(Document owner, Document tweet) {
        emitter.toFollowersOf(owner.getObjectId("_id"), visibility.blockRelated(owner), event(),
                TweetSummary.of(tweet, null));
    }
}
