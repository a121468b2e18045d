package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Broadcast;
import dev.switchboard.engine.BroadcastOptions;
import dev.switchboard.engine.OutboundPacket;
import dev.switchboard.engine.SocketInfo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** An immutable selection of sockets; every action goes through the namespace's adapter. */
final class BroadcastImpl implements Broadcast {

    private final NamespaceImpl namespace;
    private final Set<String> rooms;
    private final Set<String> except;
    private final boolean local;

    BroadcastImpl(NamespaceImpl namespace, Set<String> rooms, Set<String> except, boolean local) {
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
        this.local = local;
    }

    @Override
    public Broadcast to(String... more) {
        return new BroadcastImpl(namespace, union(rooms, more), except, local);
    }

    @Override
    public Broadcast except(String... more) {
        return new BroadcastImpl(namespace, rooms, union(except, more), local);
    }

    @Override
    public Broadcast local() {
        return new BroadcastImpl(namespace, rooms, except, true);
    }

    @Override
    public void emit(String event, Object... args) {
        SioServer.checkEventName(event);
        List<JsonNode> json = namespace.server().toJson(args);
        namespace.adapter().broadcast(new OutboundPacket(namespace.name(), event, json), options());
        if (!namespace.observers().isEmpty()) {
            namespace.observers().emitted(null, rooms, event, json);
        }
    }

    @Override
    public void socketsJoin(String... names) {
        namespace.adapter().addSockets(options(), Set.copyOf(Arrays.asList(names)));
    }

    @Override
    public void socketsLeave(String... names) {
        namespace.adapter().delSockets(options(), Set.copyOf(Arrays.asList(names)));
    }

    @Override
    public void disconnectSockets(boolean close) {
        namespace.adapter().disconnectSockets(options(), close);
    }

    @Override
    public CompletableFuture<List<SocketInfo>> fetchSockets() {
        return namespace.adapter().fetchSockets(options());
    }

    private BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, local);
    }

    private static Set<String> union(Set<String> base, String[] more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(Arrays.asList(more));
        return Set.copyOf(all);
    }
}
