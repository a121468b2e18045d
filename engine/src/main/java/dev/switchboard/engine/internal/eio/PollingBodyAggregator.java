package dev.switchboard.engine.internal.eio;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * Collects request bodies up to {@code maxPayload}. A larger POST gets 413 and ends its session,
 * as a client that ignores the advertised limit cannot be trusted with the rest of the stream.
 * Requests for other paths are held to the smaller {@code httpMaxBody} as soon as their
 * Content-Length says so (the router checks bodies without one once aggregated).
 */
public final class PollingBodyAggregator extends HttpObjectAggregator {

    private final EngineIo engine;
    private final OtherPaths otherPaths;

    /** @param otherPaths the app's other paths, or null when there are none */
    public PollingBodyAggregator(EngineIo engine, OtherPaths otherPaths) {
        super(engine.config().maxPayload());
        this.engine = engine;
        this.otherPaths = otherPaths;
    }

    @Override
    protected boolean isContentLengthInvalid(HttpMessage start, int maxContentLength) {
        if (isOtherPath(start)) {
            return HttpUtil.getContentLength(start, -1L) > otherPaths.maxBody();
        }
        return super.isContentLengthInvalid(start, maxContentLength);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (isOtherPath(oversized)) {
            // as Netty's own answer does: on a keep-alive connection the rest of the body is read and
            // dropped, so the client, still sending, gets to read the answer; otherwise close after it
            boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
            otherPaths.write(new PollRequest(ctx, keepAlive, oversized.headers().get("origin")), otherPaths.tooLarge());
            return;
        }
        if (oversized instanceof HttpRequest request) {
            List<String> sid = new QueryStringDecoder(request.uri()).parameters().get("sid");
            EngineSession session = sid == null ? null : engine.session(sid.get(0));
            if (session != null) {
                session.abort("transport error", "request body larger than maxPayload");
            }
        }
        super.handleOversizedMessage(ctx, oversized);
    }

    private boolean isOtherPath(HttpMessage message) {
        return otherPaths != null && message instanceof HttpRequest request
                && !engine.servesPath(new QueryStringDecoder(request.uri()).path());
    }
}
