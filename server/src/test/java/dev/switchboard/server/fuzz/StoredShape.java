package dev.switchboard.server.fuzz;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.fixture.CollectionNames;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The stored shape of docs/protocol.md "Stored documents", checked on every document of the database:
 * exactly the listed fields with their types, ids as ObjectIds, dates as Dates, no {@code $}-prefixed or
 * dotted keys anywhere, texts within their limits.
 */
final class StoredShape {

    private final List<String> problems = new ArrayList<>();
    private String where;

    /** Every problem of the whole database, each naming the collection, document and field. */
    static List<String> check(MongoDatabase db) {
        StoredShape shape = new StoredShape();
        for (String collection : CollectionNames.ALL) {
            for (Document d : db.getCollection(collection).find()) {
                shape.where = collection + " " + d.get("_id");
                shape.keys(d, "");
                switch (collection) {
                    case CollectionNames.USERS -> shape.user(d);
                    case CollectionNames.TWEETS -> shape.tweet(d);
                    case CollectionNames.MESSAGES -> shape.message(d);
                    case CollectionNames.STORIES -> shape.story(d);
                    default -> shape.followRequest(d);
                }
            }
        }
        return shape.problems;
    }

    private void user(Document d) {
        fields(d, "", Set.of("_id", "name", "family", "username", "hashPassword", "email", "phone", "photo", "biography",
                "last_seen", "register_at", "email_confirmation", "following", "block", "setting"), Set.of());
        id(d, "_id");
        for (String f : List.of("name", "family", "username", "hashPassword", "email")) {
            type(d, f, String.class, false);
        }
        if (d.get("email") instanceof String email && !email.equals(email.toLowerCase())) {
            problem("email is not lower-case");
        }
        if (d.get("phone") != null && !(d.get("phone") instanceof Number) && !(d.get("phone") instanceof String)) {
            problem("phone is a " + d.get("phone").getClass().getSimpleName());
        }
        type(d, "photo", String.class, true);
        type(d, "biography", String.class, true);
        type(d, "last_seen", Date.class, true);
        type(d, "register_at", Date.class, false);
        Object confirmation = d.get("email_confirmation");
        if (confirmation != null && !(confirmation instanceof Date) && !(confirmation instanceof Boolean)) {
            problem("email_confirmation is a " + confirmation.getClass().getSimpleName());
        }
        entries(d, "following", "added_at");
        entries(d, "block", "blocked_at");
        if (d.get("setting") instanceof Document setting) {
            fields(setting, "setting.", Set.of(), Set.of("publicity"));
            type(setting, "publicity", Boolean.class, true);
        } else {
            problem("setting is not an object");
        }
    }

    private void entries(Document user, String field, String dateField) {
        for (Document e : list(user, field, Document.class)) {
            fields(e, field + "[].", Set.of("id", dateField), Set.of());
            id(e, "id");
            type(e, dateField, Date.class, false);
        }
    }

    private void tweet(Document d) {
        fields(d, "", Set.of("_id", "owner", "likes", "comments", "context", "sent_at", "removed"), Set.of());
        id(d, "_id");
        id(d, "owner");
        list(d, "likes", ObjectId.class);
        text(d, "context", EventCatalog.TWEET_MAX, false);
        type(d, "sent_at", Date.class, false);
        type(d, "removed", Boolean.class, false);
        for (Document c : list(d, "comments", Document.class)) {
            fields(c, "comments[].", Set.of("_id", "owner", "context", "reply_to", "sent_at"), Set.of());
            id(c, "_id");
            id(c, "owner");
            text(c, "context", EventCatalog.COMMENT_MAX, false);
            type(c, "reply_to", ObjectId.class, true);
            type(c, "sent_at", Date.class, false);
        }
    }

    private void message(Document d) {
        fields(d, "", Set.of("_id", "from", "to", "reply_to", "context", "sent_at", "seen_at"), Set.of());
        id(d, "_id");
        id(d, "from");
        id(d, "to");
        type(d, "reply_to", ObjectId.class, true);
        type(d, "sent_at", Date.class, false);
        type(d, "seen_at", Date.class, true);
        if (d.get("context") instanceof Document context) {
            fields(context, "context.", Set.of(), Set.of("text", "image"));
            if (context.get("text") != null) {
                text(context, "text", EventCatalog.MESSAGE_TEXT_MAX, true);
            }
            type(context, "image", String.class, true);
            if (context.get("text") == null && context.get("image") == null) {
                problem("context has neither text nor image");
            }
        } else {
            problem("context is not an object");
        }
    }

    private void story(Document d) {
        fields(d, "", Set.of("_id", "owner", "image", "added_at", "seen_by", "removed"), Set.of());
        id(d, "_id");
        id(d, "owner");
        type(d, "image", String.class, false);
        type(d, "added_at", Date.class, false);
        type(d, "removed", Boolean.class, false);
        for (Document s : list(d, "seen_by", Document.class)) {
            fields(s, "seen_by[].", Set.of("by", "at"), Set.of());
            id(s, "by");
            type(s, "at", Date.class, false);
        }
    }

    private void followRequest(Document d) {
        fields(d, "", Set.of("_id", "applicant", "request_to", "requested_at"), Set.of());
        id(d, "_id");
        id(d, "applicant");
        id(d, "request_to");
        type(d, "requested_at", Date.class, false);
    }

    /** Every key at any depth: no operator-looking ({@code $}) or dotted names. */
    private void keys(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.startsWith("$") || key.contains(".")) {
                    problem("key " + path + key + " looks like an operator or a path");
                }
                keys(v, path + key + ".");
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> keys(v, path + "[]."));
        }
    }

    private void fields(Document d, String path, Set<String> required, Set<String> optional) {
        for (String f : required) {
            if (!d.containsKey(f)) {
                problem("field " + path + f + " is missing");
            }
        }
        for (String f : d.keySet()) {
            if (!required.contains(f) && !optional.contains(f)) {
                problem("field " + path + f + " is not part of the stored shape");
            }
        }
    }

    private void id(Document d, String field) {
        type(d, field, ObjectId.class, false);
    }

    private void type(Document d, String field, Class<?> type, boolean nullable) {
        Object v = d.get(field);
        if (v == null ? !nullable : !type.isInstance(v)) {
            problem(field + " should be " + (nullable ? "null or " : "") + "a " + type.getSimpleName() + ", is "
                    + (v == null ? "null" : v.getClass().getSimpleName() + " " + shorten(v)));
        }
    }

    private void text(Document d, String field, int max, boolean mayBeEmpty) {
        type(d, field, String.class, false);
        if (d.get(field) instanceof String s) {
            int length = s.strip().codePointCount(0, s.strip().length());
            if (length > max || (!mayBeEmpty && length == 0)) {
                problem(field + " has " + length + " characters after trimming (allowed " + (mayBeEmpty ? 0 : 1) + "-"
                        + max + ")");
            }
        }
    }

    private <T> List<T> list(Document d, String field, Class<T> type) {
        if (!(d.get(field) instanceof List<?> list)) {
            problem(field + " is not an array");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Object item : list) {
            if (type.isInstance(item)) {
                out.add(type.cast(item));
            } else {
                problem(field + " holds " + (item == null ? "null" : item.getClass().getSimpleName() + " " + shorten(item)));
            }
        }
        return out;
    }

    private static String shorten(Object v) {
        String s = String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private void problem(String what) {
        problems.add(where + ": " + what);
    }
}
