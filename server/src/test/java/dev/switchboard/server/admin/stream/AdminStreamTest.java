package dev.switchboard.server.admin.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded per-subscriber queues: a stuck subscriber is dropped, the others keep receiving. */
class AdminStreamTest {

    static ObjectNode payload(int n) {
        return JsonNodeFactory.instance.objectNode().put("n", n);
    }

    @Test
    void withNoSubscriberNothingIsBuilt() {
        AdminStream stream = new AdminStream(4);
        AtomicInteger built = new AtomicInteger();
        stream.publish("admin/event", () -> {
            built.incrementAndGet();
            return payload(0);
        });
        assertThat(stream.active()).isFalse();
        assertThat(built).hasValue(0);
    }

    @Test
    void aStuckSubscriberIsDroppedWithItsPushesCountedWhileAFastOneGetsEverything() throws Exception {
        AdminStream stream = new AdminStream(2);
        CountDownLatch inDelivery = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> dropped = new CompletableFuture<>();
        stream.subscribe("slow", new AdminStream.Sink() {
            @Override
            public void deliver(String event, ObjectNode p) {
                inDelivery.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void overflowed(long droppedPushes) {
                dropped.complete(droppedPushes);
            }
        });
        stream.publish("admin/event", () -> payload(1));
        assertThat(inDelivery.await(5, TimeUnit.SECONDS)).isTrue();

        List<Integer> fastGot = new CopyOnWriteArrayList<>();
        stream.subscribe("fast", new AdminStream.Sink() {
            @Override
            public void deliver(String event, ObjectNode p) {
                fastGot.add(p.get("n").asInt());
            }

            @Override
            public void overflowed(long droppedPushes) {
            }
        });
        // the slow one holds push 1; 2 and 3 fill its queue of two; 4 does not fit
        for (int n = 2; n <= 4; n++) {
            int value = n;
            stream.publish("admin/event", () -> payload(value));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!fastGot.contains(value) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(fastGot).containsExactly(2, 3, 4);
        assertThat(stream.subscribers()).isEqualTo(1);
        assertThat(stream.droppedSubscribers()).isEqualTo(1);
        assertThat(stream.droppedPushes()).isEqualTo(3);
        release.countDown();
        assertThat(dropped.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        stream.unsubscribe("fast");
        assertThat(stream.active()).isFalse();
    }
}
