package dev.switchboard.engine;

import java.util.Arrays;
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

    private static final String[] NONE = new String[0];

    protected final LocalDelivery namespace;
    /** Room name → its members. */
    private final Map<String, Room> members = new ConcurrentHashMap<>();
    /** Socket id → the names of its rooms, each the instance its {@link Room} holds (one copy per room, not per member). */
    private final Map<String, String[]> roomsOf = new ConcurrentHashMap<>();

    /**
     * A room and its members' socket ids. Both maps hold small immutable arrays, replaced whole under
     * the map's per-key lock, rather than a concurrent set per socket and per room: a socket in 50
     * rooms costs a few hundred bytes instead of several kilobytes, and readers never lock.
     */
    private record Room(String name, String[] sockets) {

        Room with(String socketId) {
            return indexOf(sockets, socketId) >= 0 ? this : new Room(name, append(sockets, socketId));
        }

        /** Null when the room is left empty. */
        Room without(String socketId) {
            String[] rest = remove(sockets, socketId);
            return rest == sockets ? this : rest.length == 0 ? null : new Room(name, rest);
        }
    }

    public InMemoryAdapter(LocalDelivery namespace) {
        this.namespace = namespace;
    }

    @Override
    public void addAll(String socketId, Set<String> rooms) {
        String[] names = new String[rooms.size()];
        int n = 0;
        for (String room : rooms) {
            names[n++] = members.compute(room, (name, r) -> r == null ? new Room(name, new String[] {socketId})
                    : r.with(socketId)).name();
        }
        roomsOf.compute(socketId, (id, current) -> {
            String[] all = current == null ? NONE : current;
            for (String name : names) {
                if (indexOf(all, name) < 0) {
                    all = append(all, name);
                }
            }
            return all;
        });
    }

    @Override
    public void del(String socketId, String room) {
        roomsOf.computeIfPresent(socketId, (id, current) -> remove(current, room));
        leaveRoom(socketId, room);
    }

    @Override
    public void delAll(String socketId) {
        String[] rooms = roomsOf.remove(socketId);
        if (rooms != null) {
            for (String room : rooms) {
                leaveRoom(socketId, room);
            }
        }
    }

    private void leaveRoom(String socketId, String room) {
        members.computeIfPresent(room, (name, r) -> r.without(socketId));
    }

    @Override
    public Set<String> rooms(String socketId) {
        String[] rooms = roomsOf.get(socketId);
        return rooms == null ? Set.of() : Set.of(rooms);
    }

    @Override
    public Set<String> sockets(Set<String> rooms) {
        return select(new BroadcastOptions(rooms, Set.of(), true));
    }

    /** Local socket ids the options select: in any of the rooms (all when none), in none of the excepted. */
    protected Set<String> select(BroadcastOptions options) {
        Set<String> excluded = new HashSet<>();
        for (String room : options.except()) {
            Room r = members.get(room);
            if (r != null) {
                Collections.addAll(excluded, r.sockets());
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
                Room r = members.get(room);
                if (r != null) {
                    for (String id : r.sockets()) {
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

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] append(String[] values, String value) {
        String[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    /** The same array when {@code value} is not in it. */
    private static String[] remove(String[] values, String value) {
        int at = indexOf(values, value);
        if (at < 0) {
            return values;
        }
        if (values.length == 1) {
            return NONE;
        }
        String[] shorter = new String[values.length - 1];
        System.arraycopy(values, 0, shorter, 0, at);
        System.arraycopy(values, at + 1, shorter, at, values.length - at - 1);
        return shorter;
    }
}
