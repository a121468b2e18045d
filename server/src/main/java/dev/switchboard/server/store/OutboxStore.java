package dev.switchboard.server.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The {@code outbox} collection: the mails the server would have sent when no SMTP server is configured,
 * {@code { to, subject, text, purpose, link_token, sent_at }}; the console shows them.
 */
public final class OutboxStore {

    public static final String COLLECTION = "outbox";
    public static final String TO = "to";
    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";
    public static final String PURPOSE = "purpose";
    public static final String LINK_TOKEN = "link_token";
    public static final String SENT_AT = "sent_at";

    private final MongoCollection<Document> outbox;

    public OutboxStore(MongoCollection<Document> outbox) {
        this.outbox = outbox;
    }

    public void ensureIndexes() {
        outbox.createIndex(Indexes.descending(SENT_AT), new IndexOptions().name("sent_at"));
    }

    public void insert(String to, String subject, String text, String purpose, String linkToken, Date sentAt) {
        outbox.insertOne(new Document(TO, to).append(SUBJECT, subject).append(TEXT, text).append(PURPOSE, purpose)
                .append(LINK_TOKEN, linkToken).append(SENT_AT, sentAt));
    }

    /** The newest mails first, to one address or (null) to anyone. */
    public List<Document> latest(String to, int limit) {
        Document filter = to == null ? new Document() : new Document(TO, to);
        return outbox.find(filter).sort(Sorts.descending(SENT_AT)).limit(limit).into(new ArrayList<>());
    }
}
