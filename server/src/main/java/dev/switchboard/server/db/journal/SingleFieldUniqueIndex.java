package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.Set;

/**
 * A unique index on one top-level field ({@code _id} and every unique key the stores declare), which answers the
 * questions every keyed read and write asks of it (the key of a document, whether an update moved it, the
 * position of a document, the position a query names) directly when the value is an id or a string. The
 * embedded server's generic path (split the key path, collect values per key into maps, normalize them) made
 * about a tenth of all allocation in the bench's mix for the same answers: normalizing an id or a string
 * returns it unchanged, and it cannot hold an array, so its key is the value itself. Any other value (numbers,
 * which normalize to doubles; documents; arrays; missing fields) takes the generic path.
 */
final class SingleFieldUniqueIndex extends MemoryUniqueIndex {

    private final String field;

    private SingleFieldUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    /** This index for one top-level field; the embedded server's own for compound keys and dotted paths. */
    static Index<Integer> of(String name, List<IndexKey> keys, boolean sparse) {
        if (keys.size() == 1 && keys.get(0).getKey().indexOf('.') < 0) {
            return new SingleFieldUniqueIndex(name, keys, sparse);
        }
        return new MemoryUniqueIndex(name, keys, sparse);
    }

    /** The field's value when it is its own index key (an id or a string); null otherwise. */
    private static Object plain(Object value) {
        return value instanceof ObjectId || value instanceof String ? value : null;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Object value = plain(document.get(field));
        return value == null ? super.getKeyValues(document) : Set.of(new KeyValue(value));
    }

    @Override
    protected boolean nullAwareEqualsKeys(Document before, Document after) {
        Object old = plain(before.get(field));
        Object now = plain(after.get(field));
        return old == null || now == null ? super.nullAwareEqualsKeys(before, after) : old.equals(now);
    }

    @Override
    public Integer getPosition(Document document) {
        Object value = plain(document.get(field));
        return value == null ? super.getPosition(document) : getPosition(new KeyValue(value));
    }

    /** A query of this field alone, equal to an id or a string. */
    private Object queried(Document query) {
        return query.size() == 1 ? plain(query.get(field)) : null;
    }

    @Override
    public boolean canHandle(Document query) {
        return queried(query) != null || super.canHandle(query);
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        Object value = queried(query);
        if (value == null) {
            return super.getPositions(query);
        }
        Integer position = getPosition(new KeyValue(value));
        return position == null ? List.of() : List.of(position);
    }
}
