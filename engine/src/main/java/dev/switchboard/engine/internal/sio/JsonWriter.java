package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes one packet's JSON straight into its buffer. The values handlers send most (strings,
 * numbers, booleans, arrays, lists and JSON trees) are written here without Jackson's per-call
 * setup; anything else (records, maps, beans) goes through the application's {@link ObjectMapper},
 * into the same buffer. Either way binary values become Socket.IO placeholders
 * {@code {"_placeholder":true,"num":n}} and are set aside as attachments. Output is the same as
 * Jackson's, except that a lone surrogate is escaped (as JavaScript's {@code JSON.stringify} does)
 * instead of failing.
 */
final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] PLACEHOLDER = "{\"_placeholder\":true,\"num\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteBuf out;
    private final ObjectMapper mapper;
    private List<byte[]> attachments;
    private AttachmentCollector jackson;

    JsonWriter(ByteBuf out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    /** The binary values met so far, in placeholder order. */
    List<byte[]> attachments() {
        return attachments == null ? List.of() : attachments;
    }

    void value(Object value) throws IOException {
        if (value == null) {
            out.writeBytes(NULL);
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.writeBytes(b ? TRUE : FALSE);
        } else if (value instanceof Double || value instanceof Float) {
            floating(value.toString(), Double.isFinite(((Number) value).doubleValue()));
        } else if (value instanceof JsonNode node && !(node instanceof POJONode)) {
            node(node);
        } else if (value instanceof byte[] bytes) {
            placeholder(bytes);
        } else if (value instanceof Object[] array) {
            array(Arrays.asList(array).iterator());
        } else if (value instanceof List<?> list) {
            array(list.iterator());
        } else {
            byJackson(value instanceof POJONode pojo ? pojo.getPojo() : value);
        }
    }

    private void node(JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case STRING -> string(node.textValue());
            case NUMBER -> {
                if (node.canConvertToLong() && node.isIntegralNumber()) {
                    integer(node.longValue());
                } else {
                    floating(node.asText(), !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()));
                }
            }
            case BOOLEAN -> out.writeBytes(node.booleanValue() ? TRUE : FALSE);
            case NULL, MISSING -> out.writeBytes(NULL);
            case BINARY -> placeholder(node.binaryValue());
            case ARRAY -> array(node.elements());
            case OBJECT -> {
                out.writeByte('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        out.writeByte(',');
                    }
                    first = false;
                    string(field.getKey());
                    out.writeByte(':');
                    node(field.getValue());
                }
                out.writeByte('}');
            }
            default -> byJackson(node);
        }
    }

    private void array(Iterator<?> elements) throws IOException {
        out.writeByte('[');
        for (boolean first = true; elements.hasNext(); first = false) {
            if (!first) {
                out.writeByte(',');
            }
            value(elements.next());
        }
        out.writeByte(']');
    }

    private void integer(long value) {
        writeDecimal(out, value);
    }

    /** A whole number in decimal, without an intermediate string. */
    static void writeDecimal(ByteBuf out, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                io.netty.buffer.ByteBufUtil.writeAscii(out, Long.toString(value));
                return;
            }
            out.writeByte('-');
            value = -value;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        out.ensureWritable(digits);
        int at = out.writerIndex();
        for (int i = at + digits - 1; i >= at; i--) {
            out.setByte(i, '0' + (int) (value % 10));
            value /= 10;
        }
        out.writerIndex(at + digits);
    }

    /** A non-finite number is written as a string, as Jackson does by default. */
    private void floating(String text, boolean finite) {
        if (!finite) {
            out.writeByte('"');
        }
        io.netty.buffer.ByteBufUtil.writeAscii(out, text);
        if (!finite) {
            out.writeByte('"');
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8. */
    private void string(String s) {
        out.ensureWritable(s.length() + 2);
        out.writeByte('"');
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.writeByte(c);
            } else if (c < 0x80) {
                escapeAscii(c);
            } else if (c < 0x800) {
                out.writeByte(0xC0 | (c >> 6)).writeByte(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.writeByte(0xF0 | (cp >> 18)).writeByte(0x80 | ((cp >> 12) & 0x3F))
                        .writeByte(0x80 | ((cp >> 6) & 0x3F)).writeByte(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                out.writeByte(0xE0 | (c >> 12)).writeByte(0x80 | ((c >> 6) & 0x3F)).writeByte(0x80 | (c & 0x3F));
            }
        }
        out.writeByte('"');
    }

    private void escapeAscii(char c) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (shortForm != 0) {
            out.writeByte('\\').writeByte(shortForm);
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        out.writeByte('\\').writeByte('u')
                .writeByte(HEX[c >> 12]).writeByte(HEX[(c >> 8) & 0xF]).writeByte(HEX[(c >> 4) & 0xF]).writeByte(HEX[c & 0xF]);
    }

    private void placeholder(byte[] data) {
        if (attachments == null) {
            attachments = new ArrayList<>(2);
        }
        out.writeBytes(PLACEHOLDER);
        integer(attachments.size());
        out.writeByte('}');
        attachments.add(data);
    }

    /** Values of other types, as the application's mapper writes them; binary values inside them become placeholders too. */
    private void byJackson(Object value) throws IOException {
        if (jackson == null) {
            JsonGenerator generator = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(out));
            generator.setRootValueSeparator(null); // its values are elements of our arrays
            if (attachments == null) {
                attachments = new ArrayList<>(2);
            }
            jackson = new AttachmentCollector(generator, attachments);
        }
        mapper.writeValue(jackson, value);
        jackson.flush(); // before anything else is written to the buffer
    }
}
