package dev.switchboard.engine.internal;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import java.time.Duration;

/** Placeholder until the engine lands. */
public final class NettySocketIoServer implements SocketIoServer {
    private final EngineConfig config;

    public NettySocketIoServer(EngineConfig config) {
        this.config = config;
    }

    @Override public EngineConfig config() { return config; }
    @Override public Namespace namespace(String name) { throw new UnsupportedOperationException("engine not built yet"); }
    @Override public SocketIoServer start() { throw new UnsupportedOperationException("engine not built yet"); }
    @Override public int port() { return config.port(); }
    @Override public void stop(Duration grace) { }
}
