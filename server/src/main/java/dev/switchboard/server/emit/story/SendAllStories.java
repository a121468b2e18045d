package dev.switchboard.server.emit.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.view.StorySummary;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Live stories of the users I follow (no block either way), without images, with {@code seen}. */
public final class SendAllStories implements ConnectPush {

    private final StoryStore stories;

    public SendAllStories(StoryStore stories) {
        this.stories = stories;
    }

    @Override
    public JsonNode payload(ConnectingUser user) {
        ObjectId myId = user.id();
        ArrayNode out = JsonOut.array();
        for (Document s : stories.liveOf(user.followedVisible(), user.now())) {
            out.add(StorySummary.of(s, StoryStore.seenBy(s, myId)));
        }
        return out;
    }
}
