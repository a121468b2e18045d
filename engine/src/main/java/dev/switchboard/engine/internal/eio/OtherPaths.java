package dev.switchboard.engine.internal.eio;

import dev.switchboard.engine.HttpHandler;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests for paths other than the Socket.IO path, when the app registered an {@link HttpHandler}:
 * preflights answered here, bodies over the limit refused here, the rest handed to the handler on
 * the worker pool and its answer written back with the CORS headers.
 */
public final class OtherPaths {

    private static final Logger log = LoggerFactory.getLogger(OtherPaths.class);

    private final HttpHandler handler;
    private final Executor workers;
    private final HttpResponder responder;
    private final int maxBody;

    public OtherPaths(HttpHandler handler, Executor workers, EngineIo engine) {
        this.handler = handler;
        this.workers = workers;
        this.responder = engine.responder();
        this.maxBody = engine.config().httpMaxBody();
    }

    int maxBody() {
        return maxBody;
    }

    HttpHandler.Response tooLarge() {
        return handler.refusal(413, "too_large", "request body over " + maxBody + " bytes");
    }

    void serve(ChannelHandlerContext ctx, FullHttpRequest req, PollRequest request, QueryStringDecoder uri) {
        if (HttpMethod.OPTIONS.equals(req.method())) {
            responder.preflight(request, req.headers().get("access-control-request-headers"));
            return;
        }
        if (req.content().readableBytes() > maxBody) {
            write(request, tooLarge());
            return;
        }
        HttpHandler.Request call = new HttpHandler.Request(req.method().name(), uri.path(), uri.rawQuery(),
                headers(req), ByteBufUtil.getBytes(req.content()), address(ctx));
        try {
            workers.execute(() -> write(request, answer(call)));
        } catch (RejectedExecutionException e) {
            write(request, handler.refusal(503, "unavailable", "server shutting down"));
        }
    }

    private HttpHandler.Response answer(HttpHandler.Request call) {
        try {
            return handler.handle(call);
        } catch (Exception | StackOverflowError e) {
            log.error("HTTP handler error: {} {} Error: {}", call.method(), call.path(), e.toString(), e);
            return handler.refusal(500, "internal", "the server failed to answer; it was logged");
        }
    }

    void write(PollRequest request, HttpHandler.Response response) {
        responder.respond(request, HttpResponseStatus.valueOf(response.status()), response.contentType(),
                Unpooled.wrappedBuffer(response.body()), response.headers());
    }

    static Map<String, List<String>> headers(FullHttpRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : req.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(req.headers().getAll(name)));
        }
        return Map.copyOf(headers);
    }

    static String address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }
}
