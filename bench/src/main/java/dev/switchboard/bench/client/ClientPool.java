package dev.switchboard.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Many Socket.IO websocket connections on a few event-loop threads (epoll when available).
 * Connections can be spread over several loopback source addresses so that tens of thousands of
 * them never run out of ephemeral ports.
 */
public final class ClientPool implements AutoCloseable {

    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final URI uri;
    private final InetSocketAddress remote;
    private final List<String> sourceAddresses;

    public ClientPool(String host, int port, int threads, List<String> sourceAddresses) {
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, io);
        this.uri = URI.create("ws://" + host + ":" + port + "/socket.io/?EIO=4&transport=websocket");
        this.remote = new InetSocketAddress(host, port);
        this.sourceAddresses = List.copyOf(sourceAddresses);
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    /** Opens connection number {@code index}; the listener hears whether Socket.IO accepted it. */
    public SioConnection connect(int index, String authJson, SioListener listener) {
        SioConnection connection = new SioConnection(index, authJson, listener);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(10_000)
                .dropPongFrames(true)
                .build();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(
                        new HttpClientCodec(),
                        new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(config),
                        new WebSocketFrameAggregator(MAX_FRAME),
                        connection);
            }
        });
        ChannelFuture future = sourceAddresses.isEmpty()
                ? b.connect(remote)
                : b.connect(remote, new InetSocketAddress(sourceAddresses.get(index % sourceAddresses.size()), 0));
        future.addListener(f -> {
            if (!f.isSuccess()) {
                listener.connectFailed(connection, "TCP connect failed: " + f.cause());
            }
        });
        return connection;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
