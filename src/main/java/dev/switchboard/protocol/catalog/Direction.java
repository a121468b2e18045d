package dev.switchboard.protocol.catalog;

public enum Direction {
    /** Client to server: a listener on the server, answered through the ack. */
    LISTENER,
    /** Server to client: a push. */
    EMIT
}
