package dev.switchboard.server.fuzz;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.store.TweetStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * After an {@code ok} that created something, the stored document carries the server's values for the
 * fields the server owns (owner/from is the caller, times are the call's, likes/comments/seen_by empty,
 * removed false, seen_at null), whatever the client sent in their place.
 */
final class CreatedDocuments {

    private static final long SLACK_MS = 2_000;

    private final MongoDatabase db;
    private final List<String> problems = new ArrayList<>();
    private long from;
    private long to;

    CreatedDocuments(MongoDatabase db) {
        this.db = db;
    }

    List<String> check(String event, List<JsonNode> args, JsonNode reply, ObjectId me, long sentAt, long repliedAt) {
        problems.clear();
        from = sentAt - SLACK_MS;
        to = repliedAt + SLACK_MS;
        switch (event) {
            case "tweet/add" -> tweet(reply.path("tweet").path("_id").asText(), me, args.get(0));
            case "tweet/comment/add" -> comment(args, reply.path("comment").path("_id").asText(), me);
            case "message/new" -> message(reply.path("message").path("_id").asText(), me, args.get(0));
            case "story/new" -> story(reply.path("story").path("_id").asText(), me, args.get(0).asText());
            default -> {
            }
        }
        return List.copyOf(problems);
    }

    private void tweet(String id, ObjectId me, JsonNode sent) {
        Document t = find(TweetStore.COLLECTION, id);
        if (t == null) {
            return;
        }
        String text = (sent.isObject() ? sent.get("context") : sent).asText().strip();
        expect("tweet owner", me, t.get(TweetStore.OWNER));
        expect("tweet context", text, t.get(TweetStore.CONTEXT));
        expect("tweet likes", List.of(), t.get(TweetStore.LIKES));
        expect("tweet comments", List.of(), t.get(TweetStore.COMMENTS));
        expect("tweet removed", false, t.get(TweetStore.REMOVED));
        now("tweet sent_at", t.get(TweetStore.SENT_AT));
    }

    private void comment(List<JsonNode> args, String id, ObjectId me) {
        Document t = find(TweetStore.COLLECTION, args.get(0).asText());
        if (t == null) {
            return;
        }
        Document c = TweetStore.comment(t, new ObjectId(id)).orElse(null);
        if (c == null) {
            problems.add("comment " + id + " is not stored in tweet " + args.get(0).asText());
            return;
        }
        expect("comment owner", me, c.get(TweetStore.OWNER));
        expect("comment context", args.get(1).asText().strip(), c.get(TweetStore.CONTEXT));
        JsonNode replyTo = args.size() > 2 ? args.get(2) : null;
        expect("comment reply_to", ArgRules.absent(replyTo) ? null : new ObjectId(replyTo.asText()),
                c.get(TweetStore.REPLY_TO));
        now("comment sent_at", c.get(TweetStore.SENT_AT));
    }

    private void message(String id, ObjectId me, JsonNode data) {
        Document m = find(MessageStore.COLLECTION, id);
        if (m == null) {
            return;
        }
        expect("message from", me, m.get(MessageStore.FROM));
        expect("message to", new ObjectId(data.get("to").asText()), m.get(MessageStore.TO));
        expect("message seen_at", null, m.get(MessageStore.SEEN_AT));
        JsonNode replyTo = data.get("reply_to");
        expect("message reply_to", ArgRules.absent(replyTo) ? null : new ObjectId(replyTo.asText()),
                m.get(MessageStore.REPLY_TO));
        now("message sent_at", m.get(MessageStore.SENT_AT));
    }

    private void story(String id, ObjectId me, String image) {
        Document s = find(StoryStore.COLLECTION, id);
        if (s == null) {
            return;
        }
        expect("story owner", me, s.get(StoryStore.OWNER));
        expect("story image", image, s.get(StoryStore.IMAGE));
        expect("story seen_by", List.of(), s.get(StoryStore.SEEN_BY));
        expect("story removed", false, s.get(StoryStore.REMOVED));
        now("story added_at", s.get(StoryStore.ADDED_AT));
    }

    private Document find(String collection, String id) {
        Document d = ObjectId.isValid(id) ? db.getCollection(collection).find(eq("_id", new ObjectId(id))).first() : null;
        if (d == null) {
            problems.add("the reply names " + collection + " " + id + ", which is not stored");
        }
        return d;
    }

    private void expect(String what, Object expected, Object stored) {
        if (!Objects.equals(expected, stored)) {
            problems.add(what + " is " + stored + ", expected " + expected);
        }
    }

    private void now(String what, Object stored) {
        if (!(stored instanceof Date d) || d.getTime() < from || d.getTime() > to) {
            problems.add(what + " is " + stored + ", not the time of the call");
        }
    }
}
