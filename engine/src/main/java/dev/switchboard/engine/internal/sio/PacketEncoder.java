package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.internal.eio.EngineFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes outgoing Socket.IO packets straight into the Engine.IO frames that carry them (the text
 * frame already has its {@code 4} message prefix). JSON is written once, into a pooled buffer, by a
 * {@link JsonWriter}; a packet that turned out to hold binary values gets its header rewritten as
 * BINARY_EVENT/ACK.
 */
final class PacketEncoder {

    private final ObjectMapper mapper;
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    PacketEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    EngineFrame[] event(String namespace, String event, Object[] args, int ackId) {
        return encode(SioPacket.EVENT, namespace, ackId, event, args);
    }

    EngineFrame[] event(String namespace, String event, List<JsonNode> args) {
        return encode(SioPacket.EVENT, namespace, -1, event, args.toArray());
    }

    EngineFrame[] ack(String namespace, int ackId, Object[] args) {
        return encode(SioPacket.ACK, namespace, ackId, null, args);
    }

    EngineFrame[] connect(String namespace, String sid) {
        return text(SioPacket.CONNECT, namespace, "{\"sid\":\"" + sid + "\"}");
    }

    EngineFrame[] connectError(String namespace, String message, Object data) {
        ObjectNode error = mapper.createObjectNode();
        error.put("message", message);
        if (data != null) {
            error.set("data", mapper.valueToTree(data));
        }
        return text(SioPacket.CONNECT_ERROR, namespace, error.toString());
    }

    EngineFrame[] disconnect(String namespace) {
        return text(SioPacket.DISCONNECT, namespace, "");
    }

    private EngineFrame[] text(int type, String namespace, String json) {
        ByteBuf buf = EngineFrame.buffer(alloc, 4 + namespace.length() + json.length());
        buf.writeByte('4').writeByte('0' + type);
        writeNamespace(buf, namespace);
        ByteBufUtil.writeUtf8(buf, json);
        return new EngineFrame[] {EngineFrame.text(buf)};
    }

    /** The packet's JSON array is {@code [event, ...args]}, or {@code [...args]} when {@code event} is null (an ack). */
    private EngineFrame[] encode(int type, String namespace, int ackId, String event, Object[] args) {
        ByteBuf buf = EngineFrame.buffer(alloc, 256);
        try {
            buf.writeByte('4').writeByte('0' + type);
            int afterType = buf.writerIndex();
            writeNamespace(buf, namespace);
            if (ackId >= 0) {
                JsonWriter.writeDecimal(buf, ackId);
            }
            JsonWriter json = new JsonWriter(buf, mapper);
            buf.writeByte('[');
            if (event != null) {
                json.value(event);
            }
            for (int i = 0; i < args.length; i++) {
                if (i > 0 || event != null) {
                    buf.writeByte(',');
                }
                json.value(args[i]);
            }
            buf.writeByte(']');
            List<byte[]> attachments = json.attachments();
            if (attachments.isEmpty()) {
                return new EngineFrame[] {EngineFrame.text(buf)};
            }
            return withAttachments(type, buf, afterType, attachments);
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException("cannot encode Socket.IO packet", e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        } catch (StackOverflowError e) {
            buf.release();
            throw new IllegalArgumentException("cannot encode Socket.IO packet: a value nested too deeply (one that contains itself?)");
        }
    }

    private EngineFrame[] withAttachments(int type, ByteBuf plain, int afterType, List<byte[]> attachments) {
        String count = Integer.toString(attachments.size());
        ByteBuf header = EngineFrame.buffer(alloc, plain.readableBytes() + count.length() + 1);
        header.writeByte('4').writeByte('0' + type + (SioPacket.BINARY_EVENT - SioPacket.EVENT));
        ByteBufUtil.writeAscii(header, count);
        header.writeByte('-');
        header.writeBytes(plain, afterType, plain.writerIndex() - afterType);
        plain.release();
        EngineFrame[] frames = new EngineFrame[attachments.size() + 1];
        frames[0] = EngineFrame.text(header);
        for (int i = 0; i < attachments.size(); i++) {
            frames[i + 1] = EngineFrame.binary(Unpooled.wrappedBuffer(attachments.get(i)));
        }
        return frames;
    }

    private static void writeNamespace(ByteBuf buf, String namespace) {
        if (!namespace.equals("/")) {
            ByteBufUtil.writeUtf8(buf, namespace);
            buf.writeByte(',');
        }
    }
}
