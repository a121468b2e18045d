package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests between nodes: one channel every node listens on, and one response channel per node
 * ({@code <responsePrefix><uid>#}) where the others send their answers to this node's requests.
 * Every message carries its sender's uid; a node ignores its own. What a node answers is up to
 * {@code answerer}: an answer is sent back to the asking node, {@code null} means none is expected.
 */
final class RequestChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RequestChannel.class);

    private final RedisBackplane backplane;
    private final String label;
    private final String requestChannel;
    private final String responsePrefix;
    private final String responseChannel;
    private final Function<ObjectNode, JsonNode> answerer;
    private final Map<String, PendingAnswers> pending = new ConcurrentHashMap<>();

    RequestChannel(RedisBackplane backplane, String label, String requestChannel, String responsePrefix,
                   Function<ObjectNode, JsonNode> answerer) {
        this.backplane = backplane;
        this.label = label;
        this.requestChannel = requestChannel;
        this.responsePrefix = responsePrefix;
        this.responseChannel = responsePrefix + backplane.uid() + "#";
        this.answerer = answerer;
        backplane.subscribe(requestChannel, this::onRequest);
        backplane.subscribe(responseChannel, this::onResponse);
    }

    /** A request of that type, with this node's uid, for {@link #tell} or {@link #askOthers}. */
    ObjectNode request(String type) {
        return Wire.NODES.objectNode().put("uid", backplane.uid()).put("type", type);
    }

    /** Publishes the request to the other nodes without waiting for answers. */
    void tell(ObjectNode request) {
        backplane.publish(requestChannel, Wire.encode(request));
    }

    /**
     * The answers of the other nodes that arrive within {@link RedisBackplane#COMMAND_TIMEOUT}; a node
     * that does not answer in time (or Redis being away) is left out rather than failing the call.
     */
    CompletableFuture<List<JsonNode>> askOthers(ObjectNode request) {
        if (!backplane.reachable()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return backplane.subscribers(requestChannel)
                .thenCompose(nodes -> gather(request, (int) (nodes - 1)))
                .exceptionally(e -> {
                    LOG.warn("{} on {}: cannot ask the other nodes ({}); answering for this node only",
                            request.path("type").asText(), label, e.toString());
                    return List.of();
                });
    }

    private CompletableFuture<List<JsonNode>> gather(ObjectNode request, int otherNodes) {
        if (otherNodes <= 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        String id = UUID.randomUUID().toString();
        PendingAnswers answers = new PendingAnswers(otherNodes);
        pending.put(id, answers);
        backplane.schedule(() -> {
            if (pending.remove(id) != null && answers.finish()) {
                LOG.warn("{} on {}: {} of {} other nodes did not answer within {} ms", request.path("type").asText(),
                        label, answers.missing(), otherNodes, RedisBackplane.COMMAND_TIMEOUT.toMillis());
            }
        }, RedisBackplane.COMMAND_TIMEOUT);
        tell(request.put("requestId", id));
        return answers.result();
    }

    private void onRequest(byte[] bytes) {
        ObjectNode request = backplane.fromOtherNode(bytes, label);
        if (request == null) {
            return;
        }
        JsonNode answer = answerer.apply(request);
        if (answer != null && request.hasNonNull("requestId")) {
            ObjectNode response = Wire.NODES.objectNode();
            response.put("uid", backplane.uid());
            response.put("requestId", request.path("requestId").asText());
            response.set("answer", answer);
            backplane.publish(responsePrefix + request.path("uid").asText() + "#", Wire.encode(response));
        }
    }

    private void onResponse(byte[] bytes) {
        ObjectNode response = backplane.fromOtherNode(bytes, label);
        if (response == null) {
            return;
        }
        String id = response.path("requestId").asText();
        PendingAnswers answers = pending.get(id);
        if (answers != null && answers.add(response.path("answer"))) {
            pending.remove(id);
        }
    }

    void close() {
        backplane.unsubscribe(requestChannel);
        backplane.unsubscribe(responseChannel);
    }

    /** A request waiting for the other nodes' answers. */
    private static final class PendingAnswers {
        private final List<JsonNode> answers = new ArrayList<>();
        private final CompletableFuture<List<JsonNode>> result = new CompletableFuture<>();
        private int missing;

        PendingAnswers(int otherNodes) {
            this.missing = otherNodes;
        }

        /** Adds one node's answer; true when it was the last one expected. */
        synchronized boolean add(JsonNode answer) {
            answers.add(answer);
            missing--;
            return missing <= 0 && finish();
        }

        /** Completes with what arrived; true when this call completed it. */
        synchronized boolean finish() {
            return result.complete(List.copyOf(answers));
        }

        synchronized int missing() {
            return missing;
        }

        CompletableFuture<List<JsonNode>> result() {
            return result;
        }
    }
}
