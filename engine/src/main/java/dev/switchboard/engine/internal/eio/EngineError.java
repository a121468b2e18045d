package dev.switchboard.engine.internal.eio;

/** The standard Engine.IO error answers, sent as {@code 400 {"code":n,"message":"..."}}. */
enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    final int code;
    final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
