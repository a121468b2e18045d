package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An event on its way to sockets: already converted to JSON, so an adapter can ship it to other nodes. */
public record OutboundPacket(String namespace, String event, List<JsonNode> args) {
}
