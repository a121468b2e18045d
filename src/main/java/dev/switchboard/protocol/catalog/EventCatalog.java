package dev.switchboard.protocol.catalog;

import static dev.switchboard.protocol.catalog.ArgSpec.bool;
import static dev.switchboard.protocol.catalog.ArgSpec.id;
import static dev.switchboard.protocol.catalog.ArgSpec.idList;
import static dev.switchboard.protocol.catalog.ArgSpec.image;
import static dev.switchboard.protocol.catalog.ArgSpec.object;
import static dev.switchboard.protocol.catalog.ArgSpec.optionalId;
import static dev.switchboard.protocol.catalog.ArgSpec.optionalQuery;
import static dev.switchboard.protocol.catalog.ArgSpec.optionalText;
import static dev.switchboard.protocol.catalog.ArgSpec.page;
import static dev.switchboard.protocol.catalog.ArgSpec.text;
import static dev.switchboard.protocol.catalog.ArgSpec.textOrObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every listener and emit of the wire contract (docs/protocol.md), the single source of truth:
 * the server registers its listeners against it, the console builds its forms from it, and a test
 * checks that docs/protocol.md lists exactly these events.
 */
public final class EventCatalog {

    public static final String MAIN = "/";
    public static final String ADMIN = "/admin";

    public static final int TWEET_MAX = 280;
    public static final int COMMENT_MAX = 500;
    public static final int MESSAGE_TEXT_MAX = 4096;
    public static final int MESSAGES_PAGE_SIZE = 25;
    public static final int COMMENTS_PAGE_SIZE = 20;
    public static final int TWEETS_PAGE_SIZE = 20;
    public static final int REASON_MAX = 500;
    public static final int AUDIT_PAGE_SIZE = 50;

    private static final Map<String, EventSpec> EVENTS = new LinkedHashMap<>();

