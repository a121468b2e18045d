package dev.switchboard.console.connections;

import io.socket.client.Socket;

/** One socket the console holds open, with what the connections table shows about it. */
public final class LiveConnection {

    private final String id;
    private final ConnectRequest request;
    private final Socket socket;
    private final long openedAt = System.currentTimeMillis();
    private volatile ConnectionStatus status = ConnectionStatus.CONNECTING;
    private volatile String detail = "connecting…";
    private volatile String socketId;
    private volatile String transportInUse = "";

    LiveConnection(String id, ConnectRequest request, Socket socket) {
        this.id = id;
        this.request = request;
        this.socket = socket;
    }

    public String id() {
        return id;
    }

    public String label() {
        return request.label();
    }

    public String userId() {
        return request.userId();
    }

    public String namespace() {
        return request.namespace();
    }

    public Transport transport() {
        return request.transport();
    }

    public ConnectRequest request() {
        return request;
    }

    Socket socket() {
        return socket;
    }

    public long openedAt() {
        return openedAt;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** The status in a sentence: the socket id when connected, the plain reason when rejected or dropped. */
    public String detail() {
        return detail;
    }

    public String socketId() {
        return socketId;
    }

    public String transportInUse() {
        return transportInUse;
    }

    public boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    void update(ConnectionStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    void connected(String socketId, String transport) {
        this.socketId = socketId;
        this.transportInUse = transport;
        update(ConnectionStatus.CONNECTED, "connected as socket " + socketId + " over " + transport);
    }

    /** "c1 · jhonsnow" (with the namespace when not the main one). */
    public String display() {
        return id + " · " + label() + ("/".equals(namespace()) ? "" : " (" + namespace() + ")");
    }

    @Override
    public String toString() {
        return display();
    }
}
