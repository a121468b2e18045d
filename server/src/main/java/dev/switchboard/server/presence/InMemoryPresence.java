package dev.switchboard.server.presence;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.types.ObjectId;

/** Presence of one node: the socket ids of each online user. */
public final class InMemoryPresence implements Presence {

    private final Map<ObjectId, Set<String>> sockets = new ConcurrentHashMap<>();

    @Override
    public void connected(ObjectId userId, String socketId) {
        sockets.compute(userId, (id, set) -> {
            Set<String> s = set == null ? new HashSet<>() : set;
            s.add(socketId);
            return s;
        });
    }

    @Override
    public boolean disconnected(ObjectId userId, String socketId) {
        boolean[] last = {false};
        sockets.computeIfPresent(userId, (id, set) -> {
            if (!set.remove(socketId)) {
                return set;
            }
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    @Override
    public boolean isOnline(ObjectId userId) {
        return sockets.containsKey(userId);
    }

    @Override
    public int onlineUsers() {
        return sockets.size();
    }
}
