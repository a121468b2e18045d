package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import dev.switchboard.console.data.Directory;
import dev.switchboard.console.data.Ids;
import dev.switchboard.console.data.UserRef;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * What the explainer needs to know about a push's owner: who follows them, who is blocked either way,
 * and usernames. Read from the database when the console can reach it, else through {@code /admin}
 * (then only online users can be checked for following). Blocking calls: background threads only.
 *
 * @param followersComplete false when only online users could be checked
 * @param blocks            user id to a sentence saying who blocks whom
 */
public record DeliveryFacts(String owner, Set<String> followers, boolean followersComplete,
                            Map<String, String> blocks, Map<String, String> usernames) {

    public String name(String userId) {
        String n = usernames.get(userId);
        return n == null ? userId : n;
    }

    public static DeliveryFacts fromDatabase(String owner, Directory directory) {
        MongoCollection<Document> users = directory.database().collection("users");
        Set<String> followers = new LinkedHashSet<>();
        users.find(Ids.matches("following.id", owner)).projection(new Document("_id", 1))
                .forEach(d -> followers.add(Ids.hex(d.get("_id"))));
        Map<String, String> blocks = new HashMap<>();
        Document ownerDoc = users.find(Ids.matches("_id", owner)).projection(new Document("block", 1)).first();
        users.find(Ids.matches("block.id", owner)).projection(new Document("_id", 1))
                .forEach(d -> blocks.put(Ids.hex(d.get("_id")), "they block the owner"));
        if (ownerDoc != null) {
            for (Document b : ownerDoc.getList("block", Document.class, List.of())) {
                blocks.put(Ids.hex(b.get("id")), "the owner blocks them");
            }
        }
        Set<String> ids = new LinkedHashSet<>(followers);
        ids.addAll(blocks.keySet());
        ids.add(owner);
        Map<String, String> names = new HashMap<>();
        directory.usersByIds(ids).forEach((id, ref) -> names.put(id, ref.username()));
        return new DeliveryFacts(owner, followers, true, blocks, names);
    }

    public static DeliveryFacts fromAdmin(String owner, List<LiveSocket> online, AdminSession admin) throws Exception {
        Map<String, String> names = new HashMap<>();
        Map<String, String> blocks = new HashMap<>();
        JsonNode b = admin.call("admin/user/blocks/get", owner);
        for (JsonNode e : b.path("block")) {
            blocks.put(e.path("id").asText(), "the owner blocks them");
            names.put(e.path("id").asText(), e.path("username").asText());
        }
        for (JsonNode e : b.path("blockedBy")) {
            blocks.put(e.path("id").asText(), "they block the owner");
            names.put(e.path("id").asText(), e.path("username").asText());
        }
        Set<String> followers = new LinkedHashSet<>();
        Set<String> checked = new LinkedHashSet<>();
        for (LiveSocket s : online) {
            if (s.userId() == null || !checked.add(s.userId())) {
                continue;
            }
            if (s.username() != null) {
                names.put(s.userId(), s.username());
            }
            JsonNode user = admin.call("admin/user/get", s.userId()).path("user");
            for (JsonNode f : user.path("following")) {
                if (owner.equals(f.path("id").asText())) {
                    followers.add(s.userId());
                }
            }
        }
        JsonNode ownerDoc = admin.call("admin/user/get", owner).path("user");
        names.put(owner, ownerDoc.path("username").asText(owner));
        return new DeliveryFacts(owner, followers, false, blocks, names);
    }

    static DeliveryFacts none(String owner, Map<String, String> usernames) {
        return new DeliveryFacts(owner, Set.of(), true, Map.of(), usernames);
    }

    static Map<String, String> namesOf(Map<String, UserRef> refs) {
        Map<String, String> out = new HashMap<>();
        refs.forEach((id, r) -> out.put(id, r.username()));
        return out;
    }
}
