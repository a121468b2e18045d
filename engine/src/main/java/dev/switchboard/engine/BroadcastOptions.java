package dev.switchboard.engine;

import java.util.Set;

/** Which sockets a broadcast reaches: in any of {@code rooms} (all when empty), in none of {@code except}. */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean local) {

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
    }
}
