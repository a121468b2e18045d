package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions the application asks every node, e.g. "your stats": each node registers what it answers
 * to a type of request ({@link #answer}), and {@link #ask} gathers the answer of this node and of every
 * other node, with the timeout and absent-node behaviour of {@link RedisAdapter#fetchSockets}. Over
 * Redis the requests travel on {@code <prefix>-cluster-request#}; on a single node only this node answers.
 */
public final class ClusterRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRequests.class);

    private final Map<String, Function<JsonNode, JsonNode>> handlers = new ConcurrentHashMap<>();
    /** Null on a single node. */
    private final RequestChannel others;

    private ClusterRequests(RedisBackplane backplane) {
        this.others = backplane == null ? null
                : new RequestChannel(backplane, "cluster requests", backplane.prefix() + "-cluster-request#",
                        backplane.prefix() + "-cluster-response#", this::answerOtherNode);
    }

    /** Only this node answers. */
    public static ClusterRequests singleNode() {
        return new ClusterRequests(null);
    }

    /** Every node on that backplane answers. */
    public static ClusterRequests over(RedisBackplane backplane) {
        return new ClusterRequests(backplane);
    }

    /** False on a single node: then {@link #tell} goes nowhere. */
    public boolean spansNodes() {
        return others != null;
    }

    /**
     * Hands the payload to every other node's handler of that type, without waiting (a handler returns
     * null: no answer is sent back). Dropped while Redis is away.
     */
    public void tell(String type, JsonNode payload) {
        if (others != null) {
            ObjectNode request = others.request(type);
            request.set("payload", payload);
            others.tell(request);
        }
    }

    /** What this node answers to requests of that type (from any node, this one included). */
    public void answer(String type, Function<JsonNode, JsonNode> handler) {
        handlers.put(type, handler);
    }

    /**
     * This node's answer first, then those of the other nodes that answered within
     * {@link RedisBackplane#COMMAND_TIMEOUT}; fails when this node has no handler for the type.
     */
    public CompletableFuture<List<JsonNode>> ask(String type, JsonNode payload) {
        Function<JsonNode, JsonNode> handler = handlers.get(type);
        if (handler == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no handler for " + type));
        }
        JsonNode local = handler.apply(payload);
        if (others == null) {
            return CompletableFuture.completedFuture(List.of(local));
        }
        ObjectNode request = others.request(type);
        request.set("payload", payload);
        return others.askOthers(request).thenApply(answers -> {
            List<JsonNode> all = new ArrayList<>(answers.size() + 1);
            all.add(local);
            all.addAll(answers);
            return List.copyOf(all);
        });
    }

    private JsonNode answerOtherNode(ObjectNode request) {
        String type = request.path("type").asText();
        Function<JsonNode, JsonNode> handler = handlers.get(type);
        if (handler == null) {
            LOG.warn("another node asked {}, which this node does not answer", type);
            return null;
        }
        return handler.apply(request.path("payload"));
    }
}
