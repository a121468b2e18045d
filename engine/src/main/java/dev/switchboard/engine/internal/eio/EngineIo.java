package dev.switchboard.engine.internal.eio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.internal.Ids;
import io.netty.channel.EventLoop;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The Engine.IO server: its sessions by id, and what every session shares. */
public final class EngineIo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineConfig config;
    private final HttpResponder responder;
    private final Function<EngineSession, SessionListener> listeners;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final String pathWithSlash;
    private final String pathWithoutSlash;

    /** @param listeners makes the upper layer (Socket.IO) of each new session */
    public EngineIo(EngineConfig config, Function<EngineSession, SessionListener> listeners) {
        this.config = config;
        this.responder = new HttpResponder(new CorsPolicy(config.corsOrigins(), config.corsCredentials()));
        this.listeners = listeners;
        String path = config.path().endsWith("/") ? config.path() : config.path() + "/";
        this.pathWithSlash = path;
        this.pathWithoutSlash = path.substring(0, path.length() - 1);
    }

    public EngineConfig config() {
        return config;
    }

    HttpResponder responder() {
        return responder;
    }

    boolean servesPath(String path) {
        return path.equals(pathWithSlash) || path.equals(pathWithoutSlash);
    }

    boolean allows(String transport) {
        return transport != null && config.transports().contains(transport)
                && (transport.equals("polling") || transport.equals("websocket"));
    }

    EngineSession create(EventLoop loop, HandshakeRequest request) {
        EngineSession session = new EngineSession(this, Ids.next(), loop, request);
        sessions.put(session.id(), session);
        return session;
    }

    EngineSession session(String sid) {
        return sessions.get(sid);
    }

    void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    SessionListener newListener(EngineSession session) {
        return listeners.apply(session);
    }

    String openPacket(EngineSession session, boolean polling) {
        ObjectNode open = JSON.createObjectNode();
        open.put("sid", session.id());
        open.putPOJO("upgrades", polling && config.transports().contains("websocket") ? List.of("websocket") : List.of());
        open.put("pingInterval", config.pingInterval().toMillis());
        open.put("pingTimeout", config.pingTimeout().toMillis());
        open.put("maxPayload", config.maxPayload());
        return "0" + open;
    }

    public Collection<EngineSession> sessions() {
        return sessions.values();
    }
}
