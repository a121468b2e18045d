package dev.switchboard.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.BroadcastOptions;
import dev.switchboard.engine.InMemoryAdapter;
import dev.switchboard.engine.LocalDelivery;
import dev.switchboard.engine.OutboundPacket;
import dev.switchboard.engine.SocketInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter of one namespace when the server runs as several nodes, in the way of the Socket.IO
 * Redis adapter: room membership stays local (as in {@link InMemoryAdapter}); every broadcast is
 * delivered locally and published on the namespace's channel {@code <prefix>#<nsp>#} for the other
 * nodes to deliver to their own sockets; socket operations (join, leave, disconnect, fetch) are
 * requests on {@code <prefix>-request#<nsp>#}, and fetch answers come back on this node's
 * {@code <prefix>-response#<nsp>#<uid>#} (see {@link RequestChannel}). A node ignores messages it sent itself.
 */
public class RedisAdapter extends InMemoryAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAdapter.class);

    private final RedisBackplane backplane;
    private final String broadcastChannel;
    private final RequestChannel requests;

    public RedisAdapter(LocalDelivery namespace, RedisBackplane backplane) {
        super(namespace);
        this.backplane = backplane;
        String nsp = namespace.namespace();
        this.broadcastChannel = backplane.prefix() + "#" + nsp + "#";
        backplane.subscribe(broadcastChannel, this::onBroadcast);
        this.requests = new RequestChannel(backplane, "namespace " + nsp, backplane.prefix() + "-request#" + nsp + "#",
                backplane.prefix() + "-response#" + nsp + "#", this::onRequest);
    }

    // ---- this node's calls: act locally, then tell the others --------------------------------

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        super.broadcast(packet, options);
        if (!options.local()) {
            ObjectNode message = withOptions(Wire.NODES.objectNode().put("uid", backplane.uid()), options);
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
            ObjectNode message = request(type, options);
            message.set("targetRooms", Wire.strings(rooms));
            requests.tell(message);
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        super.disconnectSockets(options, close);
        if (!options.local()) {
            requests.tell(request("disconnect", options).put("close", close));
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
        if (options.local()) {
            return CompletableFuture.completedFuture(local);
        }
        return requests.askOthers(request("fetch", options)).thenApply(answers -> {
            List<SocketInfo> sockets = new ArrayList<>(local);
            answers.forEach(answer -> sockets.addAll(SocketInfos.fromWire(answer)));
            return List.copyOf(sockets);
        });
    }

    private ObjectNode request(String type, BroadcastOptions options) {
        return withOptions(requests.request(type), options);
    }

    private static ObjectNode withOptions(ObjectNode message, BroadcastOptions options) {
        message.set("opts", Wire.options(options));
        return message;
    }

    // ---- other nodes' messages ----------------------------------------------------------------

    private void onBroadcast(byte[] bytes) {
        ObjectNode message = backplane.fromOtherNode(bytes, "namespace " + namespace.namespace());
        if (message == null) {
            return;
        }
        List<JsonNode> args = new ArrayList<>();
        message.path("args").forEach(args::add);
        OutboundPacket packet = new OutboundPacket(namespace.namespace(), message.path("event").asText(), args);
        super.broadcast(packet, Wire.localOptions(message.path("opts")));
    }

    /** Acts on another node's request for this node's sockets; only a fetch has an answer. */
    private JsonNode onRequest(ObjectNode message) {
        BroadcastOptions options = Wire.localOptions(message.path("opts"));
        switch (message.path("type").asText()) {
            case "join" -> super.addSockets(options, Wire.strings(message.path("targetRooms")));
            case "leave" -> super.delSockets(options, Wire.strings(message.path("targetRooms")));
            case "disconnect" -> super.disconnectSockets(options, message.path("close").asBoolean());
            case "fetch" -> {
                return SocketInfos.toWire(namespace.describe(select(options)));
            }
            default -> LOG.warn("ignoring a request of unknown type {} on namespace {}", message.path("type"),
                    namespace.namespace());
        }
        return null;
    }

    @Override
    public void close() {
        backplane.unsubscribe(broadcastChannel);
        requests.close();
    }
}
