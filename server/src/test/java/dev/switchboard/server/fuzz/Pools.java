package dev.switchboard.server.fuzz;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The ids in the database at one moment, grouped so that a generated {@link Target} can name "a tweet
 * of someone who blocks me" or "a message between two other users". Refreshed between batches; the
 * oracle reads fresh documents, so a stale pool only makes a target less precise.
 */
final class Pools {

    private final Map<ObjectId, Document> users = new LinkedHashMap<>();
    private final List<Document> tweets;
    private final List<Document> comments = new ArrayList<>();
    private final List<Document> stories;
    private final List<Document> messages;
    private final List<Document> requests;

    Pools(MongoDatabase db) {
        db.getCollection(UserStore.COLLECTION).find().forEach(u -> users.put(u.getObjectId("_id"), u));
        tweets = db.getCollection(TweetStore.COLLECTION).find().into(new ArrayList<>());
        for (Document t : tweets) {
            for (Document c : TweetStore.comments(t)) {
                comments.add(new Document(c).append("tweet_owner", t.get(TweetStore.OWNER)));
            }
        }
        stories = db.getCollection(StoryStore.COLLECTION).find().projection(Projections.exclude(StoryStore.IMAGE))
                .into(new ArrayList<>());
        messages = db.getCollection(MessageStore.COLLECTION).find()
                .projection(Projections.include(MessageStore.FROM, MessageStore.TO)).into(new ArrayList<>());
        requests = db.getCollection(FollowRequestStore.COLLECTION).find().into(new ArrayList<>());
    }

    /** The id the target names for that caller; {@code pick} chooses among the candidates. */
    ObjectId resolve(Target target, int pick, ObjectId me) {
        Document self = users.get(me);
        List<ObjectId> candidates = switch (target) {
            case NONEXISTENT -> List.of(new ObjectId(Integer.toHexString(pick | 0x10000000) + "0000000000000000"));
            case USER_SELF -> List.of(me);
            case USER_ANY -> userIds(u -> true);
            case USER_BLOCKS_ME -> userIds(u -> UserStore.blocks(u, me));
            case USER_I_BLOCK -> userIds(u -> UserStore.blocks(self, u.getObjectId("_id")));
            case USER_HIDDEN -> userIds(u -> !Visibility.canSee(self, u));
            case USER_PUBLIC -> userIds(UserStore::isPublic);
            case USER_FOLLOWED -> userIds(u -> UserStore.follows(self, u.getObjectId("_id")));
            case USER_APPLICANT -> ids(requests, r -> me.equals(r.get(FollowRequestStore.REQUEST_TO)),
                    FollowRequestStore.APPLICANT);
            case TWEET_ANY -> ids(tweets, t -> true, "_id");
            case TWEET_MINE -> ids(tweets, t -> me.equals(t.get(TweetStore.OWNER)), "_id");
            case TWEET_OTHERS -> ids(tweets, t -> !me.equals(t.get(TweetStore.OWNER)), "_id");
            case TWEET_HIDDEN -> ids(tweets, t -> hidden(self, t.get(TweetStore.OWNER)), "_id");
            case TWEET_REMOVED -> ids(tweets, t -> Boolean.TRUE.equals(t.get(TweetStore.REMOVED)), "_id");
            case COMMENT_ANY -> ids(comments, c -> true, "_id");
            case COMMENT_OTHERS -> ids(comments, c -> !me.equals(c.get(TweetStore.OWNER))
                    && !me.equals(c.get("tweet_owner")), "_id");
            case COMMENT_HIDDEN -> ids(comments, c -> hidden(self, c.get("tweet_owner")), "_id");
            case STORY_ANY -> ids(stories, s -> true, "_id");
            case STORY_LIVE -> ids(stories, s -> !Boolean.TRUE.equals(s.get(StoryStore.REMOVED))
                    && s.getDate(StoryStore.ADDED_AT).getTime() > System.currentTimeMillis() - StoryStore.LIFETIME_MS, "_id");
            case STORY_MINE -> ids(stories, s -> me.equals(s.get(StoryStore.OWNER)), "_id");
            case STORY_OTHERS -> ids(stories, s -> !me.equals(s.get(StoryStore.OWNER)), "_id");
            case STORY_HIDDEN -> ids(stories, s -> hidden(self, s.get(StoryStore.OWNER)), "_id");
            case MESSAGE_ANY -> ids(messages, m -> true, "_id");
            case MESSAGE_OTHERS -> ids(messages, m -> !me.equals(m.get(MessageStore.FROM))
                    && !me.equals(m.get(MessageStore.TO)), "_id");
            case FOLLOW_REQUEST -> ids(requests, r -> true, "_id");
        };
        if (candidates.isEmpty()) {
            List<ObjectId> all = new ArrayList<>(users.keySet());
            return all.get(Math.floorMod(pick, all.size()));
        }
        return candidates.get(Math.floorMod(pick, candidates.size()));
    }

    /** The owner (or sender) of the document with that id, if the pools know it. */
    ObjectId ownerOf(ObjectId id) {
        for (List<Document> docs : List.of(tweets, stories)) {
            for (Document d : docs) {
                if (id.equals(d.get("_id"))) {
                    return d.getObjectId(TweetStore.OWNER);
                }
            }
        }
        for (Document c : comments) {
            if (id.equals(c.get("_id"))) {
                return c.getObjectId(TweetStore.OWNER);
            }
        }
        for (Document m : messages) {
            if (id.equals(m.get("_id"))) {
                return m.getObjectId(MessageStore.FROM);
            }
        }
        return id;
    }

    private boolean hidden(Document self, Object owner) {
        Document other = users.get(owner);
        return other != null && !Visibility.canSee(self, other);
    }

    private List<ObjectId> userIds(Predicate<Document> filter) {
        return users.values().stream().filter(filter).map(u -> u.getObjectId("_id")).toList();
    }

    private static List<ObjectId> ids(List<Document> docs, Predicate<Document> filter, String field) {
        return docs.stream().filter(filter).map(d -> d.getObjectId(field)).distinct().toList();
    }
}
