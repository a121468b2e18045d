package dev.switchboard.server.fuzz;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.ArgType;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.catalog.IdKind;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.StoryStore;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Decides, from the database state just before a call, what docs/protocol.md allows as its reply: refused
 * arguments, ids that name nothing, targets that "Visibility" forbids, and what an {@code ok} may contain.
 */
final class Oracle {

    /** Listeners that change the database when they succeed. */
    static final Set<String> WRITES = Set.of("message/new", "message/seen", "story/new", "story/photo/get",
            "story/delete", "tweet/add", "tweet/delete", "tweet/like/toggle", "tweet/comment/add",
            "tweet/comment/delete", "user/block/toggle", "user/follow/request/toggle", "user/follow/request/accept",
            "user/follow/request/reject", "user/unfollow", "user/publicity/toggle");

    private final MongoDatabase db;
    private final ArgRules argRules;

    Oracle(MongoDatabase db, int maxImageBytes) {
        this.db = db;
        this.argRules = new ArgRules(maxImageBytes);
    }

    Expectation expect(EventSpec spec, List<JsonNode> args, ObjectId me) {
        Expectation e = new Expectation();
        boolean write = WRITES.contains(spec.name());
        Optional<String> refused = argRules.refused(spec, args);
        if (refused.isPresent()) {
            e.only("argument rules: " + refused.get(), ReplyStatus.INVALID_ARGUMENT);
            if (write) {
                e.refused("a refused call writes nothing", true);
            }
            return e;
        }
        missingIds(spec, args, e, write);
        Document myDoc = user(me);
        switch (spec.name()) {
            case "tweet/get/byPagination", "user/follower/get/all", "user/following/get/all" ->
                    hiddenUser(e, myDoc, id(args, 0), false);
            case "tweet/comment/get/byPagination" -> tweet(id(args, 0))
                    .ifPresent(t -> hiddenUser(e, myDoc, t.getObjectId(TweetStore.OWNER), false));
            case "tweet/like/toggle", "tweet/comment/add" -> tweet(id(args, 0))
                    .ifPresent(t -> hiddenUser(e, myDoc, t.getObjectId(TweetStore.OWNER), true));
            case "story/photo/get" -> storyPhoto(e, myDoc, id(args, 0), id(args, 1));
            case "message/new" -> newMessage(e, myDoc, args.get(0));
            case "message/get/all/byPagination" -> conversation(e, me, id(args, 0));
            case "user/follow/request/toggle" -> {
                boolean insert = args.size() < 2 || ArgRules.absent(args.get(1)) || args.get(1).asBoolean();
                self(e, me, id(args, 0), "requesting to follow yourself");
                if (insert) {
                    blocked(e, myDoc, id(args, 0), "follow request across a block");
                }
            }
            case "user/follow/request/accept" -> blocked(e, myDoc, id(args, 0), "accepting across a block");
            case "user/block/toggle" -> self(e, me, id(args, 0), "blocking yourself");
            case "user/unfollow" -> self(e, me, id(args, 0), "unfollowing yourself");
            case "tweet/delete" -> tweet(id(args, 0)).filter(t -> !me.equals(t.get(TweetStore.OWNER)))
                    .ifPresent(t -> e.refused("only a tweet's owner deletes it", true));
            case "story/delete" -> story(id(args, 0)).filter(s -> !me.equals(s.get(StoryStore.OWNER)))
                    .ifPresent(s -> e.refused("only a story's owner deletes it", true));
            case "tweet/comment/delete" -> commentDelete(e, me, id(args, 0));
            case "user/following/request/get/all" -> e.onOk(reply -> every(reply.path("requests"),
                    r -> r.path("request_to").asText().equals(me.toHexString()),
                    "a follow request not made to me"));
            default -> {
            }
        }
        return e;
    }

    /** An id argument that names nothing is {@code not_found}, never {@code ok}. */
    private void missingIds(EventSpec spec, List<JsonNode> args, Expectation e, boolean write) {
        List<ArgSpec> specs = spec.args();
        for (int i = 0; i < specs.size() && i < args.size(); i++) {
            ArgSpec arg = specs.get(i);
            JsonNode node = args.get(i);
            if (arg.type() == ArgType.ID && ArgRules.isId(node) && !exists(arg.idOf(), new ObjectId(node.asText()))) {
                e.refused(arg.name() + " names no " + arg.idOf().name().toLowerCase(), write);
            }
            if (arg.type() == ArgType.ID_LIST && node.isArray()) {
                for (JsonNode id : node) {
                    if (!exists(arg.idOf(), new ObjectId(id.asText()))) {
                        e.refused(arg.name() + " holds an id that names no user", write);
                    }
                }
            }
        }
    }

    private boolean exists(IdKind kind, ObjectId id) {
        return switch (kind) {
            case USER -> user(id) != null;
            case TWEET -> tweet(id).isPresent();
            case STORY -> story(id).isPresent();
            case COMMENT -> commentTweet(id).isPresent();
            default -> true;
        };
    }

