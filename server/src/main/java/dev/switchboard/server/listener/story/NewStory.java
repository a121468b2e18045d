package dev.switchboard.server.listener.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.StorySummary;
import org.bson.Document;

/** Stores my story and tells my followers (without the image). */
public final class NewStory extends AppListener {

    public NewStory(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document me = me(call);
        Document story = app.stores().stories().add(call.me(), call.args().image("base64Image"), call.now());
        app.emits().storyNew().send(me, story);
        ObjectNode reply = Reply.ok();
        reply.set("story", StorySummary.of(story));
        return reply;
    }
}
