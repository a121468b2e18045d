package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: heartbeat, transport upgrade, close. All of its state belongs to one
 * event loop; other threads reach it through {@link #send} and {@link #close}, which hop onto that
 * loop. Frames sent on the loop go straight to the transport; frames sent from other threads wait
 * in an {@link Outbox} drained in one go, so a burst of emits costs one wake-up and one flush. The
 * outbox is bounded (see {@code outboundBufferLimit}).
 */
public final class EngineSession {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final AtomicIntegerFieldUpdater<EngineSession> DRAIN =
            AtomicIntegerFieldUpdater.newUpdater(EngineSession.class, "drainScheduled");

    /** Why a session is closed when its client does not read what is sent to it. */
    public static final String OUTBOUND_BUFFER_FULL = "outbound buffer full";
    private static final long UPGRADE_CHECK_MS = 100;

    private final EngineIo engine;
    private final String sid;
    private final EventLoop loop;
    private final HandshakeRequest request;
    private final Outbox outbox = new Outbox();
    private final Runnable drainTask = this::drain;
    private volatile int drainScheduled;
    private volatile Transport transport;
    private volatile boolean closed;
    /** Set off the loop by {@link #closeFollows}, read by the drain task on the loop. */
    private volatile boolean closing;
    private boolean unflushed;
    private SessionListener listener;
    private WebSocketTransport probe;
    private io.netty.util.concurrent.Future<?> heartbeat;
    private long pingDue;
    private long pongDeadline;
    private io.netty.util.concurrent.Future<?> upgradeTimer;
    private io.netty.util.concurrent.Future<?> upgradeCheck;

    EngineSession(EngineIo engine, String sid, EventLoop loop, HandshakeRequest request) {
        this.engine = engine;
        this.sid = sid;
        this.loop = loop;
        this.request = request;
    }

    public String id() {
        return sid;
    }

    public EventLoop loop() {
        return loop;
    }

    public HandshakeRequest request() {
        return request;
    }

    /** {@code "polling"} or {@code "websocket"}. */
    public String transportName() {
        Transport t = transport;
        return t == null ? "polling" : t.name();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Starts the session on its first transport (on the loop, right after the open packet went out). */
    void start(Transport first) {
        transport = first;
        listener = engine.newListener(this);
        schedulePing();
    }

    // ---- outgoing, any thread ------------------------------------------------------------------

    public void send(EngineFrame frame) {
        if (closed) {
            frame.release();
        } else if (canWriteNow()) {
            transport.write(frame);
            flushSoon();
        } else {
            outbox.add(frame);
            wake();
        }
    }

    /** Sends frames that must stay together (a packet and its binary attachments). */
    public void send(EngineFrame[] frames) {
        if (closed) {
            Outbox.release(frames);
        } else if (canWriteNow()) {
            Outbox.write(transport, frames);
            flushSoon();
        } else {
            outbox.add(frames);
            wake();
        }
    }

    /**
     * On the loop, with nothing queued before it, a packet goes straight to the transport; the
     * flush waits for the end of the websocket read at hand ({@link #readComplete}) or else for the
     * drain task, which the loop runs after the reads at hand: the replies to one read leave in one
     * flush.
     */
    private boolean canWriteNow() {
        return loop.inEventLoop() && outbox.isEmpty() && transport.writable();
    }

    private void flushSoon() {
        unflushed = true;
        wake();
    }

    /**
     * The websocket finished handing over what it read (on the loop): the replies of the packets it
     * carried leave now, before the loop reads the next connection, as Node's would. The drain task
     * still runs and finds nothing left to flush.
     */
    void readComplete(Transport from) {
        if (from == transport && unflushed) {
            unflushed = false;
            from.flush();
        }
    }

    /** Schedules a drain of the outbox (also when the websocket became writable again). */
    void wake() {
        if (DRAIN.compareAndSet(this, 0, 1)) {
            loop.execute(drainTask);
        }
    }

    /**
     * Moves queued packets to the transport and flushes once: packets queued while the loop was
     * busy leave together. A websocket takes packets only while Netty's outbound buffer is under
     * its high water mark; the rest waits in the outbox, bounded by {@code outboundBufferLimit}.
     */
    private void drain() {
        drainScheduled = 0;
        if (closed) {
            outbox.releaseAll(); // enqueued while the session was closing
            return;
        }
        if (closing) {
            return; // the close on its way drains everything, with its close packet in the same response
        }
        Transport t = transport;
        if (outbox.moveWhileWritable(t) || unflushed) {
            unflushed = false;
            t.flush();
        }
        long backlog = outbox.bytes() + t.bufferedBytes();
        if (backlog > engine.config().outboundBufferLimit()) {
            log.warn("session {} closed: outbound buffer full ({} bytes waiting for a client that does not read)",
                    sid, backlog);
            close(OUTBOUND_BUFFER_FULL, false);
        }
    }

    /** Everything queued goes to the transport now (before a close, after an upgrade). */
    private void drainAll() {
        Transport t = transport;
        outbox.moveAll(t);
        unflushed = false;
        t.flush();
    }

    /**
     * A server-side close from another thread follows ({@link #close(String)}): until it runs, queued packets
     * wait for it, so the packets sent just before it (a namespace disconnect) and the close packet leave in
     * one response, as Node's server sends them in one tick, instead of a poll taking the first alone.
     */
    public void closeFollows() {
        closing = true;
    }

    /** Server-side close, from any thread: the client is told, buffered packets still go out first. */
    public io.netty.util.concurrent.Future<?> close(String reason) {
        if (loop.inEventLoop()) {
            close(reason, true);
            return loop.newSucceededFuture(null);
        }
        return loop.submit(() -> close(reason, true));
    }

    // ---- incoming, on the loop -----------------------------------------------------------------

    void receive(ByteBuf packet, Transport from) {
        if (closed || !packet.isReadable()) {
            return;
        }
        if (from == probe) {
            onProbePacket(packet);
            return;
        }
        if (from != transport) {
            return;
        }
        byte type = packet.getByte(packet.readerIndex());
        if (type != EngineFrame.PONG) {
            clientAlive();
        }
        switch (type) {
            case EngineFrame.MESSAGE -> listener.onMessage(packet.skipBytes(1));
            case EngineFrame.PONG -> onPong();
            case EngineFrame.CLOSE -> close("transport close", false, true);
            case EngineFrame.PING, EngineFrame.NOOP, EngineFrame.UPGRADE -> { }
            default -> close("parse error", false);
        }
    }

    void receiveBinary(byte[] data, Transport from) {
        if (!closed && from == transport) {
            clientAlive();
            listener.onBinary(data);
        }
    }

    /** A long-polling GET for this session (on the loop). */
    void poll(PollRequest request) {
        expireIfLate(request);
        if (transport instanceof PollingTransport polling) {
            polling.poll(request);
        } else {
            engine.responder().error(request, EngineError.BAD_REQUEST);
        }
    }

    /** A long-polling POST for this session (on the loop). */
    void data(PollRequest request, ByteBuf body) {
        expireIfLate(request);
        if (transport instanceof PollingTransport polling) {
            polling.data(request, body);
        } else {
            engine.responder().error(request, EngineError.BAD_REQUEST);
        }
    }

    /**
     * Ends the session because the client broke a rule (any thread). A websocket client is told
     * {@code detail} in a close frame with code 1008 (policy violation), after the farewell of the
     * layer above; a polling client just finds the session gone.
     */
    public void abort(String reason, String detail) {
        loop.execute(() -> refuse(transport, reason, WebSocketCloseStatus.POLICY_VIOLATION.code(), detail));
    }

    /**
     * A transport refuses what the client sent (on the loop): the client gets the farewell of the
     * layer above, then the transport's refusal, and the session ends with {@code reason}.
     */
    void refuse(Transport t, String reason, int code, String detail) {
        if (closed || t != transport) {
            t.refuse(code, detail);
            return;
        }
        for (EngineFrame frame : listener.farewell()) {
            t.write(frame);
        }
        t.refuse(code, detail);
        close(reason, false);
    }

    /** A transport ended on its own (connection lost, client closed it). */
    void transportClosed(Transport t, String reason) {
        if (t == probe) {
            cancelUpgrade();
        } else if (t == transport && !closed) {
            close(reason, false);
        }
    }

    /** The polling transport broke the protocol (e.g. overlapping polls). */
    void transportError(Transport t, String reason) {
        if (t == transport && !closed) {
            close(reason, false);
        }
    }

    // ---- heartbeat ---------------------------------------------------------------------------

    /**
     * The next ping is planned pingInterval after the session opened or the last pong.
     */
    private void schedulePing() {
        long interval = engine.config().pingInterval().toNanos();
        pingDue = System.nanoTime() + interval;
        heartbeat = loop.schedule(this::ping, interval, TimeUnit.NANOSECONDS);
    }

    private void ping() {
        if (closed) {
            return;
        }
        // the client has pingTimeout from the moment the ping reaches it; one that is not listening
        // (no poll waiting) has it from the planned instant
        long sent = transport.deliversNow() ? System.nanoTime() : pingDue;
        send(EngineFrame.ping());
        pongDeadline = sent + engine.config().pingTimeout().toNanos();
        heartbeat = loop.schedule(this::pingTimedOut, Math.max(0, pongDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void pingTimedOut() {
        long left = pongDeadline - System.nanoTime();
        if (left > 0) {
            heartbeat = loop.schedule(this::pingTimedOut, left, TimeUnit.NANOSECONDS); // deadline moved
        } else if (!closed) {
            close("ping timeout", false);
        }
    }

    /** As in Node: any packet from the client while its pong is awaited proves it alive for another cycle. */
    private void clientAlive() {
        if (pongDeadline != 0) {
            pongDeadline = System.nanoTime() + engine.config().pingInterval().plus(engine.config().pingTimeout()).toNanos();
        }
    }

    /**
     * A request read after the pong deadline finds the session expired, even when the event loop
     * gets to it before the timeout task (a loop runs tasks from I/O before timers that fell due
     * meanwhile); Node, whose timers run before I/O, behaves the same way.
     */
    private void expireIfLate(PollRequest request) {
        if (pongDeadline != 0 && request.receivedNanos() - pongDeadline > 0) {
            pingTimedOut();
        }
    }

    private void onPong() {
        if (heartbeat != null && heartbeat.cancel(false)) {
            pongDeadline = 0;
            schedulePing();
        }
    }

    // ---- upgrade -----------------------------------------------------------------------------

    /** A websocket opened with this session's id wants to take over from polling. */
    void offerProbe(WebSocketTransport ws) {
        if (closed || probe != null || !(transport instanceof PollingTransport)) {
            ws.close(false);
            return;
        }
        probe = ws;
        upgradeTimer = loop.schedule(this::cancelUpgrade, engine.config().upgradeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onProbePacket(ByteBuf packet) {
        String text = packet.toString(StandardCharsets.UTF_8);
        if (text.equals("2probe")) {
            probe.write(EngineFrame.pongProbe());
            probe.flush();
            if (upgradeCheck == null && transport instanceof PollingTransport polling) {
                // as Node does: a waiting GET returns with a noop on the next tick, so the client can
                // pause polling and send "5"; a GET still waiting when "5" arrives is refused
                upgradeCheck = loop.scheduleAtFixedRate(polling::releasePendingPoll,
                        UPGRADE_CHECK_MS, UPGRADE_CHECK_MS, TimeUnit.MILLISECONDS);
            }
        } else if (text.equals("5")) {
            completeUpgrade();
        } else {
            cancelUpgrade();
        }
    }

    private void completeUpgrade() {
        stopUpgradeTimers();
        PollingTransport old = (PollingTransport) transport;
        WebSocketTransport ws = probe;
        probe = null;
        transport = ws;
        old.handOver(ws);
        drainAll();
    }

    private void cancelUpgrade() {
        if (probe != null) {
            WebSocketTransport failed = probe;
            probe = null;
            stopUpgradeTimers();
            failed.close(false);
        }
    }

    private void stopUpgradeTimers() {
        if (upgradeTimer != null) {
            upgradeTimer.cancel(false);
        }
        if (upgradeCheck != null) {
            upgradeCheck.cancel(false);
            upgradeCheck = null;
        }
    }

    // ---- close -------------------------------------------------------------------------------

    private void close(String reason, boolean tellClient) {
        close(reason, tellClient, tellClient);
    }

    /**
     * @param lingerForPoll keep a polling session findable until its next GET collects the last
     *     packet: after a server close it is the close packet, after the client's close packet a
     *     noop (its GET may reach us on another connection just after its POST)
     */
    private void close(String reason, boolean tellClient, boolean lingerForPoll) {
        if (closed) {
            return;
        }
        if (tellClient) {
            drainAll();
        }
        closed = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        cancelUpgrade();
        outbox.releaseAll();
        boolean lingers = lingerForPoll && transport instanceof PollingTransport polling && !polling.hasPendingPoll();
        if (!lingers) {
            engine.remove(this);
        } else {
            loop.schedule(() -> engine.remove(this), engine.config().pingInterval().plus(engine.config().pingTimeout())
                    .toMillis(), TimeUnit.MILLISECONDS);
        }
        if (transport instanceof PollingTransport polling) {
            polling.close(tellClient, lingers);
        } else {
            transport.close(tellClient);
        }
        log.debug("session {} closed: {}", sid, reason);
        try {
            listener.onClose(reason);
        } catch (RuntimeException e) {
            log.error("close listener of session {} failed", sid, e);
        }
    }

    /** The polling transport delivered the close packet: the session can be forgotten. */
    void closeDelivered() {
        engine.remove(this);
    }
}
