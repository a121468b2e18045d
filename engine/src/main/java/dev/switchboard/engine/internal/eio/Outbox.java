package dev.switchboard.engine.internal.eio;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * Packets sent to one session from threads other than its event loop, waiting for the loop to move
 * them to the transport. An item is a frame or frames that must stay together (a packet and its
 * binary attachments). Filled from any thread, emptied on the loop; the session bounds it by
 * {@link #bytes()}.
 */
final class Outbox {

    private static final AtomicLongFieldUpdater<Outbox> BYTES = AtomicLongFieldUpdater.newUpdater(Outbox.class, "bytes");

    private final Queue<Object> items = new ConcurrentLinkedQueue<>();
    private volatile long bytes;

    void add(EngineFrame frame) {
        BYTES.addAndGet(this, frame.content().readableBytes());
        items.add(frame);
    }

    void add(EngineFrame[] frames) {
        BYTES.addAndGet(this, size(frames));
        items.add(frames);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Bytes waiting here. */
    long bytes() {
        return bytes;
    }

    /** Moves packets, oldest first, while the transport is writable; returns whether any moved. */
    boolean moveWhileWritable(Transport t) {
        boolean moved = false;
        Object item;
        while (t.writable() && (item = items.poll()) != null) {
            BYTES.addAndGet(this, -size(item));
            write(t, item);
            moved = true;
        }
        return moved;
    }

    /** Moves every packet, whether or not the transport is writable (before a close, after an upgrade). */
    void moveAll(Transport t) {
        Object item;
        while ((item = items.poll()) != null) {
            BYTES.addAndGet(this, -size(item));
            write(t, item);
        }
    }

    /** Drops every packet (the session closed). */
    void releaseAll() {
        Object item;
        while ((item = items.poll()) != null) {
            BYTES.addAndGet(this, -size(item));
            release(item);
        }
    }

    static void write(Transport t, Object item) {
        if (item instanceof EngineFrame frame) {
            t.write(frame);
        } else {
            for (EngineFrame frame : (EngineFrame[]) item) {
                t.write(frame);
            }
        }
    }

    static void release(Object item) {
        if (item instanceof EngineFrame frame) {
            frame.release();
        } else {
            for (EngineFrame frame : (EngineFrame[]) item) {
                frame.release();
            }
        }
    }

    private static long size(Object item) {
        if (item instanceof EngineFrame frame) {
            return frame.content().readableBytes();
        }
        long total = 0;
        for (EngineFrame frame : (EngineFrame[]) item) {
            total += frame.content().readableBytes();
        }
        return total;
    }
}
