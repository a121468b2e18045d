package dev.switchboard.engine.internal.eio;

import io.netty.buffer.ByteBuf;

/** The layer above an Engine.IO session (Socket.IO). Called on the session's event loop. */
public interface SessionListener {

    /**
     * A text message: {@code data}'s readable bytes are the payload after the Engine.IO message type.
     * Valid during the call only; the listener may consume it.
     */
    void onMessage(ByteBuf data);

    void onBinary(byte[] data);

    void onClose(String reason);

    /**
     * Packets that tell the client, in the protocol above, that the server ends the connection. They
     * go out just before a refusal closes it: some clients (engine.io-client-java on OkHttp 3) stop
     * reading at a websocket close frame without reacting to it, but do react to these.
     */
    default EngineFrame[] farewell() {
        return new EngineFrame[0];
    }
}
