package dev.switchboard.engine.internal;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.HttpHandler;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import dev.switchboard.engine.internal.eio.EngineIo;
import dev.switchboard.engine.internal.eio.EngineSession;
import dev.switchboard.engine.internal.eio.OtherPaths;
import dev.switchboard.engine.internal.sio.SioServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the layers onto Netty: event loops, the worker pool, and the stages of each connection
 * ({@link ConnectionPipeline}). Sessions hand messages to the Socket.IO layer, which runs handlers
 * on the worker pool, or on the event loop for those that declared they never block. Paths other
 * than the Socket.IO path go to the app's {@link HttpHandler} when there is one.
 */
public final class NettySocketIoServer implements SocketIoServer {

    private static final Logger log = LoggerFactory.getLogger(NettySocketIoServer.class);

    private final EngineConfig config;
    private static final String SHUTTING_DOWN = "server shutting down";

    private final ThreadPoolExecutor workers;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final SioServer sio;
    private final EngineIo engine;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile int port = -1;
    private HttpHandler httpHandler;

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
    public synchronized SocketIoServer http(HttpHandler handler) {
        if (serverChannel != null) {
            throw new IllegalStateException("register the HTTP handler before start()");
        }
        this.httpHandler = handler;
        return this;
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
        io = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("sio-io"), handlers);
        OtherPaths otherPaths = httpHandler == null ? null : new OtherPaths(httpHandler, workers, engine);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // reads start at 512 bytes, not 64: a small packet then fits one read, where a buffer it
                // filled exactly would cost a second read only to learn the socket is empty
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 2048, 65536))
                // above 256 KiB unsent a websocket takes no more packets; they wait in the session's bounded outbox
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ConnectionPipeline(config, engine, otherPaths, connections));
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            // nothing was started for the caller to stop: release the loops here
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        serverChannel = bound.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("Socket.IO engine listening on {}:{}{} ({})", config.host(), port, config.path(), epoll ? "epoll" : "nio");
        return this;
    }

    @Override
    public int port() {
        return port >= 0 ? port : config.port();
    }

    /**
     * Stops accepting connections and reading from open ones, lets handlers in flight finish (their
     * replies still go out) up to {@code grace}, closes every session (clients get a websocket close
     * or a polling close packet; disconnect handlers see "server shutting down"), then releases the
     * threads.
     */
    @Override
    public synchronized void stop(Duration grace) {
        if (serverChannel == null) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        serverChannel.close().syncUninterruptibly();
        for (Channel connection : connections) {
            connection.config().setAutoRead(false);
        }
        boolean idle = awaitIdleWorkers(deadline);
        List<io.netty.util.concurrent.Future<?>> closes = new ArrayList<>();
        for (EngineSession session : engine.sessions()) {
            closes.add(session.close(SHUTTING_DOWN));
        }
        for (io.netty.util.concurrent.Future<?> close : closes) {
            close.awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        workers.shutdown(); // disconnect handlers queued by the closes still run
        try {
            long left = Math.max(TimeUnit.MILLISECONDS.toNanos(200), deadline - System.nanoTime());
            if (!workers.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                log.warn("handlers still running after the shutdown grace of {} ms; interrupting them", grace.toMillis());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        // the quiet period lets the close frames and last polling answers leave
        io.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverChannel = null;
        log.info("Socket.IO engine on port {} stopped{}", port, idle ? "" : " (grace expired with handlers running)");
    }

    /** Waits until no handler runs or waits to run (seen twice in a row: packets may be on their way from a loop). */
    private boolean awaitIdleWorkers(long deadline) {
        int idleChecks = 0;
        while (System.nanoTime() - deadline < 0) {
            idleChecks = workers.getActiveCount() == 0 && workers.getQueue().isEmpty() ? idleChecks + 1 : 0;
            if (idleChecks == 2) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
