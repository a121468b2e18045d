package dev.switchboard.engine;

/**
 * Decides, as an event arrives and before it queues for a worker, whether it may queue. A server over capacity
 * can so answer the excess at once, instead of after the wait that would make its answer useless. Called on the
 * connection's I/O thread: it must not block.
 */
@FunctionalInterface
public interface EventGate {

    /** Lets every event queue. */
    EventGate OPEN = (socket, event, waiting) -> true;

    /**
     * @param waiting events of this server that arrived before this one and no worker has started yet
     * @return true to let the event queue; false when the gate has answered it (through its ack) and it must not run
     */
    boolean admit(Socket socket, Event event, int waiting);
}
