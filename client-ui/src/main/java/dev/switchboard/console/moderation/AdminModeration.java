package dev.switchboard.console.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.data.UserRef;
import dev.switchboard.console.serverview.AdminSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Moderation through the server's {@code /admin} namespace, for a server whose database the console
 * cannot read. The namespace gives follower counts, not lists, so the followers table stays empty here.
 * Blocking calls: background threads only.
 */
public final class AdminModeration implements ModerationSource {

    private static final int PAGES = 8;
    private final AdminSession admin;
    /** Users the last search found suspended (admin/users/find says so). */
    private final Set<String> suspended = new HashSet<>();

    public AdminModeration(AdminSession admin) {
        this.admin = admin;
    }

    @Override
    public String origin() {
        return "Read through the server's /admin namespace (no database access)";
    }

    @Override
    public List<UserRef> search(String query) throws Exception {
        List<UserRef> found = new ArrayList<>();
        for (int page = 1; page <= PAGES; page++) {
            JsonNode users = admin.call("admin/users/find", query == null ? "" : query.trim(), page).path("users");
            users.forEach(u -> {
                found.add(ref(u));
                if (u.path("suspension").isObject()) {
                    suspended.add(u.path("_id").asText());
                }
            });
            if (users.size() < 25) {
                break;
            }
        }
        return found;
    }

    @Override
    public Set<String> suspendedAmong(List<UserRef> users) {
        return new HashSet<>(suspended);
    }

    @Override
    public UserDetail detail(String userId) throws Exception {
        JsonNode user = admin.call("admin/user/get", userId).path("user");
        JsonNode blocks = admin.call("admin/user/blocks/get", userId);
        JsonNode requests = admin.call("admin/user/followRequests/get", userId);
        Map<String, UserRef> known = new HashMap<>();
        List<Relation> following = new ArrayList<>();
        for (JsonNode f : user.path("following")) {
            following.add(new Relation(f.path("id").asText(), null, instant(f.path("added_at"))));
        }
        JsonNode setting = user.path("setting");
        return new UserDetail(ref(user), text(user.path("phone")), text(user.path("biography")),
                instant(user.path("last_seen")), instant(user.path("register_at")),
                setting.path("publicity").asBoolean(false),
                relations(blocks.path("block"), "id", "blocked_at"),
                relations(blocks.path("blockedBy"), "id", "blocked_at"),
                relations(requests.path("incoming"), "applicant", "requested_at"),
                relations(requests.path("outgoing"), "request_to", "requested_at"),
                List.of(), sorted(following));
    }

    private static List<Relation> relations(JsonNode list, String idField, String dateField) {
        List<Relation> out = new ArrayList<>();
        for (JsonNode e : list) {
            String id = e.path(idField).asText();
            String username = e.hasNonNull("username") ? e.get("username").asText() : null;
            out.add(new Relation(id, username == null ? null : new UserRef(id, username, null, null, null),
                    instant(e.path(dateField))));
        }
        return sorted(out);
    }

    private static List<Relation> sorted(List<Relation> list) {
        list.sort(Comparator.comparing(Relation::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return list;
    }

    private static UserRef ref(JsonNode u) {
        return new UserRef(u.path("_id").asText(), text(u.path("username")), text(u.path("name")),
                text(u.path("family")), text(u.path("email")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        try {
            return n == null || !n.isTextual() ? null : Instant.parse(n.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
