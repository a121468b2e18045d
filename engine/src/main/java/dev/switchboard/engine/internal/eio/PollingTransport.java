package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP long-polling: frames wait in a buffer until a GET collects them; POST bodies carry the
 * client's packets. At most one GET may wait at a time.
 */
final class PollingTransport implements Transport {

    /** Set on a connection while its GET waits here, so a dropped connection can be noticed. */
    static final AttributeKey<PollingTransport> WAITING_POLL = AttributeKey.valueOf("eio.waitingPoll");

    private final EngineSession session;
    private final HttpResponder responder;
    private final List<EngineFrame> buffer = new ArrayList<>(2);
    private long bufferedBytes;
    private PollRequest pending;
    private EngineFrame farewell;
    private boolean discarded;

    PollingTransport(EngineSession session, HttpResponder responder) {
        this.session = session;
        this.responder = responder;
    }

    @Override
    public String name() {
        return "polling";
    }

    @Override
    public void write(EngineFrame frame) {
        if (discarded) {
            frame.release();
        } else {
            buffer.add(frame);
            bufferedBytes += frame.content().readableBytes();
        }
    }

    @Override
    public boolean deliversNow() {
        return pending != null;
    }

    @Override
    public long bufferedBytes() {
        return bufferedBytes;
    }

    @Override
    public void flush() {
        if (pending != null && !buffer.isEmpty()) {
            answer(takePending(), buffer);
        }
    }

    /** A GET arrived (on the session's loop). */
    void poll(PollRequest request) {
        if (farewell != null) {
            buffer.add(farewell);
            farewell = null;
            answer(request, buffer);
            session.closeDelivered();
            return;
        }
        if (discarded) {
            responder.error(request, EngineError.BAD_REQUEST);
            return;
        }
        if (pending != null) {
            // two polls at once break packet ordering: refuse the newcomer and end the session
            responder.error(request, EngineError.BAD_REQUEST);
            session.transportError(this, "transport error");
            return;
        }
        if (!buffer.isEmpty()) {
            answer(request, buffer);
            return;
        }
        pending = request;
        request.ctx().channel().attr(WAITING_POLL).set(this);
    }

    /** A POST arrived (on the session's loop). */
    void data(PollRequest request, ByteBuf body) {
        if (discarded || !session.isOpen()) {
            responder.error(request, EngineError.BAD_REQUEST);
            return;
        }
        boolean valid = PollingPayload.decode(body, new PollingPayload.Sink() {
            @Override
            public void text(ByteBuf packet) {
                session.receive(packet, PollingTransport.this);
            }

            @Override
            public void binary(byte[] data) {
                session.receiveBinary(data, PollingTransport.this);
            }
        });
        if (valid) {
            responder.respond(request, HttpResponseStatus.OK, HttpResponder.TEXT, "ok");
        } else {
            responder.error(request, EngineError.BAD_REQUEST);
            session.transportError(this, "parse error");
        }
    }

    /** The connection of a waiting GET went away (called from any thread). */
    void connectionLost(ChannelHandlerContext ctx) {
        session.loop().execute(() -> {
            if (pending != null && pending.ctx() == ctx) {
                pending = null;
                session.transportClosed(this, "transport close");
            }
        });
    }

    boolean hasPendingPoll() {
        return pending != null;
    }

    /** During an upgrade: the waiting GET returns with a noop so the client can pause polling. */
    void releasePendingPoll() {
        if (pending != null) {
            answer(takePending(), List.of(EngineFrame.noop()));
        }
    }

    /**
     * The upgrade completed: whatever is buffered goes to the websocket, polling ends. A client
     * completes the upgrade only after its last poll returned, so a poll still waiting is refused.
     */
    void handOver(Transport next) {
        discarded = true;
        for (EngineFrame frame : buffer) {
            next.write(frame);
        }
        buffer.clear();
        bufferedBytes = 0;
        if (pending != null) {
            responder.error(takePending(), EngineError.BAD_REQUEST);
        }
    }

    @Override
    public void close(boolean tellClient) {
        close(tellClient, false);
    }

    /**
     * The last poll gets what is buffered and a close packet, or just a noop when the client closed.
     * With {@code awaitPoll} and no poll waiting, the next poll collects it.
     */
    void close(boolean tellClient, boolean awaitPoll) {
        if (discarded) {
            return;
        }
        discarded = true;
        if (!tellClient) {
            buffer.forEach(EngineFrame::release);
            buffer.clear();
            bufferedBytes = 0;
        }
        EngineFrame last = tellClient ? EngineFrame.close() : EngineFrame.noop();
        if (pending != null) {
            buffer.add(last);
            answer(takePending(), buffer);
        } else if (awaitPoll) {
            farewell = last;
        }
    }

    private PollRequest takePending() {
        PollRequest request = pending;
        pending = null;
        request.ctx().channel().attr(WAITING_POLL).set(null);
        return request;
    }

    private void answer(PollRequest request, List<EngineFrame> frames) {
        ByteBuf body;
        try {
            body = PollingPayload.encode(frames, request.ctx().alloc());
        } finally {
            frames.forEach(EngineFrame::release);
            if (frames == buffer) {
                buffer.clear();
                bufferedBytes = 0;
            }
        }
        responder.respond(request, HttpResponseStatus.OK, HttpResponder.TEXT, body);
    }
}
