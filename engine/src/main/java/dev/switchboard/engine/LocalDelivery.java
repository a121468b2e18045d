package dev.switchboard.engine;

import java.util.List;
import java.util.Set;

/** What an adapter may ask of the node it runs on: deliver to, and act on, local sockets. */
public interface LocalDelivery {

    String namespace();

    /** This node's name, as shown in {@link SocketInfo#node()}. */
    String node();

    void deliver(OutboundPacket packet, Set<String> socketIds);

    void join(Set<String> socketIds, Set<String> rooms);

    void leave(Set<String> socketIds, Set<String> rooms);

    void disconnect(Set<String> socketIds, boolean close);

    List<SocketInfo> describe(Set<String> socketIds);
}
