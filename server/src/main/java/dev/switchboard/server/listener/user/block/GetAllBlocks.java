package dev.switchboard.server.listener.user.block;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.listener.user.Entries;
import dev.switchboard.server.store.UserStore;

/** My block list. */
public final class GetAllBlocks extends AppListener {

    public GetAllBlocks(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectNode reply = Reply.ok();
        reply.set("block", Entries.of(UserStore.entries(me(call), UserStore.BLOCK), UserStore.BLOCKED_AT));
        return reply;
    }
}
