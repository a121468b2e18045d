package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: heartbeat, transport upgrade, close. All of its state belongs to one
 * event loop; other threads reach it through {@link #send} and {@link #close}, which hop onto that
 * loop. Frames sent from other threads wait in an outbox drained in one go, so a burst of emits
 * costs one wake-up and one flush.
 */
public final class EngineSession {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final AtomicIntegerFieldUpdater<EngineSession> DRAIN =
            AtomicIntegerFieldUpdater.newUpdater(EngineSession.class, "drainScheduled");

    private final EngineIo engine;
    private final String sid;
    private final EventLoop loop;
    private final HandshakeRequest request;
    private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();
    private final Runnable drainTask = this::drain;
    private volatile int drainScheduled;
    private volatile Transport transport;
    private volatile boolean closed;
    private long holdUntil;
    private SessionListener listener;
    private WebSocketTransport probe;
    private io.netty.util.concurrent.Future<?> heartbeat;
    private io.netty.util.concurrent.Future<?> upgradeTimer;

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
        enqueue(frame);
    }

    /** Sends frames that must stay together (a packet and its binary attachments). */
    public void send(EngineFrame[] frames) {
        enqueue(frames);
    }

    /**
     * Sends frames in a write of their own, and holds later frames back for a moment. For the
     * Socket.IO CONNECT reply: Node's server leaves such a gap after it (a side effect of its write
     * callbacks), and clients rely on it; ws 8.5, used by the official test suite, loses a frame
     * that arrives in the same read as the one it is waiting for.
     */
    public void sendAlone(EngineFrame[] frames) {
        enqueue(new Alone(frames));
    }

    private record Alone(EngineFrame[] frames) { }

    private static final long ALONE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private void enqueue(Object frames) {
        if (closed) {
            release(frames);
            return;
        }
        outbox.add(frames);
        if (DRAIN.compareAndSet(this, 0, 1)) {
            loop.execute(drainTask);
        }
    }

    private void drain() {
        drainScheduled = 0;
        if (holdUntil != 0) {
            if (System.nanoTime() - holdUntil < 0) {
                return;
            }
            holdUntil = 0;
        }
        Transport t = transport;
        boolean batch = t.batchesPackets();
        Object item;
        boolean wrote = false;
        while ((item = outbox.poll()) != null) {
            if (closed) {
                release(item);
                continue;
            }
            if (item instanceof EngineFrame frame) {
                t.write(frame);
            } else if (item instanceof Alone alone) {
                if (wrote) {
                    t.flush();
                }
                for (EngineFrame frame : alone.frames()) {
                    t.write(frame);
                }
                t.flush();
                holdUntil = System.nanoTime() + ALONE_GAP_NANOS;
                loop.schedule(drainTask, ALONE_GAP_NANOS, TimeUnit.NANOSECONDS);
                return;
            } else {
                for (EngineFrame frame : (EngineFrame[]) item) {
                    t.write(frame);
                }
            }
            // one flush per packet on a websocket, as Node does: clients may expect packets in separate reads
            if (batch) {
                wrote = true;
            } else {
                t.flush();
            }
        }
        if (wrote) {
            t.flush();
        }
    }

    private static void release(Object item) {
        if (item instanceof EngineFrame frame) {
            frame.release();
        } else if (item instanceof Alone alone) {
            release(alone.frames());
        } else {
            for (EngineFrame frame : (EngineFrame[]) item) {
                frame.release();
            }
        }
    }

    /** Server-side close, from any thread: the client is told, buffered packets still go out first. */
    public void close(String reason) {
        if (loop.inEventLoop()) {
            close(reason, true);
        } else {
            loop.execute(() -> close(reason, true));
        }
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
        switch (type) {
            case EngineFrame.MESSAGE -> listener.onMessage(
                    ByteBufUtil.getBytes(packet, packet.readerIndex() + 1, packet.readableBytes() - 1));
            case EngineFrame.PONG -> onPong();
            case EngineFrame.CLOSE -> close("transport close", false, true);
            case EngineFrame.PING, EngineFrame.NOOP, EngineFrame.UPGRADE -> { }
            default -> close("parse error", false);
        }
    }

    void receiveBinary(byte[] data, Transport from) {
        if (!closed && from == transport) {
            listener.onBinary(data);
        }
    }

    /** A long-polling GET for this session (on the loop). */
    void poll(PollRequest request) {
        if (transport instanceof PollingTransport polling) {
            polling.poll(request);
        } else {
            engine.responder().error(request, EngineError.BAD_REQUEST);
        }
    }

    /** A long-polling POST for this session (on the loop). */
    void data(PollRequest request, ByteBuf body) {
        if (transport instanceof PollingTransport polling) {
            polling.data(request, body);
        } else {
            engine.responder().error(request, EngineError.BAD_REQUEST);
        }
    }

    /** Ends the session because the client broke a rule (any thread); the client is not told. */
    public void abort(String reason) {
        loop.execute(() -> close(reason, false));
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

    private void schedulePing() {
        heartbeat = loop.schedule(this::ping, engine.config().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        if (closed) {
            return;
        }
        send(EngineFrame.ping());
        heartbeat = loop.schedule(this::pingTimedOut, engine.config().pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pingTimedOut() {
        if (!closed) {
            close("ping timeout", false);
        }
    }

    private void onPong() {
        if (heartbeat != null && heartbeat.cancel(false)) {
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

    boolean upgrading() {
        return probe != null;
    }

    private void onProbePacket(ByteBuf packet) {
        String text = packet.toString(StandardCharsets.UTF_8);
        if (text.equals("2probe")) {
            probe.write(EngineFrame.pongProbe());
            probe.flush();
            if (transport instanceof PollingTransport polling) {
                polling.releasePendingPoll();
            }
        } else if (text.equals("5")) {
            completeUpgrade();
        } else {
            cancelUpgrade();
        }
    }

    private void completeUpgrade() {
        upgradeTimer.cancel(false);
        PollingTransport old = (PollingTransport) transport;
        WebSocketTransport ws = probe;
        probe = null;
        transport = ws;
        old.handOver(ws);
        drain();
        ws.flush();
    }

    private void cancelUpgrade() {
        if (probe != null) {
            WebSocketTransport failed = probe;
            probe = null;
            if (upgradeTimer != null) {
                upgradeTimer.cancel(false);
            }
            failed.close(false);
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
            holdUntil = 0;
            drain();
        }
        closed = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        cancelUpgrade();
        Object item;
        while ((item = outbox.poll()) != null) {
            release(item);
        }
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
