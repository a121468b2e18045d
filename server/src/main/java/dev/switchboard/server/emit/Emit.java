package dev.switchboard.server.emit;

/** A push of the contract; {@link #event()} is its catalog name. */
public interface Emit {
    String event();
}
