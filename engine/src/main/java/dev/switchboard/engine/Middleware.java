package dev.switchboard.engine;

/**
 * A connection middleware. Returning normally admits the socket to the next middleware;
 * throwing {@link ConnectRejectedException} refuses it with a CONNECT_ERROR carrying that
 * message and data. Any other exception refuses it too (logged, generic message to the client).
 * Until every middleware has admitted the socket, no handler sees it and nothing is emitted to it.
 */
@FunctionalInterface
public interface Middleware {
    void handle(Socket socket) throws Exception;
}
