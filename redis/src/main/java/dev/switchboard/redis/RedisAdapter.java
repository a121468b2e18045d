package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.BroadcastOptions;
import dev.switchboard.engine.InMemoryAdapter;
import dev.switchboard.engine.LocalDelivery;
import dev.switchboard.engine.OutboundPacket;
import dev.switchboard.engine.SocketInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter of one namespace when the server runs as several nodes, in the way of the Socket.IO
 * Redis adapter: room membership stays local (as in {@link InMemoryAdapter}); every broadcast is
 * delivered locally and published on the namespace's channel {@code <prefix>#<nsp>#} for the other
 * nodes to deliver to their own sockets; socket operations (join, leave, disconnect, fetch) are
 * requests on {@code <prefix>-request#<nsp>#}, and fetch answers come back on this node's
 * {@code <prefix>-response#<nsp>#<uid>#}. A node ignores messages it sent itself.
 */
public class RedisAdapter extends InMemoryAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAdapter.class);

    private final RedisBackplane backplane;
    private final String broadcastChannel;
    private final String requestChannel;
    private final String responseChannel;
    private final Map<String, PendingFetch> pendingFetches = new ConcurrentHashMap<>();

    public RedisAdapter(LocalDelivery namespace, RedisBackplane backplane) {
        super(namespace);
        this.backplane = backplane;
        String nsp = namespace.namespace();
        this.broadcastChannel = backplane.prefix() + "#" + nsp + "#";
        this.requestChannel = backplane.prefix() + "-request#" + nsp + "#";
        this.responseChannel = responseChannel(backplane.uid());
        backplane.subscribe(broadcastChannel, this::onBroadcast);
        backplane.subscribe(requestChannel, this::onRequest);
        backplane.subscribe(responseChannel, this::onResponse);
    }

    private String responseChannel(String nodeUid) {
        return backplane.prefix() + "-response#" + namespace.namespace() + "#" + nodeUid + "#";
    }

    // ---- this node's calls: act locally, then tell the others --------------------------------

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        super.broadcast(packet, options);
        if (!options.local()) {
            ObjectNode message = message("broadcast", options);
            message.put("event", packet.event());
            message.set("args", Wire.NODES.arrayNode().addAll(packet.args()));
            backplane.publish(broadcastChannel, Wire.encode(message));
        }
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        super.addSockets(options, rooms);
        requestRooms("join", options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        super.delSockets(options, rooms);
        requestRooms("leave", options, rooms);
    }

    private void requestRooms(String type, BroadcastOptions options, Set<String> rooms) {
        if (!options.local()) {
            ObjectNode message = message(type, options);
            message.set("targetRooms", Wire.strings(rooms));
            backplane.publish(requestChannel, Wire.encode(message));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        super.disconnectSockets(options, close);
        if (!options.local()) {
            backplane.publish(requestChannel, Wire.encode(message("disconnect", options).put("close", close)));
        }
    }

    /**
     * This node's sockets plus what every other node answers within {@link RedisBackplane#COMMAND_TIMEOUT};
     * a node that does not answer in time (or Redis being away) leaves its sockets out rather than
     * failing the call.
     */
    @Override
    public CompletableFuture<List<SocketInfo>> fetchSockets(BroadcastOptions options) {
        List<SocketInfo> local = namespace.describe(select(options));
        if (options.local() || !backplane.reachable()) {
            return CompletableFuture.completedFuture(local);
        }
        return backplane.subscribers(requestChannel)
                .thenCompose(nodes -> fetchRemote(options, local, (int) (nodes - 1)))
                .exceptionally(e -> {
                    LOG.warn("fetchSockets on {}: cannot ask the other nodes ({}); listing this node's sockets only",
                            namespace.namespace(), e.toString());
                    return local;
                });
    }

    private CompletableFuture<List<SocketInfo>> fetchRemote(BroadcastOptions options, List<SocketInfo> local,
                                                            int otherNodes) {
        if (otherNodes <= 0) {
            return CompletableFuture.completedFuture(local);
        }
        String id = UUID.randomUUID().toString();
        PendingFetch pending = new PendingFetch(local, otherNodes);
        pendingFetches.put(id, pending);
        backplane.schedule(() -> {
            if (pendingFetches.remove(id) != null && pending.finish()) {
                LOG.warn("fetchSockets on {}: {} of {} other nodes did not answer within {} ms", namespace.namespace(),
                        pending.missing(), otherNodes, RedisBackplane.COMMAND_TIMEOUT.toMillis());
            }
        }, RedisBackplane.COMMAND_TIMEOUT);
        ObjectNode request = message("fetch", options).put("requestId", id);
        backplane.publish(requestChannel, Wire.encode(request));
        return pending.result();
    }

    private ObjectNode message(String type, BroadcastOptions options) {
        ObjectNode message = Wire.NODES.objectNode();
        message.put("uid", backplane.uid());
        message.put("type", type);
        message.set("opts", Wire.options(options));
        return message;
    }

    // ---- other nodes' messages ----------------------------------------------------------------

    private ObjectNode fromOtherNode(byte[] bytes) {
        try {
            ObjectNode message = Wire.decode(bytes);
            return backplane.uid().equals(message.path("uid").asText()) ? null : message;
        } catch (IOException e) {
            LOG.warn("ignoring an unreadable message on namespace {}: {}", namespace.namespace(), e.getMessage());
            return null;
        }
    }

    private void onBroadcast(byte[] bytes) {
        ObjectNode message = fromOtherNode(bytes);
        if (message == null) {
            return;
        }
        List<JsonNode> args = new ArrayList<>();
        message.path("args").forEach(args::add);
        OutboundPacket packet = new OutboundPacket(namespace.namespace(), message.path("event").asText(), args);
        super.broadcast(packet, Wire.localOptions(message.path("opts")));
    }

    private void onRequest(byte[] bytes) {
        ObjectNode message = fromOtherNode(bytes);
        if (message == null) {
            return;
        }
        BroadcastOptions options = Wire.localOptions(message.path("opts"));
        switch (message.path("type").asText()) {
            case "join" -> super.addSockets(options, Wire.strings(message.path("targetRooms")));
            case "leave" -> super.delSockets(options, Wire.strings(message.path("targetRooms")));
            case "disconnect" -> super.disconnectSockets(options, message.path("close").asBoolean());
            case "fetch" -> answerFetch(message, options);
            default -> LOG.warn("ignoring a request of unknown type {} on namespace {}", message.path("type"),
                    namespace.namespace());
        }
    }

    private void answerFetch(ObjectNode request, BroadcastOptions options) {
        ObjectNode response = Wire.NODES.objectNode();
        response.put("uid", backplane.uid());
        response.put("type", "sockets");
        response.put("requestId", request.path("requestId").asText());
        response.set("sockets", SocketInfos.toWire(namespace.describe(select(options))));
        backplane.publish(responseChannel(request.path("uid").asText()), Wire.encode(response));
    }

    private void onResponse(byte[] bytes) {
        ObjectNode message = fromOtherNode(bytes);
        if (message == null) {
            return;
        }
        String id = message.path("requestId").asText();
        PendingFetch pending = pendingFetches.get(id);
        if (pending != null && pending.add(SocketInfos.fromWire(message.path("sockets")))) {
            pendingFetches.remove(id);
        }
    }

    @Override
    public void close() {
        backplane.unsubscribe(broadcastChannel);
        backplane.unsubscribe(requestChannel);
        backplane.unsubscribe(responseChannel);
    }

    /** A fetch waiting for the other nodes' answers. */
    private static final class PendingFetch {
        private final List<SocketInfo> sockets;
        private final CompletableFuture<List<SocketInfo>> result = new CompletableFuture<>();
        private int missing;

        PendingFetch(List<SocketInfo> local, int otherNodes) {
            this.sockets = new ArrayList<>(local);
            this.missing = otherNodes;
        }

        /** Adds one node's answer; true when it was the last one expected. */
        synchronized boolean add(List<SocketInfo> answer) {
            sockets.addAll(answer);
            missing--;
            return missing <= 0 && finish();
        }

        /** Completes with what arrived; true when this call completed it. */
        synchronized boolean finish() {
            return result.complete(List.copyOf(sockets));
        }

        synchronized int missing() {
            return missing;
        }

        CompletableFuture<List<SocketInfo>> result() {
            return result;
        }
    }
}
