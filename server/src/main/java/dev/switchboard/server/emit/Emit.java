package dev.switchboard.server.emit;

/** A push of the contract sent while a listener runs; {@link #event()} is its catalog name. */
public interface Emit {
    String event();
}
