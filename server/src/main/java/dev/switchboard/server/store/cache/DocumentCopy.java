package dev.switchboard.server.store.cache;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/** Deep copies of what the driver decodes, so a caller that changes its document never changes the cache. */
final class DocumentCopy {

    private DocumentCopy() {
    }

    static Document of(Document d) {
        if (d == null) {
            return null;
        }
        Document copy = new Document();
        d.forEach((k, v) -> copy.put(k, value(v)));
        return copy;
    }

    /** A deep copy of only these top-level fields of {@code d}. */
    static Document of(Document d, java.util.Set<String> fields) {
        Document copy = new Document();
        d.forEach((k, v) -> {
            if (fields.contains(k)) {
                copy.put(k, value(v));
            }
        });
        return copy;
    }

    private static Object value(Object v) {
        if (v instanceof Document d) {
            return of(d);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(e -> copy.add(value(e)));
            return copy;
        }
        if (v instanceof Date date) {
            return new Date(date.getTime());
        }
        if (v instanceof Binary b) {
            return new Binary(b.getType(), b.getData().clone());
        }
        if (v instanceof Map<?, ?>) {
            throw new IllegalStateException("the driver decodes embedded documents as Document, not " + v.getClass());
        }
        return v; // strings, numbers, ObjectIds, booleans and null never change
    }
}
