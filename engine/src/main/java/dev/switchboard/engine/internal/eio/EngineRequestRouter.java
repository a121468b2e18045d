package dev.switchboard.engine.internal.eio;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First stop of every HTTP request: checks it against the Engine.IO rules (path, EIO, transport,
 * sid, method), answers CORS preflights and errors, and hands valid ones to the session's polling
 * transport or turns the connection into a websocket transport.
 */
@ChannelHandler.Sharable
public final class EngineRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final EngineIo engine;
    private final HttpResponder responder;
    private final WebSocketDecoderConfig wsConfig;

    private final OtherPaths otherPaths;

    /** @param otherPaths serves the paths that are not the engine's; null answers them 404 */
    public EngineRequestRouter(EngineIo engine, OtherPaths otherPaths) {
        this.engine = engine;
        this.otherPaths = otherPaths;
        this.responder = engine.responder();
        this.wsConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(engine.config().maxPayload())
                .allowExtensions(engine.config().perMessageDeflate())
                .closeOnProtocolViolation(false) // the transport closes, with a reason of its own
                .build();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        PollRequest request = new PollRequest(ctx, HttpUtil.isKeepAlive(req), req.headers().get(HttpHeaderNames.ORIGIN));
        if (!req.decoderResult().isSuccess()) {
            responder.error(new PollRequest(ctx, false, request.origin()), EngineError.BAD_REQUEST);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        if (!engine.servesPath(uri.path()) && otherPaths != null) {
            otherPaths.serve(ctx, req, request, uri);
            return;
        }
        if (!engine.servesPath(uri.path())) {
            DefaultFullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER);
            notFound.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (HttpMethod.OPTIONS.equals(req.method())) {
            responder.preflight(request, req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS));
            return;
        }
        String transport = param(uri, "transport");
        if (!engine.allows(transport)) {
            responder.error(request, EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        if (!"4".equals(param(uri, "EIO"))) {
            responder.error(request, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        boolean websocket = transport.equals("websocket");
        boolean upgrade = "websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
        if (websocket && !upgrade) {
            responder.error(request, EngineError.BAD_REQUEST);
            return;
        }
        String sid = param(uri, "sid");
        if (sid == null) {
            if (!HttpMethod.GET.equals(req.method())) {
                responder.error(request, EngineError.BAD_HANDSHAKE_METHOD);
            } else if (websocket) {
                openWebSocket(ctx, req, uri, null);
            } else {
                openPolling(ctx, req, uri, request);
            }
            return;
        }
        EngineSession session = engine.session(sid);
        if (session == null) {
            responder.error(request, EngineError.UNKNOWN_SID);
        } else if (websocket) {
            openWebSocket(ctx, req, uri, session);
        } else if (HttpMethod.GET.equals(req.method())) {
            session.loop().execute(() -> session.poll(request));
        } else if (HttpMethod.POST.equals(req.method())) {
            req.retain();
            session.loop().execute(() -> {
                try {
                    session.data(request, req.content());
                } finally {
                    req.release();
                }
            });
        } else {
            responder.error(request, EngineError.BAD_REQUEST);
        }
    }

    private void openPolling(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri, PollRequest request) {
        EngineSession session = engine.create(ctx.channel().eventLoop(), handshake(ctx, req, uri));
        session.start(new PollingTransport(session, responder));
        responder.respond(request, HttpResponseStatus.OK, HttpResponder.TEXT, engine.openPacket(session, true));
    }

    /** Upgrades the connection; with no {@code session} it opens a websocket-only session, else it probes. */
    private void openWebSocket(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri,
                               EngineSession existing) {
        Channel channel = ctx.channel();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + req.headers().get(HttpHeaderNames.HOST) + uri.path(), null, wsConfig).newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }
        EngineSession session = existing != null ? existing
                : engine.create(channel.eventLoop(), handshake(ctx, req, uri));
        WebSocketTransport ws = new WebSocketTransport(channel, session, engine.config().maxPayload(),
                engine.config().perMessageDeflate());
        ctx.pipeline().addLast(new WebSocketFrameAggregator(engine.config().maxPayload()), ws);
        ctx.pipeline().remove(this);
        handshaker.handshake(channel, req).addListener(done -> {
            if (!done.isSuccess()) {
                if (existing == null) {
                    engine.remove(session);
                }
                channel.close();
            } else if (existing == null) {
                channel.writeAndFlush(new TextWebSocketFrame(engine.openPacket(session, false)));
                session.start(ws);
            } else {
                session.loop().execute(() -> session.offerProbe(ws));
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        PollingTransport waiting = ctx.channel().attr(PollingTransport.WAITING_POLL).getAndSet(null);
        if (waiting != null) {
            waiting.connectionLost(ctx);
        }
        ctx.fireChannelInactive();
    }

    private static String param(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * What the session keeps of its opening request, for its whole life. Its strings are interned:
     * most names and values are the same for every connection (user agent, origin, "websocket"); the
     * JVM drops an interned string once nothing uses it.
     */
    private static HandshakeRequest handshake(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri) {
        return new HandshakeRequest(interned(OtherPaths.headers(req)), interned(uri.parameters()),
                OtherPaths.address(ctx).intern(), req.uri().intern(), Instant.now());
    }

    private static Map<String, List<String>> interned(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name.intern(),
                list.size() == 1 ? List.of(list.get(0).intern()) : list.stream().map(String::intern).toList()));
        return Map.copyOf(copy);
    }
}
