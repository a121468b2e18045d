package dev.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * One raw Socket.IO v5 client over an Engine.IO v4 websocket (no polling, no upgrade): answers the
 * open packet with {@code 40<auth>}, pings with pongs, and hands acks and pushes to its listener.
 * All state is confined to the channel's event loop.
 */
public final class SioConnection extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final String PONG = "3";

    private final int index;
    private final String connectPacket;
    private final SioListener listener;
    private Channel channel;
    private boolean connected;
    private boolean refused;
    private int nextAckId;
    /** Per-connection state a workload keeps here, touched only on the event loop. */
    public Object state;

    SioConnection(int index, String authJson, SioListener listener) {
        this.index = index;
        this.connectPacket = authJson == null ? "40" : "40" + authJson;
        this.listener = listener;
    }

    public int index() {
        return index;
    }

    public boolean isConnected() {
        return connected;
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** The next acknowledgement id of this connection (ids only need to be unique per connection). */
    public int nextAckId() {
        return nextAckId++;
    }

    /** Sends a raw Engine.IO packet as a text frame. */
    public void send(String packet) {
        channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), packet)), channel.voidPromise());
    }

    /** Sends {@code 42<ackId>[...]}: {@code eventArray} is the JSON array {@code ["event", ...]}. */
    public void emitWithAck(int ackId, String eventArray) {
        send("42" + ackId + eventArray);
    }

    public void close() {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        ByteBuf content = frame.content();
        int start = content.readerIndex();
        int length = content.readableBytes();
        if (length == 0) {
            return;
        }
        switch (content.getByte(start)) {
            case '0' -> send(connectPacket);
            case '2' -> send(PONG);
            case '1' -> ctx.close();
            case '4' -> onSocketIoPacket(ctx, content, start + 1, start + length);
            default -> { }
        }
    }

    private void onSocketIoPacket(ChannelHandlerContext ctx, ByteBuf content, int at, int end) {
        if (at >= end) {
            return;
        }
        byte type = content.getByte(at);
        switch (type) {
            case '3' -> {
                int id = 0;
                int i = at + 1;
                for (; i < end; i++) {
                    byte b = content.getByte(i);
                    if (b < '0' || b > '9') {
                        break;
                    }
                    id = id * 10 + (b - '0');
                }
                String args = listener.wantsAckArgs() ? content.toString(i, end - i, StandardCharsets.UTF_8) : null;
                listener.ack(this, id, args);
            }
            case '2' -> listener.event(this, content.toString(at + 1, end - at - 1, StandardCharsets.UTF_8));
            case '0' -> {
                if (at + 1 < end && content.getByte(at + 1) == '/') {
                    return; // another namespace; this client only uses "/"
                }
                connected = true;
                listener.connected(this);
            }
            case '4' -> {
                String reason = content.toString(at + 1, end - at - 1, StandardCharsets.UTF_8);
                refused = true;
                ctx.close();
                listener.connectFailed(this, reason);
            }
            case '1' -> ctx.close();
            default -> { }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean wasConnected = connected;
        connected = false;
        if (wasConnected) {
            listener.closed(this);
        } else if (!refused) {
            listener.connectFailed(this, "connection closed before Socket.IO CONNECT");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
