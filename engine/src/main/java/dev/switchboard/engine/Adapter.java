package dev.switchboard.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the room membership of one namespace and delivers broadcasts. The in-memory
 * implementation serves one node; a cross-node one (Redis) forwards what it cannot serve locally.
 * Listeners never see it: they use {@link Broadcast}.
 */
public interface Adapter extends AutoCloseable {

    void addAll(String socketId, Set<String> rooms);

    void del(String socketId, String room);

    void delAll(String socketId);

    Set<String> rooms(String socketId);

    /** Local socket ids in any of these rooms (all local sockets when {@code rooms} is empty). */
    Set<String> sockets(Set<String> rooms);

    void broadcast(OutboundPacket packet, BroadcastOptions options);

    void addSockets(BroadcastOptions options, Set<String> rooms);

    void delSockets(BroadcastOptions options, Set<String> rooms);

    void disconnectSockets(BroadcastOptions options, boolean close);

    CompletableFuture<List<SocketInfo>> fetchSockets(BroadcastOptions options);

    @Override
    default void close() { }
}
