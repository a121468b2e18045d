package dev.switchboard.server.moderation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.SuspensionStore;
import java.util.Date;
import org.bson.Document;

/** A stored suspension on the wire, and in the words a refused client reads. */
public final class SuspensionView {

    private SuspensionView() {
    }

    /** {@code { reason, until, by, at }}; {@code until} null means until lifted. */
    public static ObjectNode of(Document suspension) {
        return JsonOut.pick(suspension, SuspensionStore.REASON, SuspensionStore.UNTIL, SuspensionStore.BY,
                SuspensionStore.AT);
    }

    /** What the suspended user's sockets are pushed before they are disconnected: {@code { reason, until, at }}. */
    public static ObjectNode push(Document suspension) {
        return JsonOut.pick(suspension, SuspensionStore.REASON, SuspensionStore.UNTIL, SuspensionStore.AT);
    }

    /** {@code "<reason> until <date>"}, or {@code "<reason> until lifted"} for a suspension without an end. */
    public static String refusal(Document suspension) {
        return suspension.getString(SuspensionStore.REASON) + " until "
                + (suspension.get(SuspensionStore.UNTIL) instanceof Date until ? JsonOut.date(until) : "lifted");
    }
}
