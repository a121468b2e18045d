package dev.switchboard.server.moderation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * What the owner of removed content is told ({@code user/content/removed}): {@code { kind, id, tweetId,
 * excerpt, reason, at }}; {@code tweetId} names a removed comment's tweet, {@code excerpt} the start of
 * the removed text (null for a story).
 */
public final class RemovalNotice {

    public static final String OWNER = "owner";
    private static final int EXCERPT = 80;

    private RemovalNotice() {
    }

    public static Document of(String kind, ObjectId id, ObjectId tweetId, ObjectId owner, String text, String reason,
                              Date at) {
        String excerpt = text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
        return new Document(OWNER, owner).append("kind", kind).append("id", id).append("tweetId", tweetId)
                .append("excerpt", excerpt).append("reason", reason).append("at", at);
    }

    public static ObjectNode view(Document notice) {
        return JsonOut.pick(notice, "kind", "id", "tweetId", "excerpt", "reason", "at");
    }
}
