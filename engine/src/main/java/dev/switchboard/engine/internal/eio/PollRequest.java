package dev.switchboard.engine.internal.eio;

import io.netty.channel.ChannelHandlerContext;

/**
 * What is needed to answer one long-polling HTTP request later, possibly from another thread.
 *
 * @param receivedNanos when the request was read ({@link System#nanoTime()}), to judge it against
 *     the session's heartbeat deadline whatever the order in which the event loop runs its tasks
 */
record PollRequest(ChannelHandlerContext ctx, boolean keepAlive, String origin, long receivedNanos) {

    PollRequest(ChannelHandlerContext ctx, boolean keepAlive, String origin) {
        this(ctx, keepAlive, origin, System.nanoTime());
    }
}
