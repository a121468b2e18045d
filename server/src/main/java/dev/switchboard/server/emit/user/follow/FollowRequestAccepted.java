package dev.switchboard.server.emit.user.follow;

import dev.switchboard.server.emit.Emit;
import dev.switchboard.server.emit.Emitter;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.view.FollowRequestView;
import org.bson.Document;

/** {@code user/follow/request/accepted}: the accepted request, to every socket of the applicant. */
public final class FollowRequestAccepted implements Emit {

    private final Emitter emitter;

    public FollowRequestAccepted(Emitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public String event() {
        return "user/follow/request/accepted";
    }

    public void send(Document request) {
        emitter.toUser(request.getObjectId(FollowRequestStore.APPLICANT), event(), FollowRequestView.of(request));
    }
}
