package dev.switchboard.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A selection of sockets by rooms (union) minus excepted rooms, over the adapter, so it spans nodes
 * when the adapter does. Immutable: each call returns a new selection.
 */
public interface Broadcast {

    Broadcast to(String... rooms);

    Broadcast except(String... rooms);

    /** Only sockets of this node. */
    Broadcast local();

    void emit(String event, Object... args);

    /** Makes every selected socket, wherever it is, join these rooms. */
    void socketsJoin(String... rooms);

    void socketsLeave(String... rooms);

    void disconnectSockets(boolean close);

    /** Describes the selected sockets, wherever they are. */
    CompletableFuture<List<SocketInfo>> fetchSockets();
}
