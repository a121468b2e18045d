package dev.switchboard.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.AdapterFactory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's link to Redis, shared by the adapters of its namespaces and by presence: a command
 * connection (publish, scripts), a subscriber connection, and this node's random id, which every
 * message carries so a node can ignore its own.
 *
 * <p>Failure behaviour: every command is bounded by {@link #COMMAND_TIMEOUT}; while Redis is away,
 * commands are refused at once instead of queued (nothing piles up in memory, nothing replays stale
 * pushes later), the outage is logged once, and Lettuce reconnects (every 2 s at most) and
 * resubscribes by itself; the node meanwhile serves its own sockets.
 */
public final class RedisBackplane implements AutoCloseable {

    /** The longest any Redis command may take before this node gives up on it. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_PREFIX = "switchboard";

    private static final Logger LOG = LoggerFactory.getLogger(RedisBackplane.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration RESUBSCRIBE_EVERY = Duration.ofSeconds(1);

    static {
        quietLettuceReconnectLogs();
    }

    private final String where;
    private final String prefix;
    private final String uid;
    private final ClientResources resources;
    private final RedisClient client;
    private final Set<RedisChannelHandler<?, ?>> down = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<byte[]>> handlers = new ConcurrentHashMap<>();
    /** Channels whose SUBSCRIBE has not gone through yet (Lettuce only resubscribes what succeeded). */
    private final Set<String> pendingSubscriptions = ConcurrentHashMap.newKeySet();
    /** Incoming messages, handled one at a time in arrival order, off Lettuce's I/O threads. */
    private final ExecutorService inbox = Executors.newSingleThreadExecutor(daemon("redis-inbox"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("redis-timer"));
    private final StatefulRedisConnection<String, byte[]> commands;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private volatile boolean closing;

    private RedisBackplane(String uri, String prefix) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(COMMAND_TIMEOUT);
        this.where = redisUri.getHost() + ":" + redisUri.getPort();
        this.prefix = prefix;
        this.uid = randomId();
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                down.remove(connection);
                updateReachability(null);
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                down.add(connection);
                updateReachability("connection lost");
            }
        });
        StatefulRedisConnection<String, byte[]> cmd = null;
        try {
            cmd = client.connect(CODEC);
            this.commands = cmd;
            this.subscriber = client.connectPubSub(CODEC);
        } catch (RuntimeException e) {
            if (cmd != null) {
                cmd.close();
            }
            shutdownClient();
            throw new IllegalStateException("cannot reach Redis at " + where + ": " + rootMessage(e), e);
        }
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                Consumer<byte[]> handler = handlers.get(channel);
                if (handler != null) {
                    inbox.execute(() -> handle(channel, handler, message));
                }
            }
        });
        timer.scheduleWithFixedDelay(this::retrySubscriptions, RESUBSCRIBE_EVERY.toMillis(),
                RESUBSCRIBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to Redis ({@code redis://host:port}, {@code rediss://}, with password or database as
     * Lettuce's URI syntax allows); fails at once, with the reason, when it cannot be reached.
     */
    public static RedisBackplane connect(String uri) {
        return connect(uri, DEFAULT_PREFIX);
    }

    public static RedisBackplane connect(String uri, String prefix) {
        return new RedisBackplane(uri, prefix);
    }

    /** Makes each namespace's adapter a {@link RedisAdapter} on this link. */
    public AdapterFactory adapterFactory() {
        return new RedisAdapterFactory(this);
    }

    /** This node's id on the backplane (random per start), carried by every message it sends. */
    public String uid() {
        return uid;
    }

    public String prefix() {
        return prefix;
    }

    /** False from the moment a connection to Redis drops until both are back. */
    public boolean reachable() {
        return reachable.get();
    }

    /** Runs after Redis comes back, e.g. to write this node's presence again. */
    public void onReconnect(Runnable action) {
        onReconnect.add(action);
    }

    // ---- used by the adapter and presence ---------------------------------------------------

    RedisAsyncCommands<String, byte[]> async() {
        return commands.async();
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> every(Runnable task, Duration period) {
        return timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Redis periodic task failed: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Handles every message on that channel, in arrival order; waits (bounded) for the SUBSCRIBE. */
    void subscribe(String channel, Consumer<byte[]> handler) {
        handlers.put(channel, handler);
        pendingSubscriptions.add(channel);
        trySubscribe(channel).join();
    }

    void unsubscribe(String channel) {
        handlers.remove(channel);
        pendingSubscriptions.remove(channel);
        if (!closing && reachable()) {
            subscriber.async().unsubscribe(channel);
        }
    }

    /** Fire and forget; skipped while Redis is away (the outage is logged once, not per message). */
    void publish(String channel, byte[] message) {
        if (!reachable()) {
            return;
        }
        commands.async().publish(channel, message).whenComplete((n, e) -> {
            if (e != null) {
                LOG.debug("publish to {} failed: {}", channel, e.toString());
            }
        });
    }

    /** How many nodes listen on that channel (this one included); fails after the command timeout. */
    CompletableFuture<Long> subscribers(String channel) {
        return commands.async().pubsubNumsub(channel).toCompletableFuture()
                .thenApply(counts -> counts.getOrDefault(channel, 0L));
    }

    /** The message, unless this node sent it or it cannot be read (then logged, naming {@code where}). */
    ObjectNode fromOtherNode(byte[] bytes, String where) {
        try {
            ObjectNode message = Wire.decode(bytes);
            return uid.equals(message.path("uid").asText()) ? null : message;
        } catch (IOException e) {
            LOG.warn("ignoring an unreadable message on {}: {}", where, e.getMessage());
            return null;
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    private CompletableFuture<Void> trySubscribe(String channel) {
        if (!reachable()) {
            return CompletableFuture.completedFuture(null);
        }
        return subscriber.async().subscribe(channel).toCompletableFuture()
                .orTimeout(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, e) -> {
                    if (e == null) {
                        pendingSubscriptions.remove(channel);
                    } else {
                        LOG.debug("subscribe to {} failed, will retry: {}", channel, e.toString());
                    }
                    return null;
                });
    }

    private void retrySubscriptions() {
        for (String channel : pendingSubscriptions) {
            trySubscribe(channel);
        }
    }

    private void handle(String channel, Consumer<byte[]> handler, byte[] message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("cannot handle a message on Redis channel {}: {}", channel, e.toString());
        }
    }

    private void updateReachability(String reason) {
        if (closing) {
            return;
        }
        boolean up = down.isEmpty();
        if (reachable.compareAndSet(!up, up)) {
            if (up) {
                LOG.info("Redis at {} is reachable again: cross-node pushes and shared presence resume", where);
                onReconnect.forEach(action -> timer.execute(action));
            } else {
                LOG.warn("Redis at {} is unreachable ({}): this node keeps serving its own sockets; pushes to other"
                        + " nodes and shared presence pause until it is back (reconnecting every 2 s at most)",
                        where, reason);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        inbox.shutdownNow();
        try {
            subscriber.close();
            commands.close();
        } finally {
            shutdownClient();
        }
    }

    private void shutdownClient() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /**
     * Lettuce logs every reconnect attempt (two lines each, every 2 s while Redis is away); this class
     * logs the outage once instead. Applies to slf4j-simple unless the operator set these levels; with
     * another logging backend, set these two loggers to ERROR there.
     */
    private static void quietLettuceReconnectLogs() {
        for (String logger : new String[] {"io.lettuce.core.protocol.ConnectionWatchdog",
                "io.lettuce.core.protocol.ReconnectionHandler"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "error");
            }
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
