package dev.switchboard.redis;

/**
 * The per-user cap on sockets: taking a slot checks the count and counts the socket in one atomic
 * step, so sockets of one user that connect at the same moment cannot all slip under the cap.
 */
public interface SocketSlots extends AutoCloseable {

    /** Marks a successful {@link #take}. */
    int TAKEN = -1;

    /**
     * Takes a slot for that socket of that user unless the user already holds {@code cap}; returns
     * {@link #TAKEN}, or how many slots the user holds when refused.
     */
    int take(String userId, String socketId, int cap);

    /** Gives the socket's slot back (a disconnect, or a connection refused later); repeating it is harmless. */
    void release(String userId, String socketId);

    @Override
    default void close() {
    }
}
