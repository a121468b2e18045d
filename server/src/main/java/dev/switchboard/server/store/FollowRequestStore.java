package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The {@code followrequests} collection: {@code applicant, request_to, requested_at}, unique per pair. */
public final class FollowRequestStore {

    public static final String COLLECTION = "followrequests";
    public static final String APPLICANT = "applicant";
    public static final String REQUEST_TO = "request_to";
    public static final String REQUESTED_AT = "requested_at";

    private final MongoCollection<Document> requests;

    public FollowRequestStore(MongoCollection<Document> requests) {
        this.requests = requests;
    }

    public MongoCollection<Document> collection() {
        return requests;
    }

    public void ensureIndexes() {
        requests.createIndex(Indexes.compoundIndex(Indexes.ascending(APPLICANT), Indexes.ascending(REQUEST_TO)),
                new IndexOptions().unique(true).name("applicant_request_to_unique"));
        requests.createIndex(Indexes.ascending(REQUEST_TO), new IndexOptions().name("request_to"));
    }

    /** Stores a new request; empty when that applicant already asked that user. */
    public Optional<Document> add(ObjectId applicant, ObjectId requestTo, Date at) {
        Document request = new Document("_id", new ObjectId())
                .append(APPLICANT, applicant)
                .append(REQUEST_TO, requestTo)
                .append(REQUESTED_AT, at);
        try {
            requests.insertOne(request);
            return Optional.of(request);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ObjectId insert(Document request) {
        if (request.get("_id") == null) {
            request.put("_id", new ObjectId());
        }
        requests.insertOne(request);
        return request.getObjectId("_id");
    }

    /**
     * The pair as one flat filter of exactly the unique index's keys: the embedded database serves only such a
     * filter from the index ({@code Filters.and} renders {@code $and}, which it scans for).
     */
    private static Document pair(ObjectId applicant, ObjectId requestTo) {
        return new Document(APPLICANT, applicant).append(REQUEST_TO, requestTo);
    }

    public Optional<Document> find(ObjectId applicant, ObjectId requestTo) {
        return Optional.ofNullable(requests.find(pair(applicant, requestTo)).first());
    }

    /** Removes the request and returns it, if there was one. */
    public Optional<Document> remove(ObjectId applicant, ObjectId requestTo) {
        return Optional.ofNullable(requests.findOneAndDelete(pair(applicant, requestTo)));
    }

    /** Removes the requests between two users, in both directions; returns how many. */
    public long removeBetween(ObjectId a, ObjectId b) {
        return requests.deleteOne(pair(a, b)).getDeletedCount() + requests.deleteOne(pair(b, a)).getDeletedCount();
    }

    /** Requests made to this user, oldest first. */
    public List<Document> to(ObjectId user) {
        return requests.find(eq(REQUEST_TO, user)).sort(Sorts.ascending(REQUESTED_AT)).into(new ArrayList<>());
    }

    /** Requests this user made, oldest first. */
    public List<Document> by(ObjectId user) {
        return requests.find(eq(APPLICANT, user)).sort(Sorts.ascending(REQUESTED_AT)).into(new ArrayList<>());
    }
}
