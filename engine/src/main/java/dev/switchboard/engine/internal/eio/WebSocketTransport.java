package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The websocket transport: one Engine.IO packet per frame, binary frames carry raw bytes. */
final class WebSocketTransport extends SimpleChannelInboundHandler<WebSocketFrame> implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    private final Channel channel;
    private final EngineSession session;
    private final int maxPayload;
    private final boolean compressed;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final long CLOSE_GRACE_MS = 1000;
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private volatile boolean closing;
    private volatile boolean refused;

    /** @param compressed whether messages go through per-message compression (which only knows Netty's frames) */
    WebSocketTransport(Channel channel, EngineSession session, int maxPayload, boolean compressed) {
        this.channel = channel;
        this.session = session;
        this.maxPayload = maxPayload;
        this.compressed = compressed;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (refused) {
            return; // the client already broke a rule; its connection is closing
        }
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            EventLoop loop = session.loop();
            if (loop.inEventLoop()) {
                dispatch(frame);
            } else {
                frame.retain();
                loop.execute(() -> {
                    try {
                        dispatch(frame);
                    } finally {
                        frame.release();
                    }
                });
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void dispatch(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            session.receive(frame.content(), this);
        } else {
            session.receiveBinary(ByteBufUtil.getBytes(frame.content()), this);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session.loop().inEventLoop()) {
            session.readComplete(this);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            session.wake();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.loop().execute(() -> session.transportClosed(this, "transport close"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        WebSocketCloseStatus status = cause instanceof CorruptedWebSocketFrameException corrupted
                ? corrupted.closeStatus() : WebSocketCloseStatus.PROTOCOL_ERROR;
        if (cause instanceof TooLongFrameException || status.equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
            refuseFromChannel(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message larger than maxPayload (" + maxPayload + " bytes)");
        } else if (cause instanceof CorruptedFrameException) {
            refuseFromChannel(status, "invalid websocket frame: " + cause.getMessage());
        } else {
            log.debug("websocket of session {} failed", session.id(), cause);
            ctx.close();
        }
    }

    /** The client broke a websocket rule: nothing it sends from now on counts, and its session ends as a transport error. */
    private void refuseFromChannel(WebSocketCloseStatus status, String reason) {
        if (refused) {
            return;
        }
        refused = true;
        session.loop().execute(() -> session.refuse(this, "transport error", status.code(), reason));
    }

    @Override
    public boolean writable() {
        return channel.isWritable();
    }

    /**
     * A frame whose content leaves room before it gets its websocket header written there and leaves
     * as it is (Netty's encoder lets a plain buffer pass); other frames, and every frame when messages
     * are compressed, go through Netty's websocket encoder.
     */
    @Override
    public void write(EngineFrame frame) {
        ByteBuf content = frame.content();
        if (!compressed && content.readerIndex() >= headerSize(content.readableBytes())) {
            channel.write(withHeader(content, frame.binary()), channel.voidPromise());
        } else {
            channel.write(frame.binary() ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content),
                    channel.voidPromise());
        }
    }

    private static int headerSize(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
    }

    /**
     * Writes an unmasked, final websocket frame header just before the readable bytes (RFC 6455 5.2).
     * A broadcast's recipients share the bytes of one packet, each with its own indexes: every one
     * writes the same header at the same place.
     */
    private static ByteBuf withHeader(ByteBuf content, boolean binary) {
        int length = content.readableBytes();
        int at = content.readerIndex() - headerSize(length);
        content.setByte(at, 0x80 | (binary ? OPCODE_BINARY : OPCODE_TEXT));
        if (length < 126) {
            content.setByte(at + 1, length);
        } else if (length <= 0xFFFF) {
            content.setByte(at + 1, 126);
            content.setShort(at + 2, length);
        } else {
            content.setByte(at + 1, 127);
            content.setLong(at + 2, length);
        }
        return content.readerIndex(at);
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close(boolean tellClient) {
        sendClose(WebSocketCloseStatus.NORMAL_CLOSURE.code(), WebSocketCloseStatus.NORMAL_CLOSURE.reasonText());
    }

    @Override
    public void refuse(int code, String reason) {
        refused = true;
        sendClose(code, reason);
    }

    /**
     * Sends a close frame after what was written so far, then ends the connection without waiting
     * for the client's answer, within {@link #CLOSE_GRACE_MS} even when the flush is stuck. After the
     * close frame only the output is shut: what the client is still sending (the rest of a frame over
     * maxPayload) is read and dropped, since closing a socket with unread input resets it and the client
     * would lose the farewell and the close frame before it read them.
     */
    private void sendClose(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        if (!channel.isWritable()) {
            channel.close(); // a close frame would wait behind data the client does not read
        } else if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, fitCloseReason(reason))).addListener(sent -> {
                if (sent.isSuccess() && channel instanceof DuplexChannel duplex && channel.isActive()) {
                    duplex.shutdownOutput();
                } else {
                    channel.close();
                }
            });
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** A close frame's reason is at most 123 bytes of UTF-8. */
    static String fitCloseReason(String reason) {
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_CLOSE_REASON_BYTES) {
            return reason;
        }
        int end = MAX_CLOSE_REASON_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // do not cut a character in two
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
