package dev.switchboard.engine.internal.eio;

import io.netty.channel.ChannelHandlerContext;

/** What is needed to answer one long-polling HTTP request later, possibly from another thread. */
record PollRequest(ChannelHandlerContext ctx, boolean keepAlive, String origin) {
}
