package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The websocket transport: one Engine.IO packet per frame, binary frames carry raw bytes. */
final class WebSocketTransport extends SimpleChannelInboundHandler<WebSocketFrame> implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    private final Channel channel;
    private final EngineSession session;

    WebSocketTransport(Channel channel, EngineSession session) {
        this.channel = channel;
        this.session = session;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
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
    public void channelInactive(ChannelHandlerContext ctx) {
        session.loop().execute(() -> session.transportClosed(this, "transport close"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (cause instanceof CorruptedFrameException) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            log.debug("websocket of session {} failed", session.id(), cause);
            ctx.close();
        }
    }

    @Override
    public void write(EngineFrame frame) {
        channel.write(frame.binary() ? new BinaryWebSocketFrame(frame.content()) : new TextWebSocketFrame(frame.content()),
                channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close(boolean tellClient) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
