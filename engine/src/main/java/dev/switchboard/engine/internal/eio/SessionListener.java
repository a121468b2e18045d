package dev.switchboard.engine.internal.eio;

/** The layer above an Engine.IO session (Socket.IO). Called on the session's event loop. */
public interface SessionListener {

    /** A text message; {@code data} is the payload after the Engine.IO message type. */
    void onMessage(byte[] data);

    void onBinary(byte[] data);

    void onClose(String reason);
}
