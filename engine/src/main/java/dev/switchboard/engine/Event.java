package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An event received from a client.
 *
 * @param args the arguments after the event name; binary attachments are {@code BinaryNode}s
 * @param ack  never null; {@link Ack#requested()} tells whether the client asked for one
 * @param receivedNanos {@link System#nanoTime()} when the packet arrived, before it waited for a worker: a
 *                      handler can tell how long the event queued (and shed load when that is too long)
 */
public record Event(String name, List<JsonNode> args, Ack ack, long receivedNanos) {

    /** An event received now. */
    public Event(String name, List<JsonNode> args, Ack ack) {
        this(name, args, ack, System.nanoTime());
    }

    /** How long it has waited since it arrived. */
    public java.time.Duration waited() {
        return java.time.Duration.ofNanos(System.nanoTime() - receivedNanos);
    }

    /** The argument at that position, or {@code MissingNode} when the client sent fewer. */
    public JsonNode arg(int index) {
        return index < args.size() ? args.get(index) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
