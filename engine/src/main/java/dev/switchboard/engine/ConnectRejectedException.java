package dev.switchboard.engine;

/** Thrown by a middleware to refuse a connection: becomes CONNECT_ERROR {@code {message, data}}. */
public class ConnectRejectedException extends Exception {

    private final transient Object data;

    public ConnectRejectedException(String message) {
        this(message, null);
    }

    public ConnectRejectedException(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    /** Optional extra detail sent as {@code data} (converted like emit arguments); may be null. */
    public Object data() {
        return data;
    }
}
