package dev.switchboard.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket slots counted across every node. Each user has a sorted set {@code <prefix>:slots:<user>}
 * whose members are {@code <node uid>:<socket id>} scored with their expiry; one Lua script drops
 * expired members, counts, and adds the new one only under the cap, so the check and the count are
 * one step for the whole cluster. Each node renews its own members every {@link #HEARTBEAT} (also
 * at once when Redis comes back, empty or not), so the slots of a node that dies unannounced free
 * themselves within {@link #TTL}. While Redis is away the cap is checked against this node's sockets.
 */
public final class SharedSocketSlots implements SocketSlots {

    public static final Duration HEARTBEAT = SharedPresence.DEFAULT_HEARTBEAT;
    public static final Duration TTL = SharedPresence.DEFAULT_TTL;

    private static final Logger LOG = LoggerFactory.getLogger(SharedSocketSlots.class);

    private static final String NOW_MS = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;
    // KEYS: the user's set. ARGV: member, cap, ttl ms. Returns -1 when taken, else how many are held.
    private static final String TAKE = NOW_MS + """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
              local held = redis.call('ZCARD', KEYS[1])
              if held >= tonumber(ARGV[2]) then return held end
            end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return -1
            """;
    // KEYS: users' sets. ARGV: ttl ms, then one member per key.
    private static final String RENEW = NOW_MS + """
            for i = 1, #KEYS do
              redis.call('ZADD', KEYS[i], now + tonumber(ARGV[1]), ARGV[i + 1])
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
            end
            return #KEYS
            """;
    private static final int RENEW_BATCH = 500;

    private final RedisBackplane backplane;
    private final LocalSocketSlots local = new LocalSocketSlots();
    private final String keyPrefix;
    private final ScheduledFuture<?> heartbeat;

    public SharedSocketSlots(RedisBackplane backplane) {
        this.backplane = backplane;
        this.keyPrefix = backplane.prefix() + ":slots:";
        this.heartbeat = backplane.every(this::renew, HEARTBEAT);
        backplane.onReconnect(this::renew);
    }

    @Override
    public int take(String userId, String socketId, int cap) {
        if (!backplane.reachable()) {
            return local.take(userId, socketId, cap);
        }
        try {
            Long held = backplane.async().<Long>eval(TAKE, ScriptOutputType.INTEGER, new String[] {key(userId)},
                            bytes(member(socketId)), bytes(Integer.toString(cap)), bytes(Long.toString(TTL.toMillis())))
                    .get(RedisBackplane.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (held == TAKEN) {
                local.record(userId, socketId);
            }
            return held.intValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the user's sockets", e);
        } catch (Exception e) {
            LOG.warn("cannot count the sockets of user {} in Redis ({}); checking this node's only", userId,
                    e.toString());
            return local.take(userId, socketId, cap);
        }
    }

    @Override
    public void release(String userId, String socketId) {
        local.release(userId, socketId);
        if (backplane.reachable()) {
            backplane.async().zrem(key(userId), bytes(member(socketId))).whenComplete((n, e) -> {
                if (e != null) {
                    LOG.debug("cannot release a socket slot of {} (it expires by itself): {}", userId, e.toString());
                }
            });
        }
    }

    /** Writes this node's slots again with a fresh expiry. */
    private void renew() {
        if (!backplane.reachable()) {
            return;
        }
        List<String[]> slots = local.all();
        for (int from = 0; from < slots.size(); from += RENEW_BATCH) {
            List<String[]> batch = slots.subList(from, Math.min(slots.size(), from + RENEW_BATCH));
            String[] keys = new String[batch.size()];
            byte[][] args = new byte[batch.size() + 1][];
            args[0] = bytes(Long.toString(TTL.toMillis()));
            for (int i = 0; i < batch.size(); i++) {
                keys[i] = key(batch.get(i)[0]);
                args[i + 1] = bytes(member(batch.get(i)[1]));
            }
            backplane.async().eval(RENEW, ScriptOutputType.INTEGER, keys, args).whenComplete((n, e) -> {
                if (e != null) {
                    LOG.debug("renewing socket slots failed: {}", e.toString());
                }
            });
        }
    }

    private String key(String userId) {
        return keyPrefix + userId;
    }

    private String member(String socketId) {
        return backplane.uid() + ":" + socketId;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A clean stop: this node's slots are freed at once (best effort; otherwise they expire). */
    @Override
    public void close() {
        heartbeat.cancel(false);
        if (!backplane.reachable()) {
            return;
        }
        for (String[] slot : local.all()) {
            release(slot[0], slot[1]);
        }
    }
}
