package dev.switchboard.server.store.cache;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

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

    /**
     * A deep copy of a document the server is about to store or has stored, or null unless a read would decode it as
     * an equal document: {@code _id} first (the driver writes it first whatever the map's order), and only values
     * the driver decodes as the same class (no {@code Set}, {@code Short}, {@code Timestamp}, ...).
     */
    static Document ofDecodable(Document d) {
        boolean idFirst = !d.isEmpty() && "_id".equals(d.keySet().iterator().next());
        return idFirst && decodable(d) ? of(d) : null;
    }

    /**
     * A deep copy of {@code d} with the field at {@code path} (dotted through embedded documents) set to {@code value}
     * as {@code $set} sets it: in its place when present, else appended, creating the embedded documents on the way;
     * null when {@code value} would not be decoded as itself or the path runs into something not a document.
     */
    static Document withSet(Document d, String path, Object value) {
        if (!decodable(value) || value instanceof Document || value instanceof List<?>) {
            return null;
        }
        Document copy = of(d);
        Document parent = copy;
        String[] steps = path.split("\\.", -1);
        for (int i = 0; i < steps.length - 1; i++) {
            Object next = parent.get(steps[i]);
            if (next == null && !parent.containsKey(steps[i])) {
                next = new Document();
                parent.put(steps[i], next);
            }
            if (!(next instanceof Document embedded)) {
                return null;
            }
            parent = embedded;
        }
        parent.put(steps[steps.length - 1], value instanceof Date date ? new Date(date.getTime()) : value);
        return copy;
    }

    private static boolean decodable(Object v) {
        if (v instanceof Document d) {
            return d.getClass() == Document.class && d.values().stream().allMatch(DocumentCopy::decodable);
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(DocumentCopy::decodable);
        }
        return v == null || v instanceof String || v instanceof ObjectId || v instanceof Boolean || v instanceof Integer
                || v instanceof Long || v instanceof Double || (v instanceof Date && v.getClass() == Date.class);
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
