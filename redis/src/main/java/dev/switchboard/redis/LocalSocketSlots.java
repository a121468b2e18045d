package dev.switchboard.redis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The slots of this node's sockets, counted in memory: the whole truth on a single node. */
public final class LocalSocketSlots implements SocketSlots {

    private final Map<String, Set<String>> sockets = new HashMap<>();

    @Override
    public synchronized int take(String userId, String socketId, int cap) {
        Set<String> held = sockets.computeIfAbsent(userId, k -> new HashSet<>());
        if (!held.contains(socketId) && held.size() >= cap) {
            return held.size();
        }
        held.add(socketId);
        return TAKEN;
    }

    /** Counts a slot that was granted elsewhere (by Redis), without checking the cap. */
    synchronized void record(String userId, String socketId) {
        sockets.computeIfAbsent(userId, k -> new HashSet<>()).add(socketId);
    }

    @Override
    public synchronized void release(String userId, String socketId) {
        Set<String> held = sockets.get(userId);
        if (held != null && held.remove(socketId) && held.isEmpty()) {
            sockets.remove(userId);
        }
    }

    /** Every slot of this node, as {@code [userId, socketId]} pairs. */
    synchronized List<String[]> all() {
        return sockets.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(s -> new String[] {e.getKey(), s}))
                .toList();
    }
}
