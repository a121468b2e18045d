package dev.switchboard.server.listener.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.StoryStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Marks my story removed. */
public final class DeleteStory extends AppListener {

    public DeleteStory(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId storyId = call.args().id("storyId");
        Document story = unremovedStory(storyId);
        if (!call.me().equals(story.get(StoryStore.OWNER))) {
            throw ReplyException.forbidden("story " + storyId.toHexString() + " is not yours; only its owner can delete it");
        }
        if (!app.stores().stories().markRemoved(storyId, call.me())) {
            throw ReplyException.notFound("story " + storyId.toHexString() + " was removed meanwhile");
        }
        return Reply.ok();
    }
}
