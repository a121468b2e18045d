package dev.switchboard.server.emit.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.visibility.Visibility;
import dev.switchboard.server.view.StorySummary;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/** {@code story/send/all}: live stories of the users I follow (no block either way), without images, with {@code seen}. */
public final class SendAllStories implements ConnectPush {

    private final StoryStore stories;
    private final Visibility visibility;

    public SendAllStories(StoryStore stories, Visibility visibility) {
        this.stories = stories;
        this.visibility = visibility;
    }

    @Override
    public String event() {
        return "story/send/all";
    }

    @Override
    public JsonNode payload(Document me, Date now) {
        ObjectId myId = me.getObjectId("_id");
        ArrayNode out = JsonOut.array();
        for (Document s : stories.liveOf(visibility.followedVisible(me), now)) {
            out.add(StorySummary.of(s, StoryStore.seenBy(s, myId)));
        }
        return out;
    }
}
