package dev.switchboard.server.fuzz;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.fixture.CollectionNames;
import dev.switchboard.server.store.UserStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Every stored document, for "this call wrote nothing". {@code last_seen} is left out: connections
 * coming and going change it whatever the call does.
 */
record DbSnapshot(Map<String, Map<Object, Document>> documents) {

    static DbSnapshot take(MongoDatabase db) {
        Map<String, Map<Object, Document>> all = new LinkedHashMap<>();
        for (String collection : CollectionNames.ALL) {
            Map<Object, Document> docs = new LinkedHashMap<>();
            for (Document d : db.getCollection(collection).find()) {
                d.remove(UserStore.LAST_SEEN);
                docs.put(d.get("_id"), d);
            }
            all.put(collection, docs);
        }
        return new DbSnapshot(all);
    }

    /** The documents that differ from {@code before}, described; empty when nothing changed. */
    List<String> changesSince(DbSnapshot before) {
        List<String> changes = new ArrayList<>();
        documents.forEach((collection, docs) -> {
            Map<Object, Document> old = before.documents.get(collection);
            Set<Object> ids = new HashSet<>(old.keySet());
            ids.addAll(docs.keySet());
            for (Object id : ids) {
                Document was = old.get(id);
                Document is = docs.get(id);
                if (!Objects.equals(was, is)) {
                    changes.add(collection + " " + id + " before: " + cut(was) + "\n              after:  " + cut(is));
                }
            }
        });
        return changes;
    }

    private static String cut(Document d) {
        if (d == null) {
            return "(none)";
        }
        String json = d.toJson();
        return json.length() > 400 ? json.substring(0, 400) + "..." : json;
    }
}
