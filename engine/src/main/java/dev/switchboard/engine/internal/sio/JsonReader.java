package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;

/**
 * Reads one JSON value from a buffer into a tree, with Jackson's streaming parser (the parser
 * enforces the factory's limits: nesting depth, string and number lengths). The tree is the one
 * Jackson's {@code readTree} builds with its default settings, without its per-call setup. Content
 * after the value is an error, as for {@code JSON.parse}.
 */
final class JsonReader {

    /** Bytes of a direct buffer are copied here to be parsed; one per thread, kept while small. */
    private static final int KEPT_SCRATCH_BYTES = 64 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private final JsonFactory factory;
    private final JsonNodeFactory nodes;

    JsonReader(JsonFactory factory, JsonNodeFactory nodes) {
        this.factory = factory;
        this.nodes = nodes;
    }

    /** The value in the buffer's readable bytes (which it consumes). */
    JsonNode read(ByteBuf in) throws IOException {
        int len = in.readableBytes();
        byte[] bytes;
        int offset;
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = scratch(len);
            offset = 0;
            in.getBytes(in.readerIndex(), bytes, 0, len);
        }
        in.skipBytes(len);
        try (JsonParser parser = factory.createParser(bytes, offset, len)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "no JSON value");
            }
            JsonNode value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the JSON value");
            }
            return value;
        }
    }

    private static byte[] scratch(int len) {
        byte[] scratch = SCRATCH.get();
        if (scratch.length >= len) {
            return scratch;
        }
        if (len > KEPT_SCRATCH_BYTES) {
            return new byte[len];
        }
        scratch = new byte[Math.min(KEPT_SCRATCH_BYTES, Math.max(len, scratch.length * 2))];
        SCRATCH.set(scratch);
        return scratch;
    }

    /** The value that starts at {@code token}; the parser's depth limit bounds the recursion. */
    private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(parser, "unexpected token " + token);
        };
    }
}
