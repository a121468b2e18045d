package dev.switchboard.server.store.cache;

import java.util.Optional;
import org.bson.Document;

/**
 * One of the server's own writes to one document by {@code _id}, seen from the cache, so that the next read of
 * the document need not go to the database: taken from {@link KeyedReads#beforeWrite} before the write is sent,
 * then told with {@link #wrote} what the document is once the write is answered.
 *
 * <p>The embedded database reports every write it applies before it answers it, and each report moves the
 * generation of the key's stripe on by one. So when the answer comes and the generation is exactly one past
 * the one noted here, our write was the only change to that stripe meanwhile, and the document the caller
 * worked out is what the database holds; any other count (another write, a failed first attempt sent again)
 * keeps nothing, and the next read goes to the database as before.
 */
public final class OwnWrite {

    /** For reads that are not cached: remembers nothing, keeps nothing. */
    static final OwnWrite NONE = new OwnWrite(null, null, 0, null);

    private final Shelf shelf;
    private final String key;
    private final long generation;
    private final Document before;

    OwnWrite(Shelf shelf, String key, long generation, Document before) {
        this.shelf = shelf;
        this.key = key;
        this.generation = generation;
        this.before = before;
    }

    /**
     * The document as the cache held it when the write was about to be sent (at the generation noted), if it
     * held one. It is the cache's own: read it, never change it.
     */
    public Optional<Document> cachedBefore() {
        return Optional.ofNullable(before);
    }

    /**
     * Keeps {@code after}, the whole document exactly as our one write left it (as a read would decode it), unless
     * anything else was written to its stripe since this was taken. From now on it is the cache's: nobody may
     * change it.
     */
    public void wrote(Document after) {
        if (shelf != null && after != null) {
            shelf.keep(key, generation + 1, after);
        }
    }

    /**
     * As {@link #wrote}, for a write that only {@code $set} one field to {@code value} (a top-level field, or a field
     * of an embedded document at a dotted path): keeps the document the cache held before with that field set, in
     * the place {@code $set} leaves it (where it was, else last), when the cache held one and the value is of a kind
     * the driver decodes as the same value; otherwise keeps nothing.
     */
    public void wroteSet(String path, Object value) {
        if (shelf == null || before == null) {
            return;
        }
        Document after = DocumentCopy.withSet(before, path, value);
        if (after != null) {
            wrote(after);
        }
    }

    /**
     * As {@link #wrote}, for a document the caller goes on using: a copy is kept, and only when every value in it is
     * of a kind the driver decodes as the same value (else a read would not give back exactly this, and nothing is kept).
     */
    public void wroteCopyOf(Document after) {
        if (shelf != null && after != null) {
            wrote(DocumentCopy.ofDecodable(after));
        }
    }
}
