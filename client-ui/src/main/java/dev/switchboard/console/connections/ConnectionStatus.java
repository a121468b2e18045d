package dev.switchboard.console.connections;

public enum ConnectionStatus {
    CONNECTING, CONNECTED, REJECTED, DISCONNECTED, CLOSED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
