package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes Socket.IO v5 packets: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]}.
 * A binary packet is held until its attachments (the following binary messages) have arrived.
 * One decoder per connection, used on its event loop.
 */
final class PacketDecoder {

    static final class DecodeException extends Exception {
        DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final JsonReader json;
    private SioPacket awaiting;
    private List<byte[]> attachments;
    private int expected;

    PacketDecoder(JsonReader json) {
        this.json = json;
    }

    /** Decodes the buffer's readable bytes; returns the packet, or null while a binary packet still waits for its attachments. */
    SioPacket text(ByteBuf b) throws DecodeException {
        if (awaiting != null) {
            throw new DecodeException("text packet while reconstructing a binary packet");
        }
        int i = b.readerIndex();
        int len = b.writerIndex();
        if (i == len) {
            throw new DecodeException("empty packet");
        }
        int type = b.getByte(i) - '0';
        if (type < SioPacket.CONNECT || type > SioPacket.BINARY_ACK) {
            throw new DecodeException("unknown packet type");
        }
        i++;
        int attachmentCount = 0;
        if (type == SioPacket.BINARY_EVENT || type == SioPacket.BINARY_ACK) {
            int start = i;
            while (i < len && isDigit(b.getByte(i))) {
                attachmentCount = attachmentCount * 10 + (b.getByte(i) - '0');
                if (attachmentCount > 1_000) {
                    throw new DecodeException("too many attachments");
                }
                i++;
            }
            if (i == start || i >= len || b.getByte(i) != '-') {
                throw new DecodeException("illegal attachments");
            }
            i++;
        }
        String namespace = "/";
        if (i < len && b.getByte(i) == '/') {
            int start = i;
            while (i < len && b.getByte(i) != ',') {
                i++;
            }
            namespace = b.toString(start, i - start, StandardCharsets.UTF_8);
            if (i < len) {
                i++;
            }
        }
        int ackId = -1;
        if (i < len && isDigit(b.getByte(i))) {
            long id = 0;
            while (i < len && isDigit(b.getByte(i))) {
                id = id * 10 + (b.getByte(i) - '0');
                if (id > Integer.MAX_VALUE) {
                    throw new DecodeException("ack id too large");
                }
                i++;
            }
            ackId = (int) id;
        }
        JsonNode data = null;
        if (i < len) {
            b.readerIndex(i);
            try {
                data = json.read(b);
            } catch (StreamConstraintsException e) {
                throw new DecodeException("JSON beyond the parser's limits (" + limitBroken(e) + ")");
            } catch (JsonProcessingException e) {
                throw new DecodeException("invalid payload");
            } catch (IOException e) {
                throw new DecodeException("unreadable payload");
            }
        }
        if (!valid(type, data)) {
            throw new DecodeException("invalid payload");
        }
        SioPacket packet = new SioPacket(type, namespace, ackId, data, System.nanoTime());
        if (attachmentCount > 0) {
            awaiting = packet;
            expected = attachmentCount;
            attachments = new ArrayList<>(attachmentCount);
            return null;
        }
        return packet;
    }

    /** Returns the completed binary packet, or null while more attachments are due. */
    SioPacket binary(byte[] data) throws DecodeException {
        if (awaiting == null) {
            throw new DecodeException("unexpected binary message");
        }
        attachments.add(data);
        if (attachments.size() < expected) {
            return null;
        }
        SioPacket packet = awaiting;
        JsonNode filled = fill(packet.data(), attachments);
        awaiting = null;
        attachments = null;
        return new SioPacket(packet.type(), packet.namespace(), packet.ackId(), filled, System.nanoTime());
    }

    private static JsonNode fill(JsonNode node, List<byte[]> buffers) throws DecodeException {
        if (node instanceof ObjectNode object) {
            JsonNode placeholder = object.get("_placeholder");
            if (placeholder != null && placeholder.asBoolean(false)) {
                JsonNode num = object.get("num");
                if (num == null || !num.canConvertToInt() || num.asInt() < 0 || num.asInt() >= buffers.size()) {
                    throw new DecodeException("illegal attachment index");
                }
                return BinaryNode.valueOf(buffers.get(num.asInt()));
            }
            var fields = object.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                field.setValue(fill(field.getValue(), buffers));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), buffers));
            }
        }
        return node;
    }

    private static boolean valid(int type, JsonNode data) {
        return switch (type) {
            case SioPacket.CONNECT -> data == null || data.isObject();
            case SioPacket.DISCONNECT -> data == null;
            case SioPacket.EVENT, SioPacket.BINARY_EVENT -> data != null && data.isArray() && !data.isEmpty()
                    && (data.get(0).isNumber() || (data.get(0).isTextual() && !RESERVED_EVENTS.contains(data.get(0).asText())));
            case SioPacket.ACK, SioPacket.BINARY_ACK -> data != null && data.isArray();
            default -> false;
        };
    }

    /** Jackson's message without its pointer to the setting, e.g. "Document nesting depth (1001) exceeds the maximum allowed (1000". */
    private static String limitBroken(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        int settingNote = message.indexOf(", from");
        return settingNote < 0 ? message : message.substring(0, settingNote) + ")";
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