    private void hiddenUser(Expectation e, Document me, ObjectId otherId, boolean write) {
        Document other = user(otherId);
        if (other != null && !Visibility.canSee(me, other)) {
            e.refused("Visibility: " + me.get("_id") + " may not see " + otherId + " (" + why(me, other) + ")", write);
        }
        if (other != null) {
            e.onOk(reply -> every(reply.path("tweets"), t -> t.path("owner").asText().equals(otherId.toHexString()),
                    "a tweet of another user"));
        }
    }

    private void blocked(Expectation e, Document me, ObjectId otherId, String rule) {
        Document other = user(otherId);
        if (other != null && Visibility.blockedEitherWay(me, other)) {
            e.refused(rule + " (" + why(me, other) + ")", true);
        }
    }

    private static void self(Expectation e, ObjectId me, ObjectId other, String rule) {
        if (me.equals(other)) {
            e.only(rule + " is invalid_argument", ReplyStatus.INVALID_ARGUMENT);
            e.refused(rule + " writes nothing", true);
        }
    }

    private void storyPhoto(Expectation e, Document me, ObjectId ownerId, ObjectId storyId) {
        hiddenUser(e, me, ownerId, true);
        story(storyId).ifPresent(s -> {
            if (!ownerId.equals(s.get(StoryStore.OWNER))) {
                e.refused("story " + storyId + " is not of user " + ownerId, true);
            } else if (Boolean.TRUE.equals(s.get(StoryStore.REMOVED))
                    || s.getDate(StoryStore.ADDED_AT).getTime() < System.currentTimeMillis() - StoryStore.LIFETIME_MS - 1000) {
                e.refused("story " + storyId + " is removed or older than 24 hours", true);
            }
        });
    }

    private void newMessage(Expectation e, Document me, JsonNode data) {
        ObjectId to = new ObjectId(data.get("to").asText());
        Document other = user(to);
        if (other == null) {
            e.refused("data.to names no user", true);
            return;
        }
        blocked(e, me, to, "a message across a block");
        JsonNode replyTo = data.get("reply_to");
        if (!ArgRules.absent(replyTo)) {
            Document replied = db.getCollection(MessageStore.COLLECTION).find(eq("_id", new ObjectId(replyTo.asText())))
                    .first();
            ObjectId myId = me.getObjectId("_id");
            boolean inConversation = replied != null
                    && pair(myId, to).equals(pair(replied.get(MessageStore.FROM), replied.get(MessageStore.TO)));
            if (!inConversation) {
                e.refused("data.reply_to is not a message of this conversation", true);
            }
        }
    }

    private static void conversation(Expectation e, ObjectId me, ObjectId other) {
        Set<Object> conversation = pair(me.toHexString(), other.toHexString());
        e.onOk(reply -> every(reply.path("messages"),
                m -> conversation.equals(pair(m.path("from").asText(), m.path("to").asText())),
                "a message outside my conversation with " + other));
    }

    private void commentDelete(Expectation e, ObjectId me, ObjectId commentId) {
        commentTweet(commentId).ifPresent(t -> {
            Document comment = TweetStore.comment(t, commentId).orElseThrow();
            if (!me.equals(comment.get(TweetStore.OWNER)) && !me.equals(t.get(TweetStore.OWNER))) {
                e.refused("only a comment's owner or its tweet's owner deletes it", true);
            }
        });
    }

    private static String every(JsonNode items, java.util.function.Predicate<JsonNode> ok, String problem) {
        for (JsonNode item : items) {
            if (!ok.test(item)) {
                return problem + ": " + item;
            }
        }
        return null;
    }

    private static String why(Document me, Document other) {
        var r = dev.switchboard.server.visibility.Relation.between(me, other);
        return "blocks: " + r.isBlocked() + ", blocked by: " + r.blockedBy() + ", public: " + UserStore.isPublic(other)
                + ", follows: " + r.isFollowed();
    }

    /** The two sides of a conversation (one, when it is with oneself). */
    private static Set<Object> pair(Object a, Object b) {
        return new java.util.HashSet<>(List.of(a, b));
    }

    private static ObjectId id(List<JsonNode> args, int i) {
        return new ObjectId(args.get(i).asText());
    }

    private Document user(ObjectId id) {
        return db.getCollection(UserStore.COLLECTION).find(eq("_id", id)).first();
    }

    /** A tweet that is not removed. */
    private Optional<Document> tweet(ObjectId id) {
        return Optional.ofNullable(db.getCollection(TweetStore.COLLECTION).find(eq("_id", id)).first())
                .filter(t -> !Boolean.TRUE.equals(t.get(TweetStore.REMOVED)));
    }

    private Optional<Document> story(ObjectId id) {
        return Optional.ofNullable(db.getCollection(StoryStore.COLLECTION).find(eq("_id", id)).first());
    }

    /** The live tweet holding that comment. */
    private Optional<Document> commentTweet(ObjectId commentId) {
        return Optional.ofNullable(db.getCollection(TweetStore.COLLECTION)
                .find(eq(TweetStore.COMMENTS + "._id", commentId)).first())
                .filter(t -> !Boolean.TRUE.equals(t.get(TweetStore.REMOVED)));
    }
}
