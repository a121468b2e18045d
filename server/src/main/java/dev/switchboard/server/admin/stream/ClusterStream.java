package dev.switchboard.server.admin.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.redis.ClusterRequests;
import dev.switchboard.server.json.JsonOut;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the admin stream span every node. A node with admin sockets says so to the other nodes every
 * {@link #ANNOUNCE_EVERY} (and at once when an admin subscribes); a node that heard it within
 * {@link #FORGET_AFTER} forwards its own traffic's pushes to them through a forwarder subscriber of its
 * stream (bounded like any admin's queue), and stops when the announcements stop. Pushes that came from
 * another node go to this node's admin sockets only, never back out. Without admins anywhere a node
 * does no stream work at all.
 */
public final class ClusterStream implements AutoCloseable {

    public static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(2);
    public static final Duration FORGET_AFTER = ANNOUNCE_EVERY.multipliedBy(3);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStream.class);
    private static final String WATCHING = "admin/stream/watching";
    private static final String PUSH = "admin/stream/push";
    private static final String FORWARDER = "other-nodes";

    private final ClusterRequests nodes;
    private final AdminStream stream;
    private final Runnable startObserving;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "admin-cluster-stream");
        t.setDaemon(true);
        return t;
    });
    private volatile long otherNodesWatchUntil;

    /** {@code startObserving} makes this node watch its main namespace (idempotent). */
    public ClusterStream(ClusterRequests nodes, AdminStream stream, Runnable startObserving) {
        this.nodes = nodes;
        this.stream = stream;
        this.startObserving = startObserving;
        nodes.answer(WATCHING, this::otherNodeWatches);
        nodes.answer(PUSH, push -> {
            stream.publishFromOtherNode(push.path("event").asText(), (ObjectNode) push.path("payload"));
            return null;
        });
        timer.scheduleWithFixedDelay(this::tick, ANNOUNCE_EVERY.toMillis(), ANNOUNCE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** An admin socket of this node subscribed: the other nodes start forwarding now, not at the next tick. */
    public void adminSubscribed() {
        nodes.tell(WATCHING, NullNode.getInstance());
    }

    private JsonNode otherNodeWatches(JsonNode ignored) {
        otherNodesWatchUntil = System.nanoTime() + FORGET_AFTER.toNanos();
        synchronized (this) {
            if (!stream.subscribed(FORWARDER)) {
                startObserving.run();
                stream.subscribeForwarder(FORWARDER, new AdminStream.Sink() {
                    @Override
                    public void deliver(String event, ObjectNode payload) {
                        ObjectNode push = JsonOut.object().put("event", event);
                        push.set("payload", payload);
                        nodes.tell(PUSH, push);
                    }

                    @Override
                    public void overflowed(long droppedPushes) {
                        LOG.warn("Admin stream: forwarding to other nodes could not keep up ({} pushes dropped);"
                                + " resumes at the next announcement", droppedPushes);
                    }
                });
            }
        }
        return null;
    }

    private void tick() {
        try {
            if (stream.localSubscribers() > 0) {
                nodes.tell(WATCHING, NullNode.getInstance());
            }
            synchronized (this) {
                if (System.nanoTime() - otherNodesWatchUntil > 0 && stream.subscribed(FORWARDER)) {
                    stream.unsubscribe(FORWARDER);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Admin stream across nodes: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
