package dev.switchboard.console.moderation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.switchboard.console.data.Directory;
import dev.switchboard.console.data.Ids;
import dev.switchboard.console.data.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read-only views of who blocks, follows and asks to follow whom, straight from the database.
 * Blocking calls: run them on {@code Background}.
 */
public final class ModerationService implements ModerationSource {

    private final Directory directory;

    public ModerationService(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String origin() {
        return "Read from the database";
    }

    @Override
    public List<UserRef> search(String query) {
        return directory.searchUsers(query, 200);
    }

    @Override
    public Set<String> suspendedAmong(List<UserRef> users) {
        Set<String> suspended = new java.util.HashSet<>();
        List<Bson> ids = users.stream().map(u -> Ids.matches("_id", u.id())).toList();
        if (ids.isEmpty()) {
            return suspended;
        }
        Date now = new Date();
        for (Document s : directory.database().collection("suspensions").find(Filters.or(ids))) {
            if (!(s.get("until") instanceof Date until) || until.after(now)) {
                suspended.add(Ids.hex(s.get("_id")));
            }
        }
        return suspended;
    }

    /** @throws IllegalArgumentException when no user has that id */
    @Override
    public UserDetail detail(String userId) {
        if (!Ids.isObjectId(userId)) {
            throw new IllegalArgumentException("\"" + userId + "\" is not a 24-hex-digit user id");
        }
        var users = directory.database().collection("users");
        Document user = users.find(Ids.matches("_id", userId)).projection(new Document("hashPassword", 0)).first();
        if (user == null) {
            throw new IllegalArgumentException("no user with id " + userId + " in " + directory.database().name());
        }
        List<Pending> blocks = embedded(user, "block", "blocked_at");
        List<Pending> following = embedded(user, "following", "added_at");
        List<Pending> blockedBy = new ArrayList<>();
        for (Document other : users.find(Ids.matches("block.id", userId)).projection(new Document("block", 1))) {
            blockedBy.add(new Pending(Ids.hex(other.get("_id")), entryDate(other, "block", userId, "blocked_at")));
        }
        List<Pending> followers = new ArrayList<>();
        for (Document other : users.find(Ids.matches("following.id", userId)).projection(new Document("following", 1))) {
            followers.add(new Pending(Ids.hex(other.get("_id")), entryDate(other, "following", userId, "added_at")));
        }
        var requests = directory.database().collection("followrequests");
        List<Pending> requestsIn = new ArrayList<>();
        for (Document r : requests.find(Ids.matches("request_to", userId)).sort(Sorts.descending("requested_at"))) {
            requestsIn.add(new Pending(Ids.hex(r.get("applicant")), Ids.instant(r.get("requested_at"))));
        }
        List<Pending> requestsOut = new ArrayList<>();
        for (Document r : requests.find(Ids.matches("applicant", userId)).sort(Sorts.descending("requested_at"))) {
            requestsOut.add(new Pending(Ids.hex(r.get("request_to")), Ids.instant(r.get("requested_at"))));
        }

        Set<String> ids = new LinkedHashSet<>();
        for (List<Pending> list : List.of(blocks, following, blockedBy, followers, requestsIn, requestsOut)) {
            list.forEach(p -> ids.add(p.id()));
        }
        Map<String, UserRef> names = directory.usersByIds(new ArrayList<>(ids));
        Document setting = user.get("setting", Document.class);
        return new UserDetail(Directory.userRef(user), stringOf(user.get("phone")), user.getString("biography"),
                Ids.instant(user.get("last_seen")), Ids.instant(user.get("register_at")),
                setting != null && Boolean.TRUE.equals(setting.getBoolean("publicity")),
                resolve(blocks, names), resolve(blockedBy, names), resolve(requestsIn, names),
                resolve(requestsOut, names), resolve(followers, names), resolve(following, names));
    }

    private record Pending(String id, Instant at) {
    }

    private static List<Pending> embedded(Document user, String field, String dateField) {
        List<Pending> out = new ArrayList<>();
        for (Document e : user.getList(field, Document.class, List.of())) {
            out.add(new Pending(Ids.hex(e.get("id")), Ids.instant(e.get(dateField))));
        }
        return out;
    }

    private static Instant entryDate(Document other, String field, String userId, String dateField) {
        for (Document e : other.getList(field, Document.class, List.of())) {
            if (userId.equalsIgnoreCase(Ids.hex(e.get("id")))) {
                return Ids.instant(e.get(dateField));
            }
        }
        return null;
    }

    private static List<Relation> resolve(List<Pending> pending, Map<String, UserRef> names) {
        return pending.stream()
                .map(p -> new Relation(p.id(), names.get(p.id()), p.at()))
                .sorted(Comparator.comparing(Relation::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static String stringOf(Object value) {
        return value == null ? null : value.toString();
    }
}
