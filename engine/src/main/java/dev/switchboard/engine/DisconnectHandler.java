package dev.switchboard.engine;

@FunctionalInterface
public interface DisconnectHandler {
    /**
     * @param reason as in Socket.IO: {@code "client namespace disconnect"}, {@code "server namespace disconnect"},
     *     {@code "transport close"}, {@code "transport error"}, {@code "ping timeout"}, {@code "server shutting down"},
     *     {@code "outbound buffer full"} (the client did not read what was sent to it; see
     *     {@link EngineConfig#outboundBufferLimit()}), {@code "connect timeout"}, ...
     */
    void disconnected(Socket socket, String reason) throws Exception;
}
