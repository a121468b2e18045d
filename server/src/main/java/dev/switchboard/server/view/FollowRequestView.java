package dev.switchboard.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.FollowRequestStore;
import org.bson.Document;

/** A follow request on the wire: {@code { _id, applicant, request_to, requested_at }}. */
public final class FollowRequestView {

    private FollowRequestView() {
    }

    public static ObjectNode of(Document request) {
        return JsonOut.pick(request, "_id", FollowRequestStore.APPLICANT, FollowRequestStore.REQUEST_TO,
                FollowRequestStore.REQUESTED_AT);
    }
}
