package dev.switchboard.bench;

import dev.switchboard.bench.client.ClientPool;
import dev.switchboard.bench.client.SioConnection;
import dev.switchboard.bench.client.SioListener;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.result.LoadCpu;
import dev.switchboard.bench.result.TransportRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Workload 1 with the bench's own Netty load client, kept only as a second opinion printed beside the
 * official client's figures (it handicaps Node: it measured 15k acks/s where the official client gets
 * 34-42k). Every client keeps exactly one {@code message-with-ack} in flight and sends the next
 * as soon as the ack arrives (closed loop), so the figure is the server's round-trip capacity.
 */
public final class TransportLoad implements SioListener {

    /** The event and its arguments; the server acks with the same arguments. */
    static final String MESSAGE = "[\"message-with-ack\",\"bench\",{\"n\":42,\"text\":\"hello\"}]";

    private static final class Client {
        final LatencyHistogram histogram = new LatencyHistogram();
        long sentAt;
        int expectedId;
        long errors;
    }

    private final java.util.concurrent.atomic.AtomicInteger disconnects = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;

    public record Settings(String serverName, String host, int port, long serverPid, int clients, int threads,
                           Duration warmup, Duration window) {
    }

    public static TransportRun run(Settings s) throws Exception {
        TransportLoad load = new TransportLoad();
        try (ClientPool pool = new ClientPool(s.host(), s.port(), s.threads(), List.of())) {
            // a gentle ramp: the conformance server gives a socket 1 s from open to CONNECT
            Ramp.Result ramp = Ramp.connect(pool, s.clients(), 20, i -> null, load, Duration.ofSeconds(60));
            if (ramp.connected() == 0) {
                throw new IllegalStateException("no client could connect to " + s.host() + ":" + s.port() + ": "
                        + ramp.failureSamples());
            }
            if (ramp.failed() > 0) {
                System.err.println(ramp.failed() + " clients could not connect, e.g. " + ramp.failureSamples());
            }
            Thread.sleep(s.warmup().toMillis());
            Window window = new Window(s.serverPid());
            window.start();
            load.measureFrom = window.startNanos();
            Thread.sleep(s.window().toMillis());
            window.end();
            load.measureUntil = System.nanoTime();
            LatencyHistogram all = new LatencyHistogram();
            long errors = 0;
            for (SioConnection c : ramp.connections()) {
                if (c.state instanceof Client client) {
                    errors += collect(c, client, all);
                }
            }
            double seconds = window.seconds();
            long acks = all.count();
            double client = round(window.clientCpuPercent());
            return new TransportRun(s.serverName(), TransportRun.NETTY, ramp.connected(), round(seconds), acks,
                    round(acks / seconds), Latency.of(all), acks == 0 ? 0 : round((double) window.serverCpuMicros() / acks),
                    round(window.serverCpuPercent()), window.serverRssBytes(), new LoadCpu(1, client, client), errors,
                    ramp.failed(), load.disconnects.get());
        }
    }

    /** Copies the connection's figures on its own event loop, so no locking is needed while it runs. */
    private static long collect(SioConnection c, Client client, LatencyHistogram into)
            throws InterruptedException, ExecutionException {
        return c.eventLoop().submit(() -> {
            into.add(client.histogram);
            return client.errors;
        }).get();
    }

    @Override
    public void connected(SioConnection c) {
        Client client = new Client();
        c.state = client;
        sendNext(c, client);
    }

    @Override
    public void closed(SioConnection c) {
        disconnects.incrementAndGet();
    }

    @Override
    public void ack(SioConnection c, int id, String args) {
        Client client = (Client) c.state;
        long now = System.nanoTime();
        if (id != client.expectedId) {
            client.errors++;
        }
        if (client.sentAt >= measureFrom && now <= measureUntil) {
            client.histogram.record(now - client.sentAt);
        }
        sendNext(c, client);
    }

    private static void sendNext(SioConnection c, Client client) {
        client.expectedId = c.nextAckId();
        client.sentAt = System.nanoTime();
        c.emitWithAck(client.expectedId, MESSAGE);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
