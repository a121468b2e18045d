package dev.switchboard.bench;

import dev.switchboard.bench.client.ClientPool;
import dev.switchboard.bench.client.SioConnection;
import dev.switchboard.bench.client.SioListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens connections with at most {@code maxInFlight} handshakes pending at once, and waits (bounded)
 * until every one is accepted or has failed.
 */
public final class Ramp {

    public record Result(List<SioConnection> connections, int connected, int failed, double seconds,
                         List<String> failureSamples) {
        public double connectsPerSecond() {
            return seconds <= 0 ? 0 : connected / seconds;
        }
    }

    private Ramp() {
    }

    public static Result connect(ClientPool pool, int count, int maxInFlight, IntFunction<String> authJson,
                                 SioListener workload, Duration timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(maxInFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        SioListener tracking = new SioListener() {
            @Override
            public void connected(SioConnection c) {
                connected.incrementAndGet();
                settle();
                workload.connected(c);
            }

            @Override
            public void connectFailed(SioConnection c, String reason) {
                failed.incrementAndGet();
                if (failures.size() < 5) {
                    failures.add(reason);
                }
                settle();
                workload.connectFailed(c, reason);
            }

            private void settle() {
                slots.release();
                done.countDown();
            }

            @Override
            public void ack(SioConnection c, int id, String args) {
                workload.ack(c, id, args);
            }

            @Override
            public boolean wantsAckArgs() {
                return workload.wantsAckArgs();
            }

            @Override
            public void event(SioConnection c, String payload) {
                workload.event(c, payload);
            }

            @Override
            public void closed(SioConnection c) {
                workload.closed(c);
            }
        };
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        List<SioConnection> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            connections.add(pool.connect(i, authJson.apply(i), tracking));
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int ok = connected.get();
        return new Result(connections, ok, count - ok, seconds, List.copyOf(failures));
    }
}
