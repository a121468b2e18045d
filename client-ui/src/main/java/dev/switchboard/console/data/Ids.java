package dev.switchboard.console.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Ids and dates as stored. The server stores ObjectIds and Dates; older data may hold them as strings,
 * so every lookup matches both forms.
 */
public final class Ids {

    private static final Pattern HEX24 = Pattern.compile("^[0-9a-fA-F]{24}$");

    private Ids() {
    }

    public static boolean isObjectId(String text) {
        return text != null && HEX24.matcher(text.trim()).matches();
    }

    /** The values an id may be stored as. */
    public static List<Object> storedForms(String id) {
        List<Object> forms = new ArrayList<>(2);
        if (isObjectId(id)) {
            forms.add(new ObjectId(id.trim()));
        }
        forms.add(id);
        return forms;
    }

    public static List<Object> storedForms(Collection<String> ids) {
        List<Object> forms = new ArrayList<>();
        ids.forEach(id -> forms.addAll(storedForms(id)));
        return forms;
    }

    public static Bson matches(String field, String id) {
        return com.mongodb.client.model.Filters.in(field, storedForms(id));
    }

    /** An id as 24 hex digits, whatever form it was stored in; null stays null. */
    public static String hex(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof ObjectId oid ? oid.toHexString() : stored.toString();
    }

    public static Instant instant(Object stored) {
        if (stored instanceof Date d) {
            return d.toInstant();
        }
        if (stored instanceof Instant i) {
            return i;
        }
        if (stored instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
