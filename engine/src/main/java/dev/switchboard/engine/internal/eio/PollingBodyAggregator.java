package dev.switchboard.engine.internal.eio;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * Collects request bodies up to {@code maxPayload}. A larger POST gets 413 and ends its session,
 * as a client that ignores the advertised limit cannot be trusted with the rest of the stream.
 */
public final class PollingBodyAggregator extends HttpObjectAggregator {

    private final EngineIo engine;

    public PollingBodyAggregator(EngineIo engine) {
        super(engine.config().maxPayload());
        this.engine = engine;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest request) {
            List<String> sid = new QueryStringDecoder(request.uri()).parameters().get("sid");
            EngineSession session = sid == null ? null : engine.session(sid.get(0));
            if (session != null) {
                session.abort("transport error", "request body larger than maxPayload");
            }
        }
        super.handleOversizedMessage(ctx, oversized);
    }
}
