package dev.switchboard.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which users have a socket on any node. Each node keeps its own users in a Redis set
 * {@code <prefix>:presence:node:<uid>} that expires {@link #DEFAULT_TTL} after its last heartbeat;
 * the node rewrites that set from its own sockets every {@link #DEFAULT_HEARTBEAT} (so it also
 * repairs itself after a Redis restart). A user is online while any node's set holds them, so the
 * users of a node that dies unannounced go offline at most {@code ttl} (15 s by default) later.
 *
 * <p>Writes go out in order on one thread and never block the caller. Reads ask Redis with the
 * backplane's command timeout; while Redis is away they answer from this node's own sockets.
 */
public final class SharedPresence implements AutoCloseable {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(SharedPresence.class);

    // KEYS: registry of node ids, this node's set. ARGV: node id, ttl ms, node-set key prefix, users...
    private static final String HEARTBEAT = """
            redis.call('DEL', KEYS[2])
            for i = 4, #ARGV, 5000 do
              redis.call('SADD', KEYS[2], unpack(ARGV, i, math.min(i + 4999, #ARGV)))
            end
            if #ARGV >= 4 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            redis.call('SADD', KEYS[1], ARGV[1])
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              if node ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. node) == 0 then
                redis.call('SREM', KEYS[1], node)
              end
            end
            return 1
            """;
    // KEYS: registry, this node's set. ARGV: node id, ttl ms, user.
    private static final String CONNECTED = """
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('SADD', KEYS[1], ARGV[1])
            return 1
            """;
    // KEYS: registry. ARGV: node-set key prefix, user.
    private static final String IS_ONLINE = """
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              if redis.call('SISMEMBER', ARGV[1] .. node, ARGV[2]) == 1 then return 1 end
            end
            return 0
            """;
    // KEYS: registry. ARGV: node-set key prefix.
    private static final String COUNT = """
            local sets = {}
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do sets[#sets + 1] = ARGV[1] .. node end
            if #sets == 0 then return 0 end
            return #redis.call('SUNION', unpack(sets))
            """;

    private final RedisBackplane backplane;
    private final Duration ttl;
    private final String registryKey;
    private final String nodeKeyPrefix;
    private final String nodeKey;
    /** This node's sockets per user: the truth this node writes to Redis. */
    private final Map<String, Set<String>> local = new HashMap<>();
    /** Redis writes, in the order the local changes happened. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redis-presence");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledFuture<?> heartbeat;

    public SharedPresence(RedisBackplane backplane) {
        this(backplane, DEFAULT_HEARTBEAT, DEFAULT_TTL);
    }

    public SharedPresence(RedisBackplane backplane, Duration heartbeatEvery, Duration ttl) {
        if (ttl.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the presence TTL must be at least two heartbeats");
        }
        this.backplane = backplane;
        this.ttl = ttl;
        this.registryKey = backplane.prefix() + ":presence:nodes";
        this.nodeKeyPrefix = backplane.prefix() + ":presence:node:";
        this.nodeKey = nodeKeyPrefix + backplane.uid();
        write(this::writeHeartbeat);
        this.heartbeat = backplane.every(() -> write(this::writeHeartbeat), heartbeatEvery);
        backplane.onReconnect(() -> write(this::writeHeartbeat));
    }

    /** Records a socket of that user on this node. */
    public void connected(String userId, String socketId) {
        synchronized (local) {
            boolean first = local.computeIfAbsent(userId, k -> new HashSet<>()).add(socketId)
                    && local.get(userId).size() == 1;
            if (first) {
                write(() -> eval(CONNECTED, ScriptOutputType.INTEGER, new String[] {registryKey, nodeKey},
                        backplane.uid(), Long.toString(ttl.toMillis()), userId));
            }
        }
    }

    /** Forgets a socket; true when it was that user's last one on this node. */
    public boolean disconnected(String userId, String socketId) {
        synchronized (local) {
            Set<String> sockets = local.get(userId);
            if (sockets == null || !sockets.remove(socketId) || !sockets.isEmpty()) {
                return false;
            }
            local.remove(userId);
            write(() -> {
                if (backplane.reachable()) {
                    backplane.async().srem(nodeKey, bytes(userId));
                }
            });
            return true;
        }
    }

    /** Online on any node; from this node's sockets alone while Redis is away. */
    public boolean isOnline(String userId) {
        synchronized (local) {
            if (local.containsKey(userId)) {
                return true;
            }
        }
        Long found = read(IS_ONLINE, nodeKeyPrefix, userId);
        return found != null && found == 1L;
    }

    /** Users online on all nodes together; this node's alone while Redis is away. */
    public int onlineUsers() {
        Long count = read(COUNT, nodeKeyPrefix);
        if (count != null) {
            return count.intValue();
        }
        synchronized (local) {
            return local.size();
        }
    }

    private Long read(String script, String... args) {
        if (!backplane.reachable()) {
            return null;
        }
        try {
            return eval(script, ScriptOutputType.INTEGER, new String[] {registryKey}, args)
                    .get(RedisBackplane.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debug("presence read failed, answering from this node: {}", e.toString());
            return null;
        }
    }

    /** Queues a Redis write; after {@link #close()} there is nothing left to write to. */
    private void write(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("presence closed; not written");
        }
    }

    private void writeHeartbeat() {
        if (!backplane.reachable()) {
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(backplane.uid());
        args.add(Long.toString(ttl.toMillis()));
        args.add(nodeKeyPrefix);
        synchronized (local) {
            args.addAll(local.keySet());
        }
        eval(HEARTBEAT, ScriptOutputType.INTEGER, new String[] {registryKey, nodeKey}, args.toArray(String[]::new));
    }

    private CompletableFuture<Long> eval(String script, ScriptOutputType type, String[] keys,
                                                           String... args) {
        byte[][] values = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            values[i] = bytes(args[i]);
        }
        CompletableFuture<Long> result = backplane.async()
                .<Long>eval(script, type, keys, values).toCompletableFuture();
        result.whenComplete((ok, e) -> {
            if (e != null) {
                LOG.debug("presence script failed: {}", e.toString());
            }
        });
        return result;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A clean stop: this node's users are gone from Redis at once (waits at most the command timeout). */
    @Override
    public void close() {
        heartbeat.cancel(false);
        writer.shutdown();
        try {
            writer.awaitTermination(RedisBackplane.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (backplane.reachable()) {
                backplane.async().del(nodeKey).toCompletableFuture()
                        .get(RedisBackplane.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("could not remove this node's presence from Redis ({}); it expires within {} s", e.toString(),
                    ttl.toSeconds());
        }
    }
}
