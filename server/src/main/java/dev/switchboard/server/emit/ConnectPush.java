package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import org.bson.Document;

/** A push sent to a socket right after its connection was admitted. */
public interface ConnectPush extends Emit {

    /** The payload for that user, read now. */
    JsonNode payload(Document me, Date now);
}
