package dev.switchboard.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
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

    private JsonOut() {
    }

    public static String date(Date date) {
        return date == null ? null : ISO_MILLIS.format(date.toInstant());
    }

    public static String date(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
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
