package dev.switchboard.engine;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Room membership of one namespace on one node, and delivery to it. The engine's default adapter;
 * a cross-node adapter can extend it and forward what it cannot serve locally.
 */
public class InMemoryAdapter implements Adapter {

    protected final LocalDelivery namespace;
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsOf = new ConcurrentHashMap<>();

    public InMemoryAdapter(LocalDelivery namespace) {
        this.namespace = namespace;
    }

    @Override
    public void addAll(String socketId, Set<String> rooms) {
        roomsOf.computeIfAbsent(socketId, k -> ConcurrentHashMap.newKeySet(2)).addAll(rooms);
        for (String room : rooms) {
            members.compute(room, (k, set) -> {
                Set<String> s = set != null ? set : ConcurrentHashMap.newKeySet(2);
                s.add(socketId);
                return s;
            });
        }
    }

    @Override
    public void del(String socketId, String room) {
        Set<String> rooms = roomsOf.get(socketId);
        if (rooms != null) {
            rooms.remove(room);
        }
        leaveRoom(socketId, room);
    }

    @Override
    public void delAll(String socketId) {
        Set<String> rooms = roomsOf.remove(socketId);
        if (rooms != null) {
            for (String room : rooms) {
                leaveRoom(socketId, room);
            }
        }
    }

    private void leaveRoom(String socketId, String room) {
        members.computeIfPresent(room, (k, set) -> {
            set.remove(socketId);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public Set<String> rooms(String socketId) {
        Set<String> rooms = roomsOf.get(socketId);
        return rooms == null ? Set.of() : Collections.unmodifiableSet(rooms);
    }

    @Override
    public Set<String> sockets(Set<String> rooms) {
        return select(new BroadcastOptions(rooms, Set.of(), true));
    }

    /** Local socket ids the options select: in any of the rooms (all when none), in none of the excepted. */
    protected Set<String> select(BroadcastOptions options) {
        Set<String> excluded = new HashSet<>();
        for (String room : options.except()) {
            Set<String> set = members.get(room);
            if (set != null) {
                excluded.addAll(set);
            }
        }
        Set<String> selected = new HashSet<>();
        if (options.rooms().isEmpty()) {
            for (String id : roomsOf.keySet()) {
                if (!excluded.contains(id)) {
                    selected.add(id);
                }
            }
        } else {
            for (String room : options.rooms()) {
                Set<String> set = members.get(room);
                if (set != null) {
                    for (String id : set) {
                        if (!excluded.contains(id)) {
                            selected.add(id);
                        }
                    }
                }
            }
        }
        return selected;
    }

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        namespace.deliver(packet, select(options));
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        namespace.join(select(options), rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        namespace.leave(select(options), rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        namespace.disconnect(select(options), close);
    }

    @Override
    public CompletableFuture<List<SocketInfo>> fetchSockets(BroadcastOptions options) {
        return CompletableFuture.completedFuture(namespace.describe(select(options)));
    }
}
