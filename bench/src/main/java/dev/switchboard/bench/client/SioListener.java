package dev.switchboard.bench.client;

/** What a workload hears from one Socket.IO connection; every call runs on the connection's event loop. */
public interface SioListener {

    /** The namespace {@code /} accepted the connection (packet {@code 40}). */
    default void connected(SioConnection connection) {
    }

    /** The server refused the connection ({@code 44}), or the socket failed before it was accepted. */
    default void connectFailed(SioConnection connection, String reason) {
    }

    /** An acknowledgement {@code 43<id>[...]}; {@code args} is the JSON array, or null when not wanted. */
    default void ack(SioConnection connection, int id, String args) {
    }

    /** Whether {@link #ack} needs the argument text (decoding it costs time in the transport workload). */
    default boolean wantsAckArgs() {
        return false;
    }

    /** A server push {@code 42[...]}: {@code payload} is the JSON array {@code ["event", ...args]}. */
    default void event(SioConnection connection, String payload) {
    }

    default void closed(SioConnection connection) {
    }
}
