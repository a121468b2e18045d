package dev.switchboard.server.middleware;

import dev.switchboard.engine.Socket;

/**
 * One step of the connection chain (the original's {@code middlewares.ts}). Runs once per connection,
 * before any listener can act and before any push. To add one: write a class implementing this and
 * add it to the list in {@link Middlewares#chain}.
 */
public interface ConnectionMiddleware {

    /** The name used in rejection messages and log lines, e.g. {@code authentication}. */
    String name();

    /** {@link Admission#admit()} to go on, {@link Admission#reject(String)} to refuse. Throwing counts as a refusal. */
    Admission admit(Socket socket) throws Exception;

    /** Undoes what {@link #admit} did, when a later middleware refused the same connection. */
    default void undo(Socket socket) {
    }
}
