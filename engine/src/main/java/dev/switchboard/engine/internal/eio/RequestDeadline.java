package dev.switchboard.engine.internal.eio;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP connection that does not deliver a whole request in time: from the moment it opens,
 * and again from each response until the next request is complete. A connection that sends nothing,
 * half a header or half a body would otherwise hold a descriptor for ever. While a request waits for
 * its answer (a long-polling GET) no clock runs; a websocket upgrade removes this stage, the websocket
 * having its own heartbeat. Sits right after the HTTP codec.
 */
public final class RequestDeadline extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private ScheduledFuture<?> deadline;
    private int awaitingResponse;

    public RequestDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent) {
            awaitingResponse++;
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response
                && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            disarm();
            ctx.pipeline().remove(this);
        } else if (msg instanceof LastHttpContent && awaitingResponse > 0 && --awaitingResponse == 0) {
            arm(ctx);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> {
                deadline = null;
                ctx.channel().close();
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

}
