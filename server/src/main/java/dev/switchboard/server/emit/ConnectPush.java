package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;

/** A push sent to a socket right after its connection was admitted. */
public interface ConnectPush extends Emit {

    /** The payload for that user, read now. */
    JsonNode payload(ConnectingUser user);
}