    static {
        // message
        listener("message/get/all/byPagination", "the conversation between me and userId, newest first, 25 a page",
                List.of(id("userId", IdKind.USER, "the other side of the conversation"), page()),
                List.of("page", "messages"));
        listener("message/new", "sends a message; from and sent_at are set by the server, seen_at is null",
                List.of(object("data", "{\"to\": \"63021602091fa84d91c8e9bf\", \"context\": {\"text\": \"hi\"}}",
                        "{ to, context: { text?, image? }, reply_to? }")),
                List.of("message"), List.of("message/send/to"));
        listener("message/seen", "marks every unread message from userId to me as seen now",
                List.of(id("userId", IdKind.USER, "the sender whose messages I have read")),
                List.of("updated"));

        // story
        listener("story/new", "adds a story; its owner's followers are told without the image",
                List.of(image("base64Image", "the story photo, base64")),
                List.of("story"), List.of("story/new"));
        listener("story/photo/get", "the photo of a story; records me in seen_by once",
                List.of(id("ownerId", IdKind.USER, "the story's owner"), id("storyId", IdKind.STORY, "the story")),
                List.of("storyId", "base64Photo"));
        listener("story/delete", "marks my story removed (owner only)",
                List.of(id("storyId", IdKind.STORY, "one of my stories")),
                List.of());

        // tweet
        listener("tweet/add", "posts a tweet; my followers are told",
                List.of(textOrObject("tweetContext", "context", 1, TWEET_MAX, "the tweet text, or { context }")),
                List.of("tweet"), List.of("tweet/new"));
        listener("tweet/delete", "marks my tweet removed (owner only)",
                List.of(id("tweetId", IdKind.TWEET, "one of my tweets")),
                List.of("removed"));
        listener("tweet/like/toggle", "likes the tweet, or takes the like back",
                List.of(id("tweetId", IdKind.TWEET, "the tweet")),
                List.of("liked", "likes"));
        listener("tweet/comment/add", "comments on a tweet, optionally replying to one of its comments",
                List.of(id("tweetId", IdKind.TWEET, "the tweet"),
                        text("context", 1, COMMENT_MAX, "the comment text"),
                        optionalId("replyTo", IdKind.COMMENT, "a comment of that tweet")),
                List.of("comment"));
        listener("tweet/comment/delete", "deletes a comment (its owner or the tweet's owner)",
                List.of(id("commentId", IdKind.COMMENT, "the comment")),
                List.of());
        listener("tweet/comment/get/byPagination", "a tweet's comments, oldest first, 20 a page",
                List.of(id("tweetId", IdKind.TWEET, "the tweet"), page()),
                List.of("page", "comments"));
        listener("tweet/get/byPagination", "a user's tweets, newest first, 20 a page",
                List.of(id("userId", IdKind.USER, "whose tweets"), page()),
                List.of("page", "tweets"));

        // user
        listener("user/profile/get", "a user's profile and my relation to them",
                List.of(optionalId("userId", IdKind.USER, "default: me")),
                List.of("profile", "relation"));
        listener("user/block/get/all", "my block list", List.of(), List.of("block"));
        listener("user/block/toggle",
                "blocks or unblocks a user; blocking also drops my follow and any follow request between us",
                List.of(id("userId", IdKind.USER, "the user")), List.of("blocked"));
        listener("user/follower/get/all", "the users that follow userId",
                List.of(id("userId", IdKind.USER, "the user")), List.of("userId", "follower"));
        listener("user/following/get/all", "the users userId follows",
                List.of(id("userId", IdKind.USER, "the user")), List.of("userId", "following"));
        listener("user/following/request/get/all", "follow requests made to me", List.of(), List.of("requests"));
        listener("user/follow/request/toggle",
                "asks to follow a user (a public one is followed at once), or withdraws the request",
                List.of(id("userId", IdKind.USER, "the user to follow"),
                        bool("insert", true, "true", "true to request, false to withdraw")),
                List.of("requested", "following"), List.of("user/follow/request/new"));
        listener("user/follow/request/accept", "accepts a follow request made to me",
                List.of(id("applicantId", IdKind.USER, "who asked")), List.of(),
                List.of("user/follow/request/accepted"));
        listener("user/follow/request/reject", "rejects a follow request made to me",
                List.of(id("applicantId", IdKind.USER, "who asked")), List.of());
        listener("user/unfollow", "stops following a user",
                List.of(id("userId", IdKind.USER, "the user")), List.of());
        listener("user/lastSeen/get/array", "online state and last seen of several users, in the order asked",
                List.of(idList("userIds", IdKind.USER, "the users")), List.of("users"));
        listener("user/publicity/get", "whether a user's account is public",
                List.of(optionalId("userId", IdKind.USER, "default: me")), List.of("userId", "public"));
        listener("user/publicity/toggle", "makes my account public or private",
                List.of(bool("public", false, null, "true for public")), List.of("public"));

        // admin namespace
        admin("admin/users/find", "users by username, name or email prefix",
                List.of(optionalQuery("query", "a prefix of username, name or email"), page()),
                List.of("page", "users"));
        admin("admin/user/get", "a whole user document without hashPassword, with follower and following counts",
                List.of(id("userId", IdKind.USER, "the user")), List.of("user"));
        admin("admin/user/blocks/get", "whom the user blocks and who blocks them",
                List.of(id("userId", IdKind.USER, "the user")), List.of("block", "blockedBy"));
        admin("admin/user/followRequests/get", "follow requests made to and by the user",
                List.of(id("userId", IdKind.USER, "the user")), List.of("incoming", "outgoing"));
        admin("admin/sockets/get", "every connected socket of the main namespace", List.of(), List.of("sockets"));
        admin("admin/socket/disconnect", "disconnects a socket",
                List.of(new ArgSpec("socketId", ArgType.TEXT, IdKind.SOCKET, false, null, 1, 64, null, null,
                        "a socket id from admin/sockets/get")),
                List.of());
        admin("admin/stats/get", "uptime, connections and per-event counters", List.of(),
                List.of("uptime_s", "connections", "users_online", "events"));

        // admin namespace: moderation (role admin or moderator); every action is written to the audit log
        admin("admin/user/suspend",
                "suspends a user until a date or indefinitely: every socket is disconnected, new ones refused",
                List.of(id("userId", IdKind.USER, "the user"), reason(),
                        optionalText("until", 1, 40, "ISO-8601 date in the future; left out: indefinitely")),
                List.of("suspension"));
        admin("admin/user/suspension/lift", "lifts a user's suspension",
                List.of(id("userId", IdKind.USER, "the suspended user"), reason()), List.of("lifted"));
        admin("admin/user/tokens/revoke",
                "revokes every token issued to the user so far and disconnects all of the user's sockets",
                List.of(id("userId", IdKind.USER, "the user"), reason()), List.of("tokens_valid_after"));
        admin("admin/tweet/remove", "marks a tweet removed, as its owner's delete does; the owner is told why",
                List.of(id("tweetId", IdKind.TWEET, "the tweet"), reason()), List.of("removed"));
        admin("admin/tweet/comment/remove", "removes a comment, as its owner's delete does; the owner is told why",
                List.of(id("commentId", IdKind.COMMENT, "the comment"), reason()), List.of("removed"));
        admin("admin/story/remove", "marks a story removed, as its owner's delete does; the owner is told why",
                List.of(id("storyId", IdKind.STORY, "the story"), reason()), List.of("removed"));
        admin("admin/audit/get", "the audit log of moderation actions, newest first, 50 a page",
                List.of(optionalText("action", 1, 64, "only this action, e.g. user/suspend"),
                        optionalId("actorId", IdKind.USER, "only actions by this moderator"),
                        optionalId("targetId", IdKind.USER, "only actions on this user or their content"), page()),
                List.of("page", "entries"));

        // pushes
        emit("user/chatList/send/all", "user", "the connecting socket",
                "ids of every user this user has exchanged a message with, newest conversation first");
        emit("message/unread/send/all", "message", "the connecting socket",
                "messages to this user with seen_at null");
        emit("story/send/all", "story", "the connecting socket",
                "live stories of followed users, without the image, with seen");
        emit("tweet/send/byPagination", "tweet", "the connecting socket",
                "page 1 of the home timeline as tweet summaries");
        emit("user/follow/request/new", "user", "every socket of the requested user", "the follow request");
        emit("user/follow/request/accepted", "user", "every socket of the applicant", "the follow request");
        emit("message/send/to", "message", "every socket of the recipient", "the stored message");
        emit("tweet/new", "tweet", "room followed-<owner>", "tweet summary");
        emit("story/new", "story", "room followed-<owner>", "story without the image");
        emit("user/suspended", "user", "every socket of the suspended user, just before they are disconnected",
                "{ reason, until, at }");
        emit("user/content/removed", "user", "every socket of the owner of content a moderator removed",
                "{ kind, id, tweetId?, excerpt, reason, at }");
        adminEmit("admin/connection", "{ at, socketId, userId, kind, reason }");
        adminEmit("admin/event", "{ at, socketId, userId, event, args, status, duration_ms }");
        adminEmit("admin/emit", "{ at, event, to, payload }");
        adminEmit("admin/audit", "an audit log entry, as admin/audit/get lists it, when it is written");
    }

