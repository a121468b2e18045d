package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An event received from a client.
 *
 * @param args the arguments after the event name; binary attachments are {@code BinaryNode}s
 * @param ack  never null; {@link Ack#requested()} tells whether the client asked for one
 */
public record Event(String name, List<JsonNode> args, Ack ack) {

    /** The argument at that position, or {@code MissingNode} when the client sent fewer. */
    public JsonNode arg(int index) {
        return index < args.size() ? args.get(index) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
