package dev.switchboard.engine;

/** Handles one event sent by a client. An exception is logged; it never closes the socket. */
@FunctionalInterface
public interface EventHandler {
    void handle(Socket socket, Event event) throws Exception;
}
