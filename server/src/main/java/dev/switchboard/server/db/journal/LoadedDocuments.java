package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.bson.Document;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The documents a journal holds, rebuilt by replaying its records in order: database → collection → key → document. */
final class LoadedDocuments {

    private final Map<String, Map<String, Map<Object, Document>>> databases = new LinkedHashMap<>();
    private long records;

    void apply(JournalRecord record) {
        records++;
        switch (record.kind()) {
            case PUT -> databases.computeIfAbsent(record.database(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(record.collection(), c -> new LinkedHashMap<>())
                    .put(record.storedKey(), record.body());
            case REMOVE -> {
                Map<Object, Document> collection = collection(record);
                if (collection != null) {
                    collection.remove(record.removedKey());
                }
            }
            case DROP -> {
                Map<String, Map<Object, Document>> database = databases.get(record.database());
                if (database != null) {
                    database.remove(record.collection());
                }
            }
        }
    }

    private Map<Object, Document> collection(JournalRecord record) {
        Map<String, Map<Object, Document>> database = databases.get(record.database());
        return database == null ? null : database.get(record.collection());
    }

    /** The databases that hold at least one document. */
    Set<String> databaseNames() {
        return databases.entrySet().stream()
                .filter(d -> d.getValue().values().stream().anyMatch(c -> !c.isEmpty()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The collections of {@code database}, each a key → document map in the order they were first stored. */
    Map<String, Map<Object, Document>> collectionsOf(String database) {
        return databases.getOrDefault(database, Map.of());
    }

    /** How many records were replayed. */
    long records() {
        return records;
    }

    /** How many documents they leave. */
    long documents() {
        return databases.values().stream().flatMap(d -> d.values().stream()).mapToLong(Map::size).sum();
    }

    /** Lets the documents go once the collections hold them. */
    void clear() {
        databases.clear();
    }
}
