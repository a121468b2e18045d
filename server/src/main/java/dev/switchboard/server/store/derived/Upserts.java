package dev.switchboard.server.store.derived;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An update of a derived document by {@code _id} that creates it when missing. Two first writers can both
 * try to insert the document; the loser gets a duplicate key error and simply applies its update again,
 * now to the existing document.
 */
final class Upserts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

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
}
