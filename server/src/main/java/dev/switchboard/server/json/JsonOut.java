package dev.switchboard.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The one conversion of stored values to the wire: ids become 24-hex strings, dates ISO-8601 UTC with
 * milliseconds ({@code 2022-08-17T17:15:37.718Z}), documents objects. Replies and pushes both use it.
 */
public final class JsonOut {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Instant YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    private JsonOut() {
    }

    public static String date(Date date) {
        return date == null ? null : isoMillis(date.toInstant());
    }

    public static String date(Instant instant) {
        return instant == null ? null : isoMillis(instant);
    }

    /**
     * {@link #ISO_MILLIS} written by hand for the years 1 to 9999, the only ones a stored date holds in
     * practice: every reply and push formats several, and the formatter's general machinery made a few percent of
     * the server's allocation. Other years take the formatter.
     */
    private static String isoMillis(Instant instant) {
        if (instant.isBefore(YEAR_1) || !instant.isBefore(YEAR_10000)) {
            return ISO_MILLIS.format(instant);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        char[] out = new char[24];
        digits(out, 0, t.getYear(), 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String id(ObjectId id) {
        return id == null ? null : id.toHexString();
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Any stored value (document, list, id, date, primitive) as JSON. */
    public static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.set(String.valueOf(e.getKey()), of(e.getValue()));
            }
            return out;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode out = NODES.arrayNode();
            for (Object o : list) {
                out.add(of(o));
            }
            return out;
        }
        if (value instanceof ObjectId id) {
            return NODES.textNode(id.toHexString());
        }
        if (value instanceof Date d) {
            return NODES.textNode(date(d));
        }
        if (value instanceof Instant i) {
            return NODES.textNode(date(i));
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Long n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Double n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Decimal128 n) {
            return NODES.numberNode(n.bigDecimalValue());
        }
        if (value instanceof BigDecimal n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        return NODES.textNode(value.toString());
    }

    /** Chosen fields of a document, in this order; a missing field becomes null. */
    public static ObjectNode pick(Map<String, Object> doc, String... fields) {
        ObjectNode out = NODES.objectNode();
        for (String f : fields) {
            out.set(f, of(doc.get(f)));
        }
        return out;
    }
}
