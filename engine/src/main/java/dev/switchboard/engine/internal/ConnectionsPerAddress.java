package dev.switchboard.engine.internal;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cap on open connections from one client address, so that one client cannot take every file
 * descriptor of the server. A connection over the cap is closed as soon as it is accepted, before
 * anything is read from it. Refusals are logged at most once per address every ten seconds.
 */
final class ConnectionsPerAddress {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final int cap;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    /** @param cap connections allowed per address; 0 or less for no cap */
    ConnectionsPerAddress(int cap) {
        this.cap = cap;
    }

    /** Counts the connection and releases it when it closes; false (nothing counted) when over the cap. */
    boolean admit(Channel channel) {
        if (cap <= 0 || !(channel.remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return true;
        }
        InetAddress address = remote.getAddress();
        boolean[] admitted = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= cap) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            logRefusal(address);
            return false;
        }
        channel.closeFuture().addListener(f -> open.computeIfPresent(address, (a, n) -> {
            if (n > 1) {
                return n - 1;
            }
            lastLogged.remove(a);
            return null;
        }));
        return true;
    }

    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private void logRefusal(InetAddress address) {
        long now = System.nanoTime();
        AtomicLong last = lastLogged.computeIfAbsent(address, a -> new AtomicLong(now - LOG_EVERY_NANOS));
        long before = last.get();
        if (now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now)) {
            log.warn("refusing connections from {}: it has {} open, the cap per address", address.getHostAddress(), cap);
        }
    }
}
