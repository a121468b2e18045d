package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A push sent to a socket right after its connection was admitted; its event name is given where it is
 * wired ({@link Emits#create}).
 */
@FunctionalInterface
public interface ConnectPush {

    /** The payload for that user, read now. */
    JsonNode payload(ConnectingUser user);
}
