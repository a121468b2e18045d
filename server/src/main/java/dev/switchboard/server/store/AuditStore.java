package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code audit} collection, one document per moderation action: {@code { at, node, actor: { id,
 * username, role }, action, target: { kind, id, owner }, reason, until? }}. Written once and never
 * edited: this class has no update or delete.
 */
public final class AuditStore {

    public static final String COLLECTION = "audit";
    public static final String AT = "at";
    public static final String NODE = "node";
    public static final String ACTOR = "actor";
    public static final String ACTION = "action";
    public static final String TARGET = "target";
    public static final String REASON = "reason";
    public static final String UNTIL = "until";
    public static final String ID = "id";
    public static final String USERNAME = "username";
    public static final String ROLE = "role";
    public static final String KIND = "kind";
    public static final String OWNER = "owner";

    private final MongoCollection<Document> audit;

    public AuditStore(MongoCollection<Document> audit) {
        this.audit = audit;
    }

    public void ensureIndexes() {
        audit.createIndex(Indexes.descending(AT));
        audit.createIndex(Indexes.ascending(TARGET + "." + ID));
        audit.createIndex(Indexes.ascending(TARGET + "." + OWNER));
        audit.createIndex(Indexes.ascending(ACTOR + "." + ID));
    }

    /** Stores the entry (it gets its {@code _id}) and returns it. */
    public Document append(Document entry) {
        audit.insertOne(entry);
        return entry;
    }

    /**
     * Entries newest first, filtered by action, by actor and by target (the user acted on, or the owner
     * of the content acted on); null filters are left out.
     */
    public List<Document> page(String action, ObjectId actorId, ObjectId targetId, int skip, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (action != null) {
            filters.add(eq(ACTION, action));
        }
        if (actorId != null) {
            filters.add(eq(ACTOR + "." + ID, actorId));
        }
        if (targetId != null) {
            filters.add(or(eq(TARGET + "." + ID, targetId), eq(TARGET + "." + OWNER, targetId)));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return audit.find(filter).sort(Sorts.orderBy(Sorts.descending(AT), Sorts.descending("_id"))).skip(skip)
                .limit(limit).into(new ArrayList<>());
    }
}
