package dev.switchboard.server.listener.tweet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.TweetSummary;
import org.bson.Document;

/** Posts my tweet and pushes {@code tweet/new} to my followers. */
public final class AddTweet extends AppListener {

    public AddTweet(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document me = me(call);
        Document tweet = app.stores().tweets().add(call.me(), call.args().text("tweetContext"), call.now());
        app.emits().tweetNew().send(me, tweet);
        ObjectNode reply = Reply.ok();
        reply.set("tweet", TweetSummary.of(tweet, call.me()));
        return reply;
    }
}
