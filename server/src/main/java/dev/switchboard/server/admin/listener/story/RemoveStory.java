package dev.switchboard.server.admin.listener.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.StoryStore;
import org.bson.types.ObjectId;

/** Marks a story removed through the same store step as its owner's delete; the owner is told why. */
public final class RemoveStory extends AdminListener {

    public RemoveStory(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId storyId = call.args().id("storyId");
        ObjectId owner = unremovedStory(storyId).getObjectId(StoryStore.OWNER);
        if (!app.stores().stories().markRemoved(storyId, owner)) {
            throw ReplyException.notFound("story " + storyId.toHexString() + " was removed meanwhile");
        }
        return removed(call, "story", storyId, null, owner, null);
    }
}
