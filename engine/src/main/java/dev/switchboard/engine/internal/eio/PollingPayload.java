package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * The long-polling payload format of Engine.IO v4: packets separated by the record separator
 * {@code \x1e}, binary packets as {@code b<base64>}.
 */
final class PollingPayload {

    static final byte SEPARATOR = 0x1e;
    private static final byte BINARY_PREFIX = 'b';

    interface Sink {
        void text(ByteBuf packet);

        void binary(byte[] data);
    }

    private PollingPayload() { }

    static ByteBuf encode(List<EngineFrame> frames, ByteBufAllocator alloc) {
        int size = 0;
        for (EngineFrame frame : frames) {
            int n = frame.content().readableBytes();
            size += 1 + (frame.binary() ? 1 + (n + 2) / 3 * 4 : n);
        }
        ByteBuf out = alloc.buffer(size);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.writeByte(SEPARATOR);
            }
            EngineFrame frame = frames.get(i);
            ByteBuf content = frame.content();
            if (frame.binary()) {
                out.writeByte(BINARY_PREFIX);
                ByteBuffer encoded = Base64.getEncoder().encode(content.nioBuffer());
                out.writeBytes(encoded);
            } else {
                out.writeBytes(content, content.readerIndex(), content.readableBytes());
            }
        }
        return out;
    }

    /** Splits a POST body into packets; returns false when a binary packet is not valid base64. */
    static boolean decode(ByteBuf body, Sink sink) {
        int start = body.readerIndex();
        int end = body.writerIndex();
        while (start < end) {
            int sep = body.indexOf(start, end, SEPARATOR);
            int stop = sep < 0 ? end : sep;
            if (stop > start) {
                if (body.getByte(start) == BINARY_PREFIX) {
                    byte[] encoded = ByteBufUtil.getBytes(body, start + 1, stop - start - 1);
                    byte[] decoded;
                    try {
                        // the MIME decoder skips line breaks, which some clients (Java's 2.x) put in
                        decoded = Base64.getMimeDecoder().decode(encoded);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                    sink.binary(decoded);
                } else {
                    sink.text(body.slice(start, stop - start));
                }
            }
            start = stop + 1;
        }
        return true;
    }
}
