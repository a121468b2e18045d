package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A collection held in memory that records every change it applies in the {@link Journal}, when it has one:
 * each document as it is once stored or updated, each removal, and its own drop. These are the only places the
 * embedded server changes a collection's documents (the file backend it replaces persisted through the same ones).
 *
 * <p>It does not keep the size of its data: the base class would encode the whole document twice more on every
 * update to keep it, a large part of an update's cost for the derived lists, for a figure only
 * {@code collStats} shows (as 0 here).
 */
final class JournaledCollection extends MemoryCollection {

    /** How many documents a rewrite of the journal writes out at a time while it holds the collection. */
    private static final int REWRITE_CHUNK = 64;

    /** Null in a database that is only in memory. */
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
        documents.forEach(super::addDocumentInternal);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private void record(JournalRecord change) {
        if (journal != null) {
            journal.record(change);
        }
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        record(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, document));
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        record(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, newDocument));
    }

    @Override
    protected void removeDocument(Integer position) {
        Object key = JournalRecord.keyOf(keyField, getDocument(position));
        super.removeDocument(position);
        record(JournalRecord.remove(getDatabaseName(), getCollectionName(), keyField, key));
    }

    @Override
    public synchronized void drop() {
        super.drop();
        record(JournalRecord.drop(getDatabaseName(), getCollectionName()));
        ((JournaledDatabase) getDatabase()).forget(this);
    }

    /** Records this collection's documents under its current name, after it was renamed from another. */
    synchronized void recordMoveFrom(String oldDatabase, String oldName) {
        record(JournalRecord.drop(oldDatabase, oldName));
        everyDocument(this::record);
    }

    /**
     * Hands every document, as a record, to {@code out}; for a rewrite of the journal, which may run while writes
     * go on. The collection is held a chunk of documents at a time, so its writers wait for no more than that; a
     * document changed or removed meanwhile is written as it is then, or after its removal, and the change's own
     * record, which comes later in the journal, sets it right.
     */
    void everyDocument(RecordSink out) {
        List<Document> documents = new ArrayList<>();
        synchronized (this) {
            queryAll().forEach(documents::add);
        }
        for (int from = 0; from < documents.size(); from += REWRITE_CHUNK) {
            synchronized (this) {
                for (Document document : documents.subList(from, Math.min(from + REWRITE_CHUNK, documents.size()))) {
                    out.accept(JournalRecord.put(getDatabaseName(), getCollectionName(), keyField, document));
                }
            }
            out.betweenChunks();
        }
    }
}
