package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * One Engine.IO packet on its way out. A text frame's content starts with the packet type
 * character ({@code 4hello}); a binary frame's content is the raw message bytes. Content made by
 * {@link #buffer} leaves {@link #HEADROOM} free bytes before it, where the websocket transport
 * writes its frame header instead of copying the packet into a frame of its own.
 */
public record EngineFrame(boolean binary, ByteBuf content) {

    /** The largest header of a websocket frame from server to client (unmasked, 64-bit length). */
    public static final int HEADROOM = 10;

    static final byte CLOSE = '1';
    static final byte PING = '2';
    static final byte PONG = '3';
    static final byte MESSAGE = '4';
    static final byte UPGRADE = '5';
    static final byte NOOP = '6';

    private static final byte[] PING_BYTES = {PING};
    private static final byte[] NOOP_BYTES = {NOOP};
    private static final byte[] CLOSE_BYTES = {CLOSE};
    private static final byte[] PONG_PROBE_BYTES = "3probe".getBytes(StandardCharsets.US_ASCII);

    /** A pooled buffer to write a frame's content into, with {@link #HEADROOM} free bytes before it. */
    public static ByteBuf buffer(ByteBufAllocator alloc, int contentCapacity) {
        ByteBuf buf = alloc.buffer(HEADROOM + contentCapacity);
        return buf.setIndex(HEADROOM, HEADROOM);
    }

    public static EngineFrame text(ByteBuf content) {
        return new EngineFrame(false, content);
    }

    public static EngineFrame binary(ByteBuf content) {
        return new EngineFrame(true, content);
    }

    static EngineFrame ping() {
        return text(Unpooled.wrappedBuffer(PING_BYTES));
    }

    static EngineFrame noop() {
        return text(Unpooled.wrappedBuffer(NOOP_BYTES));
    }

    static EngineFrame close() {
        return text(Unpooled.wrappedBuffer(CLOSE_BYTES));
    }

    static EngineFrame pongProbe() {
        return text(Unpooled.wrappedBuffer(PONG_PROBE_BYTES));
    }

    /** A frame sharing this one's bytes, with its own indexes and reference, for one more recipient. */
    public EngineFrame retainedDuplicate() {
        return new EngineFrame(binary, content.retainedDuplicate());
    }

    public void release() {
        content.release();
    }
}
