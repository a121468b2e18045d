package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** The {@code messages} collection: {@code from, to, reply_to, context: { text, image }, sent_at, seen_at}. */
public final class MessageStore {

    public static final String COLLECTION = "messages";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String REPLY_TO = "reply_to";
    public static final String CONTEXT = "context";
    public static final String TEXT = "text";
    public static final String IMAGE = "image";
    public static final String SENT_AT = "sent_at";
    public static final String SEEN_AT = "seen_at";

    private final MongoCollection<Document> messages;

    public MessageStore(MongoCollection<Document> messages) {
        this.messages = messages;
    }

    public MongoCollection<Document> collection() {
        return messages;
    }

    public void ensureIndexes() {
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending(FROM), Indexes.ascending(TO),
                Indexes.descending(SENT_AT)), new IndexOptions().name("from_to_sent_at"));
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending(TO), Indexes.ascending(SEEN_AT)),
                new IndexOptions().name("to_seen_at"));
    }

    /** A new message, stored whole, unseen. {@code text} and {@code image} may each be null. */
    public Document add(ObjectId from, ObjectId to, String text, String image, ObjectId replyTo, Date sentAt) {
        Document message = new Document("_id", new ObjectId())
                .append(FROM, from)
                .append(TO, to)
                .append(REPLY_TO, replyTo)
                .append(CONTEXT, new Document(TEXT, text).append(IMAGE, image))
                .append(SENT_AT, sentAt)
                .append(SEEN_AT, null);
        messages.insertOne(message);
        return message;
    }

    /** Stores a message document as given (an {@code _id} is added when missing). */
    public ObjectId insert(Document message) {
        if (message.get("_id") == null) {
            message.put("_id", new ObjectId());
        }
        messages.insertOne(message);
        return message.getObjectId("_id");
    }

    public Optional<Document> findById(ObjectId id) {
        return Optional.ofNullable(messages.find(eq("_id", id)).first());
    }

    private static Bson between(ObjectId a, ObjectId b) {
        return or(and(eq(FROM, a), eq(TO, b)), and(eq(FROM, b), eq(TO, a)));
    }

    /** The conversation between two users, newest first. */
    public List<Document> conversation(ObjectId a, ObjectId b, int skip, int limit) {
        return messages.find(between(a, b)).sort(Sorts.descending(SENT_AT)).skip(skip).limit(limit)
                .into(new ArrayList<>());
    }

    /** True when that message belongs to the conversation between the two users. */
    public boolean inConversation(ObjectId messageId, ObjectId a, ObjectId b) {
        return messages.countDocuments(and(eq("_id", messageId), between(a, b))) > 0;
    }

    /** Marks every unread message from {@code from} to {@code to} as seen; returns how many. */
    public long markSeen(ObjectId from, ObjectId to, Date at) {
        return messages.updateMany(and(eq(FROM, from), eq(TO, to), eq(SEEN_AT, null)), Updates.set(SEEN_AT, at))
                .getModifiedCount();
    }

    /** Messages to this user not seen yet, oldest first. */
    public List<Document> unreadTo(ObjectId user) {
        return messages.find(new Document(TO, user).append(SEEN_AT, null)).sort(Sorts.ascending(SENT_AT))
                .into(new ArrayList<>());
    }

    /** Every user this user has exchanged a message with, newest conversation first. */
    public List<ObjectId> chatPartners(ObjectId user) {
        // One pass over my messages either way, grouped by the other side: {$cond: [{$eq: ["$from", me]}, "$to", "$from"]}
        Document otherSide = new Document("$cond", List.of(new Document("$eq", List.of("$" + FROM, user)),
                "$" + TO, "$" + FROM));
        List<Bson> pipeline = List.of(
                Aggregates.match(new Document("$or", List.of(new Document(FROM, user), new Document(TO, user)))),
                Aggregates.group(otherSide, Accumulators.max("last", "$" + SENT_AT)));
        List<Map.Entry<ObjectId, Date>> entries = new ArrayList<>();
        for (Document d : messages.aggregate(pipeline)) {
            if (d.get("_id") instanceof ObjectId other && d.get("last") instanceof Date at) {
                entries.add(Map.entry(other, at));
            }
        }
        entries.sort(Map.Entry.<ObjectId, Date>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().toHexString()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}
