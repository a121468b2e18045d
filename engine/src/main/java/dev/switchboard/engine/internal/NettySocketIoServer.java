package dev.switchboard.engine.internal;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import dev.switchboard.engine.internal.eio.EngineIo;
import dev.switchboard.engine.internal.eio.EngineRequestRouter;
import dev.switchboard.engine.internal.eio.EngineSession;
import dev.switchboard.engine.internal.eio.PollingBodyAggregator;
import dev.switchboard.engine.internal.sio.SioServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the layers onto Netty. Pipeline of a connection: HTTP codec → body aggregator →
 * Engine.IO request router, which either answers long-polling requests through the session's
 * polling transport or swaps itself for a websocket transport. Sessions hand messages to the
 * Socket.IO layer, which runs handlers on the worker pool.
 */
public final class NettySocketIoServer implements SocketIoServer {

    private static final Logger log = LoggerFactory.getLogger(NettySocketIoServer.class);

    private final EngineConfig config;
    private final ExecutorService workers;
    private final SioServer sio;
    private final EngineIo engine;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile int port = -1;

    public NettySocketIoServer(EngineConfig config) {
        this.config = config;
        this.workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("sio-worker", true));
        this.sio = new SioServer(config, workers);
        this.engine = new EngineIo(config, sio::newClient);
    }

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public Namespace namespace(String name) {
        return sio.namespace(name);
    }

    @Override
    public synchronized SocketIoServer start() {
        if (serverChannel != null) {
            return this;
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerSocketChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sio-accept"), handlers);
        io = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("sio-io"), handlers);
        EngineRequestRouter router = new EngineRequestRouter(engine);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new HttpServerCodec());
                        p.addLast(new PollingBodyAggregator(engine));
                        if (config.perMessageDeflate()) {
                            p.addLast(new WebSocketServerCompressionHandler(0));
                        }
                        p.addLast(router);
                    }
                });
        try {
            serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        }
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("Socket.IO engine listening on {}:{}{} ({})", config.host(), port, config.path(), epoll ? "epoll" : "nio");
        return this;
    }

    @Override
    public int port() {
        return port >= 0 ? port : config.port();
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        for (EngineSession session : engine.sessions()) {
            session.close("server shutting down");
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverChannel = null;
    }
}
