package dev.switchboard.engine.internal;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.internal.eio.EngineIo;
import dev.switchboard.engine.internal.eio.EngineRequestRouter;
import dev.switchboard.engine.internal.eio.OtherPaths;
import dev.switchboard.engine.internal.eio.PollingBodyAggregator;
import dev.switchboard.engine.internal.eio.RequestDeadline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;

/**
 * The stages of every accepted connection, one per job: HTTP codec → request deadline (closes a
 * connection that does not complete its request in time) → long-polling body aggregator →
 * (per-message compression, when enabled) → Engine.IO request router. The router answers polling
 * requests through the session's polling transport, swaps itself for the websocket transport, or
 * hands a request for another path to the app's {@link dev.switchboard.engine.HttpHandler} ({@link OtherPaths}).
 * Stages of the embedding application's {@link EngineConfig#pipelineExtension()} come last. A
 * connection over the cap per client address is closed before any stage is added.
 */
final class ConnectionPipeline extends ChannelInitializer<SocketChannel> {

    private final EngineConfig config;
    private final EngineIo engine;
    private final EngineRequestRouter router;
    private final OtherPaths otherPaths;
    private final ChannelGroup connections;
    private final ConnectionsPerAddress perAddress;

    /** @param otherPaths null when the app serves no other paths */
    ConnectionPipeline(EngineConfig config, EngineIo engine, OtherPaths otherPaths, ChannelGroup connections) {
        this.config = config;
        this.engine = engine;
        this.router = new EngineRequestRouter(engine, otherPaths);
        this.otherPaths = otherPaths;
        this.connections = connections;
        this.perAddress = new ConnectionsPerAddress(config.maxConnectionsPerAddress());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!perAddress.admit(ch)) {
            ch.close();
            return;
        }
        connections.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(new HttpServerCodec());
        p.addLast(new RequestDeadline(config.requestTimeout()));
        p.addLast(new PollingBodyAggregator(engine, otherPaths));
        if (config.perMessageDeflate()) {
            p.addLast(new WebSocketServerCompressionHandler(0));
        }
        p.addLast(router);
        config.pipelineExtension().accept(p);
    }
}
