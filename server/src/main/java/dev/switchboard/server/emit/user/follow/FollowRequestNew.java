package dev.switchboard.server.emit.user.follow;

import dev.switchboard.server.emit.Emit;
import dev.switchboard.server.emit.Emitter;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.view.FollowRequestView;
import org.bson.Document;

/** {@code user/follow/request/new}: the new request, to every socket of the requested user. */
public final class FollowRequestNew implements Emit {

    private final Emitter emitter;

    public FollowRequestNew(Emitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public String event() {
        return "user/follow/request/new";
    }

    public void send(Document request) {
        emitter.toUser(request.getObjectId(FollowRequestStore.REQUEST_TO), event(), FollowRequestView.of(request));
    }
}
