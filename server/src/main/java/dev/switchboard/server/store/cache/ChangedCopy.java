package dev.switchboard.server.store.cache;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * New versions of a cached document, worked out for {@link OwnWrite#wrote}: the cached one is shared with readers,
 * so it is never changed; the new one shares with it whatever did not change.
 */
public final class ChangedCopy {

    private ChangedCopy() {
    }

    /** {@code document} with {@code value} appended to its array {@code field}, as {@code $push} does; null when that field is no array. */
    public static Document pushed(Document document, String field, Object value) {
        if (!(document.get(field) instanceof List<?> list)) {
            return null;
        }
        List<Object> after = new ArrayList<>(list.size() + 1);
        after.addAll(list);
        after.add(value);
        return replaced(document, field, after);
    }

    /** {@code document} with its field {@code field} (which it has) set to {@code value}, in the same place. */
    public static Document replaced(Document document, String field, Object value) {
        Document after = new Document(document);
        after.put(field, value);
        return after;
    }

    /** A date of the caller's, as a value of the cache's own (dates can be changed). */
    public static Date date(Date at) {
        return at == null ? null : new Date(at.getTime());
    }
}
