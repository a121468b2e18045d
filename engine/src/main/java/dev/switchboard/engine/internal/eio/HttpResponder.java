package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Writes the engine's HTTP answers, each with the CORS headers its request calls for. */
final class HttpResponder {

    static final String TEXT = "text/plain; charset=UTF-8";
    static final String JSON = "application/json";

    private final CorsPolicy cors;

    HttpResponder(CorsPolicy cors) {
        this.cors = cors;
    }

    void respond(PollRequest request, HttpResponseStatus status, String contentType, ByteBuf body) {
        respond(request, status, contentType, body, java.util.Map.of());
    }

    void respond(PollRequest request, HttpResponseStatus status, String contentType, ByteBuf body,
                 java.util.Map<String, String> headers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        headers.forEach(response.headers()::set);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        cors.apply(request.origin(), response.headers());
        write(request, response);
    }

    void respond(PollRequest request, HttpResponseStatus status, String contentType, String body) {
        respond(request, status, contentType, ByteBufUtil.writeUtf8(request.ctx().alloc(), body));
    }

    void error(PollRequest request, EngineError error) {
        respond(request, HttpResponseStatus.BAD_REQUEST, JSON, error.json());
    }

    void preflight(PollRequest request, String requestHeaders) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT,
                Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        cors.applyPreflight(request.origin(), requestHeaders, response.headers());
        write(request, response);
    }

    private static void write(PollRequest request, FullHttpResponse response) {
        if (request.keepAlive()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            request.ctx().writeAndFlush(response, request.ctx().voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            request.ctx().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
