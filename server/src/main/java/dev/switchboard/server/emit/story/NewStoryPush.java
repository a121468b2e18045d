package dev.switchboard.server.emit.story;

import dev.switchboard.server.emit.Emit;
import dev.switchboard.server.emit.Emitter;
import dev.switchboard.server.visibility.Visibility;
import dev.switchboard.server.view.StorySummary;
import org.bson.Document;

/** {@code story/new}: a new story without its image, to room {@code followed-<owner>} minus users in a block relation with the owner. */
public final class NewStoryPush implements Emit {

    private final Emitter emitter;
    private final Visibility visibility;

    public NewStoryPush(Emitter emitter, Visibility visibility) {
        this.emitter = emitter;
        this.visibility = visibility;
    }

    @Override
    public String event() {
        return "story/new";
    }

    public void send(Document owner, Document story) {
        emitter.toFollowersOf(owner.getObjectId("_id"), visibility.blockRelated(owner), event(),
                StorySummary.of(story, false));
    }
}
