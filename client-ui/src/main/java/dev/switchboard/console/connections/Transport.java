package dev.switchboard.console.connections;

/** Which Engine.IO transports a connection may use. */
public enum Transport {
    WEBSOCKET("WebSocket", "websocket"),
    POLLING("Long-polling", "polling"),
    BOTH("Polling, then upgrade", "polling", "websocket");

    private final String label;
    private final String[] names;

    Transport(String label, String... names) {
        this.label = label;
        this.names = names;
    }

    public String[] engineNames() {
        return names.clone();
    }

    @Override
    public String toString() {
        return label;
    }
}
