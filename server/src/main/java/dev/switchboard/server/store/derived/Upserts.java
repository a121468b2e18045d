package dev.switchboard.server.store.derived;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An update of a derived document by {@code _id} that creates it when missing. Two first writers can both
 * try to insert the document; the loser gets a duplicate key error and simply applies its update again,
 * now to the existing document.
 */
final class Upserts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private Upserts() {
    }

    static void byId(MongoCollection<Document> collection, Object id, Bson update) {
        Document filter = new Document("_id", id);
        try {
            collection.updateOne(filter, update, UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            collection.updateOne(filter, update, UPSERT);
        }
    }

    /**
     * Several such updates in one round trip, each by its own {@code _id}. After a duplicate key (two first writers
     * of a document) only the updates that failed are sent again, so an update need not be safe to apply twice.
     */
    static void byIds(MongoCollection<Document> collection, Map<Object, Bson> updates) {
        List<UpdateOneModel<Document>> models = new ArrayList<>();
        updates.forEach((id, update) -> models.add(new UpdateOneModel<>(new Document("_id", id), update, UPSERT)));
        try {
            collection.bulkWrite(models, UNORDERED);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            List<UpdateOneModel<Document>> failed = new ArrayList<>();
            e.getWriteErrors().forEach(w -> failed.add(models.get(w.getIndex())));
            collection.bulkWrite(failed, UNORDERED);
        }
    }
}
