package dev.switchboard.server.listener.user.publicity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;

/** Makes my account public or private. */
public final class TogglePublicity extends AppListener {

    public TogglePublicity(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        me(call);
        boolean isPublic = call.args().bool("public");
        app.stores().users().setPublicity(call.me(), isPublic);
        return Reply.ok().put("public", isPublic);
    }
}
