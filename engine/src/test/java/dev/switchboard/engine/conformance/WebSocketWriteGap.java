package dev.switchboard.engine.conformance;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

/**
 * A pipeline stage that lets one websocket frame leave at a time, with a pause after each. Only for
 * the official socket.io-protocol test suite: its client (ws with once-listeners) loses the second
 * of two messages that arrive in the same read, e.g. the CONNECT reply and the first emit. No real
 * client needs it. Other messages (HTTP responses of long-polling) pass untouched unless frames wait
 * before them.
 */
final class WebSocketWriteGap extends ChannelOutboundHandlerAdapter {

    private final long gapNanos;
    private PendingWriteQueue held;
    private long nextAllowed;
    private boolean timerSet;

    WebSocketWriteGap(long gapNanos) {
        this.gapNanos = gapNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        held = new PendingWriteQueue(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (isFrame(msg) || !held.isEmpty()) {
            held.add(msg, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        release(ctx);
    }

    /** Lets out what waits up to and including the next frame, if its pause is over; plans the next round. */
    private void release(ChannelHandlerContext ctx) {
        long now = System.nanoTime();
        if (!held.isEmpty() && now - nextAllowed >= 0) {
            Object next;
            while ((next = held.current()) != null) {
                boolean frame = isFrame(next);
                held.removeAndWrite();
                if (frame) {
                    nextAllowed = now + gapNanos;
                    break;
                }
            }
        }
        ctx.flush();
        if (!held.isEmpty() && !timerSet) {
            timerSet = true;
            ctx.executor().schedule(() -> {
                timerSet = false;
                release(ctx);
            }, Math.max(0, nextAllowed - now), TimeUnit.NANOSECONDS);
        }
    }

    /** A websocket frame: Netty's, or a plain buffer, which the engine writes with its frame header in place. */
    private static boolean isFrame(Object msg) {
        return msg instanceof WebSocketFrame || msg instanceof ByteBuf;
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        held.removeAndFailAll(new ClosedChannelException());
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.removeAndFailAll(new ClosedChannelException());
    }
}
