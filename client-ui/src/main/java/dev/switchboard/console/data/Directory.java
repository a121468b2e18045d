package dev.switchboard.console.data;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.switchboard.protocol.catalog.IdKind;
import dev.switchboard.server.db.Database;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read-only look-ups in the server's database for pickers and labels: users by prefix, and recent
 * tweets, comments, stories and messages. Blocking calls: run them on {@code Background}.
 */
public final class Directory {

    public static final int DEFAULT_LIMIT = 50;

    private final Database db;

    public Directory(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    private MongoCollection<Document> users() {
        return db.collection("users");
    }

    /** Users whose username, name, family or email starts with the query (any case); all when blank. */
    public List<UserRef> searchUsers(String query, int limit) {
        Bson filter = new Document();
        String q = query == null ? "" : query.trim();
        if (Ids.isObjectId(q)) {
            filter = Ids.matches("_id", q);
        } else if (!q.isEmpty()) {
            Pattern prefix = Pattern.compile("^" + Pattern.quote(q), Pattern.CASE_INSENSITIVE);
            filter = Filters.or(Filters.regex("username", prefix), Filters.regex("name", prefix),
                    Filters.regex("family", prefix), Filters.regex("email", prefix));
        }
        List<UserRef> found = new ArrayList<>();
        for (Document d : users().find(filter).sort(Sorts.ascending("username")).limit(limit)) {
            found.add(userRef(d));
        }
        return found;
    }

    public static UserRef userRef(Document d) {
        return new UserRef(Ids.hex(d.get("_id")), d.getString("username"), d.getString("name"),
                d.getString("family"), d.getString("email"));
    }

    public boolean userExists(String id) {
        return Ids.isObjectId(id) && users().countDocuments(Ids.matches("_id", id)) > 0;
    }

    /** The users with these ids, keyed by id, in the order asked; unknown ids are left out. */
    public Map<String, UserRef> usersByIds(Collection<String> ids) {
        Map<String, UserRef> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        Map<String, UserRef> found = new LinkedHashMap<>();
        for (Document d : users().find(Filters.in("_id", Ids.storedForms(ids)))) {
            UserRef u = userRef(d);
            found.put(u.id(), u);
        }
        ids.forEach(id -> {
            if (found.containsKey(id)) {
                byId.put(id, found.get(id));
            }
        });
        return byId;
    }

    /** Ids of that kind to pick from, newest first where there is a date, matching the query when given. */
    public List<IdChoice> choices(IdKind kind, String query, int limit) {
        return switch (kind) {
            case USER -> searchUsers(query, limit).stream().map(u -> new IdChoice(u.id(), u.label())).toList();
            case TWEET -> tweets(query, limit);
            case COMMENT -> comments(query, limit);
            case STORY -> stories(limit);
            case MESSAGE -> messages(query, limit);
            case SOCKET, NONE -> List.of();
        };
    }

    private Bson textMatch(String field, String query) {
        if (query == null || query.isBlank()) {
            return new Document();
        }
        if (Ids.isObjectId(query)) {
            return Ids.matches("_id", query.trim());
        }
        return Filters.regex(field, Pattern.compile(Pattern.quote(query.trim()), Pattern.CASE_INSENSITIVE));
    }

    private List<IdChoice> tweets(String query, int limit) {
        List<Document> docs = db.collection("tweets")
                .find(Filters.and(Filters.ne("removed", true), textMatch("context", query)))
                .sort(Sorts.descending("sent_at")).limit(limit).into(new ArrayList<>());
        Map<String, UserRef> owners = owners(docs, "owner");
        return docs.stream().map(d -> new IdChoice(Ids.hex(d.get("_id")),
                who(owners, d.get("owner")) + ": " + cut(d.getString("context")))).toList();
    }

    private List<IdChoice> comments(String query, int limit) {
        List<Document> tweets = db.collection("tweets")
                .find(Filters.and(Filters.ne("removed", true), Filters.exists("comments.0")))
                .sort(Sorts.descending("sent_at")).limit(limit).into(new ArrayList<>());
        List<Document> comments = new ArrayList<>();
        for (Document t : tweets) {
            for (Document c : t.getList("comments", Document.class, List.of())) {
                String text = c.getString("context");
                if (query == null || query.isBlank() || (text != null && text.toLowerCase().contains(query.toLowerCase()))) {
                    comments.add(c);
                }
            }
        }
        Map<String, UserRef> owners = owners(comments, "owner");
        return comments.stream().limit(limit).map(c -> new IdChoice(Ids.hex(c.get("_id")),
                who(owners, c.get("owner")) + " commented: " + cut(c.getString("context")))).toList();
    }

    private List<IdChoice> stories(int limit) {
        List<Document> docs = db.collection("stories").find(Filters.ne("removed", true))
                .projection(new Document("image", 0))
                .sort(Sorts.descending("added_at")).limit(limit).into(new ArrayList<>());
        Map<String, UserRef> owners = owners(docs, "owner");
        return docs.stream().map(d -> new IdChoice(Ids.hex(d.get("_id")),
                "story of " + who(owners, d.get("owner")) + " at " + Ids.instant(d.get("added_at")))).toList();
    }

    private List<IdChoice> messages(String query, int limit) {
        List<Document> docs = db.collection("messages").find(textMatch("context.text", query))
                .projection(new Document("context.image", 0))
                .sort(Sorts.descending("sent_at")).limit(limit).into(new ArrayList<>());
        Map<String, UserRef> users = owners(docs, "from");
        return docs.stream().map(d -> {
            Document ctx = d.get("context", Document.class);
            String text = ctx == null ? null : ctx.getString("text");
            return new IdChoice(Ids.hex(d.get("_id")),
                    who(users, d.get("from")) + ": " + (text == null ? "(image)" : cut(text)));
        }).toList();
    }

    private Map<String, UserRef> owners(List<Document> docs, String field) {
        return usersByIds(docs.stream().map(d -> Ids.hex(d.get(field))).filter(id -> id != null).distinct().toList());
    }

    private static String who(Map<String, UserRef> users, Object id) {
        UserRef u = users.get(Ids.hex(id));
        return u == null || u.username() == null ? String.valueOf(Ids.hex(id)) : u.username();
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 48 ? text : text.substring(0, 47) + "…";
    }
}
