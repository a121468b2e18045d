package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.internal.eio.EngineSession;
import dev.switchboard.engine.internal.eio.SessionListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;

/** The Socket.IO layer: namespaces, and what their sockets share (codec, worker pool, config). */
public final class SioServer {

    private static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final EngineConfig config;
    private final Executor workers;
    private final PacketEncoder encoder;
    private final JsonReader jsonReader;
    private final ConcurrentHashMap<String, NamespaceImpl> namespaces = new ConcurrentHashMap<>();
    /** Events that arrived and no worker has started yet, over every namespace: they share the pool. */
    private final AtomicInteger waitingEvents = new AtomicInteger();

    public SioServer(EngineConfig config, Executor workers) {
        this.config = config;
        this.workers = workers;
        this.encoder = new PacketEncoder(config.objectMapper());
        this.jsonReader = new JsonReader(config.objectMapper().getFactory(), config.objectMapper().getNodeFactory());
        namespace("/");
    }

    /** Counts an event that arrived; answers how many were waiting before it. */
    int eventArrived() {
        return waitingEvents.getAndIncrement();
    }

    /** Counts an event that a worker started, or that will not run. */
    void eventLeftQueue() {
        waitingEvents.decrementAndGet();
    }

    public Namespace namespace(String name) {
        String normalized = name.startsWith("/") ? name : "/" + name;
        return namespaces.computeIfAbsent(normalized, n -> new NamespaceImpl(n, this));
    }

    /** The Socket.IO side of a new Engine.IO session. */
    public SessionListener newClient(EngineSession session) {
        return new Client(this, session);
    }

    NamespaceImpl existingNamespace(String name) {
        return namespaces.get(name);
    }

    EngineConfig config() {
        return config;
    }

    ObjectMapper mapper() {
        return config.objectMapper();
    }

    Executor workers() {
        return workers;
    }

    PacketEncoder encoder() {
        return encoder;
    }

    JsonReader jsonReader() {
        return jsonReader;
    }

    List<JsonNode> toJson(Object[] args) {
        List<JsonNode> json = new ArrayList<>(args.length);
        for (Object arg : args) {
            JsonNode node = arg instanceof JsonNode n ? n : config.objectMapper().valueToTree(arg);
            json.add(node == null ? NullNode.getInstance() : node);
        }
        return Collections.unmodifiableList(json);
    }

    static void checkEventName(String event) {
        if (event == null || RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }
}
