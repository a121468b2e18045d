package dev.switchboard.server.listener.story.photo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The photo of a live story I may see; records me in {@code seen_by} once. */
public final class GetStoryPhoto extends AppListener {

    public GetStoryPhoto(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document owner = user(call.args().id("ownerId"));
        ObjectId ownerId = owner.getObjectId("_id");
        ObjectId storyId = call.args().id("storyId");
        Document story = app.stores().stories().findLive(storyId, call.now())
                .filter(s -> ownerId.equals(s.get(StoryStore.OWNER)))
                .orElseThrow(() -> ReplyException.notFound("story " + storyId.toHexString() + " of user "
                        + ownerId.toHexString() + " does not exist, was removed or is older than 24 hours"));
        Visibility.requireVisible(me(call), owner, "stories");
        if (!ownerId.equals(call.me())) {
            app.stores().stories().markSeen(storyId, call.me(), call.now());
        }
        return Reply.ok().put("storyId", storyId.toHexString())
                .put("base64Photo", story.getString(StoryStore.IMAGE));
    }
}
