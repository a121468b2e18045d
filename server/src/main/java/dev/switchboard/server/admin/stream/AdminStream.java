package dev.switchboard.server.admin.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live pushes to admin sockets. Publishing only queues: each subscriber has a bounded queue, and
 * one background thread builds each payload (once, however many subscribers) and hands it over. A
 * subscriber whose queue is full is too slow: it is dropped from the stream (its pending pushes are
 * counted as dropped) instead of making the server wait or grow without bound. Each subscriber drains
 * on a thread of its own while it has pushes waiting (threads end when idle), so one stuck admin client
 * holds up neither the server nor the other admins.
 */
public final class AdminStream {

    private static final Logger LOG = LoggerFactory.getLogger(AdminStream.class);
    public static final int DEFAULT_QUEUE_CAPACITY = 1_000;

    /** Where a subscriber's pushes go (an admin socket). */
    public interface Sink {
        void deliver(String event, ObjectNode payload);

        /** The subscriber was dropped from the stream after {@code droppedPushes} pushes were lost. */
        void overflowed(long droppedPushes);
    }

    private final int capacity;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Read before anything is built: with no subscriber a publish costs one volatile read. */
    private volatile boolean active;
    private final LongAdder droppedPushes = new LongAdder();
    private final LongAdder droppedSubscribers = new LongAdder();
    private final ExecutorService sender;

    public AdminStream() {
        this(DEFAULT_QUEUE_CAPACITY);
    }

    public AdminStream(int capacity) {
        this.capacity = capacity;
        this.sender = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "admin-stream");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean active() {
        return active;
    }

    public void subscribe(String id, Sink sink) {
        subscribe(id, sink, false);
    }

    /**
     * A subscriber that forwards this node's pushes to the admins of other nodes: it gets only pushes
     * of this node's own traffic, never those that came from another node.
     */
    public void subscribeForwarder(String id, Sink sink) {
        subscribe(id, sink, true);
    }

    private void subscribe(String id, Sink sink, boolean forwarder) {
        subscribers.put(id, new Subscriber(id, sink, new ArrayBlockingQueue<>(capacity), forwarder));
        active = true;
    }

    public boolean subscribed(String id) {
        return subscribers.containsKey(id);
    }

    /** Subscribers that are admin sockets of this node (forwarders left out). */
    public long localSubscribers() {
        return subscribers.values().stream().filter(s -> !s.forwarder).count();
    }

    public void unsubscribe(String id) {
        subscribers.remove(id);
        active = !subscribers.isEmpty();
    }

    public int subscribers() {
        return subscribers.size();
    }

    public long droppedPushes() {
        return droppedPushes.sum();
    }

    public long droppedSubscribers() {
        return droppedSubscribers.sum();
    }

    /** Queues a push for every subscriber; {@code payload} runs later, off the caller's thread, at most once. */
    public void publish(String event, Supplier<ObjectNode> payload) {
        publish(event, payload, false);
    }

    /** Queues a push that another node forwarded, for this node's admin sockets only. */
    public void publishFromOtherNode(String event, ObjectNode payload) {
        publish(event, () -> payload, true);
    }

    private void publish(String event, Supplier<ObjectNode> payload, boolean fromOtherNode) {
        if (!active) {
            return;
        }
        Push push = new Push(event, payload);
        for (Subscriber s : subscribers.values()) {
            if (fromOtherNode && s.forwarder) {
                continue;
            }
            if (!s.queue.offer(push)) {
                overflow(s);
            } else {
                schedule(s);
            }
        }
    }

    private void overflow(Subscriber s) {
        if (subscribers.remove(s.id, s)) {
            active = !subscribers.isEmpty();
            long lost = s.queue.size() + 1L;
            s.queue.clear();
            droppedPushes.add(lost);
            droppedSubscribers.increment();
            LOG.warn("Admin stream: subscriber {} too slow, dropped from the stream with {} pushes lost", s.id, lost);
            sender.execute(() -> s.sink.overflowed(lost));
        } else {
            droppedPushes.increment();
        }
    }

    private void schedule(Subscriber s) {
        if (s.draining.compareAndSet(false, true)) {
            sender.execute(() -> drain(s));
        }
    }

    private void drain(Subscriber s) {
        do {
            Push push;
            while ((push = s.queue.poll()) != null) {
                try {
                    s.sink.deliver(push.event, push.payload());
                } catch (RuntimeException e) {
                    LOG.warn("Admin stream: cannot deliver {} to {}: {}", push.event, s.id, e.toString());
                }
            }
            s.draining.set(false);
        } while (!s.queue.isEmpty() && s.draining.compareAndSet(false, true));
    }

    private record Subscriber(String id, Sink sink, BlockingQueue<Push> queue, boolean forwarder,
                              AtomicBoolean draining) {
        Subscriber(String id, Sink sink, BlockingQueue<Push> queue, boolean forwarder) {
            this(id, sink, queue, forwarder, new AtomicBoolean());
        }
    }

    /** Built on first delivery, then shared by every subscriber. */
    private static final class Push {
        final String event;
        private Supplier<ObjectNode> supplier;
        private ObjectNode built;

        Push(String event, Supplier<ObjectNode> supplier) {
            this.event = event;
            this.supplier = supplier;
        }

        synchronized ObjectNode payload() {
            if (built == null) {
                built = supplier.get();
                supplier = null;
            }
            return built;
        }
    }
}
