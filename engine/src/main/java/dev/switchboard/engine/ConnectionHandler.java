package dev.switchboard.engine;

@FunctionalInterface
public interface ConnectionHandler {
    void connected(Socket socket) throws Exception;
}
