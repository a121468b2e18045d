package dev.switchboard.engine.internal.eio;

/** The way an Engine.IO session reaches its client right now. Used on the session's event loop only. */
interface Transport {

    String name();

    /** Queues a frame; nothing leaves before {@link #flush()}. Takes ownership of the frame. */
    void write(EngineFrame frame);

    void flush();

    /** Whether more frames may be written now; when it turns true again the transport wakes the session. */
    default boolean writable() {
        return true;
    }

    /** Whether a frame flushed now reaches the client at once (false: long-polling with no GET waiting). */
    default boolean deliversNow() {
        return true;
    }

    /** Bytes written but still held by the transport itself, waiting for the client to collect them. */
    default long bufferedBytes() {
        return 0;
    }

    /**
     * Ends the transport. With {@code tellClient} the client learns it was closed by the server
     * (polling: a close packet after whatever is still buffered).
     */
    void close(boolean tellClient);

    /**
     * Ends the transport because the client broke a rule; a websocket tells it {@code code} and
     * {@code reason} in its close frame, after whatever was written before.
     */
    default void refuse(int code, String reason) {
        close(false);
    }
}