    private EventCatalog() {
    }

    /** Why a moderator acts: shown to the affected user and kept in the audit log. */
    private static ArgSpec reason() {
        return text("reason", 1, REASON_MAX, "why, in words the user will read");
    }

    private static void listener(String name, String description, List<ArgSpec> args, List<String> result) {
        listener(name, description, args, result, List.of());
    }

    private static void listener(String name, String description, List<ArgSpec> args, List<String> result,
                                 List<String> pushes) {
        add(new EventSpec(name, groupOf(name), Direction.LISTENER, MAIN, args, result, pushes, null, description));
    }

    private static void admin(String name, String description, List<ArgSpec> args, List<String> result) {
        add(new EventSpec(name, "admin", Direction.LISTENER, ADMIN, args, result, List.of(), null, description));
    }

    private static void adminEmit(String name, String description) {
        add(new EventSpec(name, "admin", Direction.EMIT, ADMIN, List.of(), List.of(), List.of(),
                "every admin socket", description));
    }

    private static void emit(String name, String group, String audience, String description) {
        add(new EventSpec(name, group, Direction.EMIT, MAIN, List.of(), List.of(), List.of(), audience, description));
    }

    private static void add(EventSpec spec) {
        String key = key(spec.direction(), spec.name());
        if (EVENTS.putIfAbsent(key, spec) != null) {
            throw new IllegalStateException("event listed twice: " + spec.name());
        }
    }

    private static String key(Direction direction, String name) {
        return direction + " " + name;
    }

    static String groupOf(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** Every event, listeners first, in contract order. */
    public static List<EventSpec> all() {
        return List.copyOf(EVENTS.values());
    }

    /** The listeners of one namespace. */
    public static List<EventSpec> listeners(String namespace) {
        List<EventSpec> out = new ArrayList<>();
        for (EventSpec e : EVENTS.values()) {
            if (e.isListener() && e.namespace().equals(namespace)) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public static List<EventSpec> listeners() {
        return listeners(MAIN);
    }

    public static List<EventSpec> emits() {
        List<EventSpec> out = new ArrayList<>();
        for (EventSpec e : EVENTS.values()) {
            if (!e.isListener()) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public static List<EventSpec> emits(String namespace) {
        return emits().stream().filter(e -> e.namespace().equals(namespace)).toList();
    }

    public static Optional<EventSpec> listener(String name) {
        return Optional.ofNullable(EVENTS.get(key(Direction.LISTENER, name)));
    }

    public static Optional<EventSpec> emit(String name) {
        return Optional.ofNullable(EVENTS.get(key(Direction.EMIT, name)));
    }

    /** The listener of that name; fails fast for a name outside the contract. */
    public static EventSpec require(String name) {
        return listener(name).orElseThrow(() -> new IllegalArgumentException("not in the event catalog: " + name));
    }
}
