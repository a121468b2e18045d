package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * A collection held in memory that records every change it applies in the {@link Journal}: each document as
 * it is once stored or updated, each removal, and its own drop. These are the only places the embedded
 * server changes a collection's documents (the file backend it replaces persisted through the same ones).
 */
final class JournaledCollection extends MemoryCollection {

    private final Journal journal;
    /** The field that keys this collection's documents in the journal; empty when a document is its own key. */
    private final String keyField;

    JournaledCollection(JournaledDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                        Journal journal) {
        super(database, name, options, cursors);
        this.journal = journal;
        String idField = options.getIdField();
        this.keyField = idField == null ? "" : idField;
    }

    /** Puts documents read from the journal back, without recording them again; before any index is added. */
    void load(Collection<Document> documents) {
        ByteBuf sizing = Unpooled.buffer();
        for (Document document : documents) {
            super.addDocumentInternal(document);
            sizing.clear();
            BsonEncoder.encodeDocument(document, sizing);
            updateDataSize(sizing.readableBytes());
        }
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        journal.record(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, document));
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        journal.record(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, newDocument));
    }

    @Override
    protected void removeDocument(Integer position) {
        Object key = JournalRecord.keyOf(keyField, getDocument(position));
        super.removeDocument(position);
        journal.record(JournalRecord.remove(getDatabaseName(), getCollectionName(), keyField, key));
    }

    @Override
    public synchronized void drop() {
        super.drop();
        journal.record(JournalRecord.drop(getDatabaseName(), getCollectionName()));
        ((JournaledDatabase) getDatabase()).forget(this);
    }

    /** Records this collection's documents under its current name, after it was renamed from another. */
    synchronized void recordMoveFrom(String oldDatabase, String oldName) {
        journal.record(JournalRecord.drop(oldDatabase, oldName));
        everyDocument(journal::record);
    }

    /** Hands every document, as a record, to {@code out}; for a rewrite of the journal. */
    synchronized void everyDocument(Consumer<JournalRecord> out) {
        for (Document document : queryAll()) {
            out.accept(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, document));
        }
    }
}
