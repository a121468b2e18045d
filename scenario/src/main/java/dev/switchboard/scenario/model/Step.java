package dev.switchboard.scenario.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;

/** One thing that happens in a scenario. {@link #describe()} is the line the reports print. */
public sealed interface Step {

    long DEFAULT_WITHIN_MS = 2000;
    long DEFAULT_ACK_WITHIN_MS = 5000;

    String describe();

    /** Opens every socket of the actor; with {@code expectError}, the connect_error must contain that text. */
    record Connect(String actor, String expectError) implements Step {
        @Override
        public String describe() {
            return "connect " + actor + (expectError == null ? "" : " (expect error \"" + expectError + "\")");
        }
    }

    /**
     * Fires an event from the actor's first socket and waits for the ack.
     *
     * @param expect  partial match on the ack's first argument, or null
     * @param capture name → dotted path in the ack
     */
    record Emit(String event, String as, ArrayNode args, JsonNode expect, Map<String, String> capture,
                long within) implements Step {
        public Emit {
            capture = capture == null ? Map.of() : Map.copyOf(capture);
        }

        @Override
        public String describe() {
            return "emit " + event + " as " + as;
        }
    }

    /** Every socket of the actor must receive a matching push within the time. */
    record ExpectPush(String event, String on, JsonNode match, Map<String, String> capture, long within)
            implements Step {
        public ExpectPush {
            capture = capture == null ? Map.of() : Map.copyOf(capture);
        }

        @Override
        public String describe() {
            return "expectPush " + event + " on " + on;
        }
    }

    /** No socket of the actor receives that event (beyond what earlier steps consumed) during the time. */
    record ExpectNoPush(String event, String on, long within) implements Step {
        @Override
        public String describe() {
            return "expectNoPush " + event + " on " + on + " for " + within + " ms";
        }
    }

    record Wait(long millis) implements Step {
        @Override
        public String describe() {
            return "wait " + millis + " ms";
        }
    }

    record Disconnect(String actor) implements Step {
        @Override
        public String describe() {
            return "disconnect " + actor;
        }
    }
}
