package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.engine.Handshake;
import dev.switchboard.engine.internal.eio.EngineFrame;
import dev.switchboard.engine.internal.eio.EngineSession;
import dev.switchboard.engine.internal.eio.HandshakeRequest;
import dev.switchboard.engine.internal.eio.SessionListener;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO side of one Engine.IO connection: decodes its packets and routes them to the
 * socket of each namespace the client joined. Runs on the session's event loop; handlers never do.
 */
final class Client implements SessionListener {

    private static final Logger log = LoggerFactory.getLogger(Client.class);

    private final SioServer server;
    private final EngineSession session;
    private final PacketDecoder decoder;
    private final Map<String, SocketImpl> sockets = new ConcurrentHashMap<>(2);
    private final io.netty.util.concurrent.Future<?> connectTimer;

    Client(SioServer server, EngineSession session) {
        this.server = server;
        this.session = session;
        this.decoder = new PacketDecoder(server.jsonReader());
        this.connectTimer = session.loop().schedule(this::connectTimedOut,
                server.config().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    EngineSession session() {
        return session;
    }

    void send(EngineFrame[] frames) {
        session.send(frames);
    }

    @Override
    public void onMessage(ByteBuf data) {
        try {
            SioPacket packet = decoder.text(data);
            if (packet != null) {
                route(packet);
            }
        } catch (PacketDecoder.DecodeException e) {
            refuse(e);
        }
    }

    @Override
    public void onBinary(byte[] data) {
        try {
            SioPacket packet = decoder.binary(data);
            if (packet != null) {
                route(packet);
            }
        } catch (PacketDecoder.DecodeException e) {
            refuse(e);
        }
    }

    private void refuse(PacketDecoder.DecodeException e) {
        log.debug("closing session {}: {}", session.id(), e.getMessage());
        session.abort("parse error", "parse error: " + e.getMessage());
    }

    /** A server-side disconnect of every joined namespace: a client reacts to it at once, whatever its websocket does. */
    @Override
    public EngineFrame[] farewell() {
        return sockets.keySet().stream()
                .flatMap(name -> Arrays.stream(server.encoder().disconnect(name)))
                .toArray(EngineFrame[]::new);
    }

    private void route(SioPacket packet) {
        if (packet.type() == SioPacket.CONNECT) {
            connect(packet.namespace(), packet.data());
            return;
        }
        SocketImpl socket = sockets.get(packet.namespace());
        if (socket != null) {
            socket.onPacket(packet);
        } else {
            log.debug("session {}: packet for namespace {} it has not joined", session.id(), packet.namespace());
        }
    }

    private void connect(String name, JsonNode auth) {
        NamespaceImpl namespace = server.existingNamespace(name);
        if (namespace == null) {
            send(server.encoder().connectError(name, "Invalid namespace", null));
            return;
        }
        if (sockets.containsKey(name)) {
            log.debug("session {}: second CONNECT to {} ignored", session.id(), name);
            return;
        }
        SocketImpl socket = new SocketImpl(namespace, this, handshake(auth));
        sockets.put(name, socket);
        socket.start();
    }

    private Handshake handshake(JsonNode auth) {
        HandshakeRequest request = session.request();
        return new Handshake(request.headers(), request.query(), auth == null ? MissingNode.getInstance() : auth,
                request.address(), request.issued(), request.url());
    }

    void remove(SocketImpl socket) {
        sockets.remove(socket.namespace().name(), socket);
    }

    /** Server-side disconnect of every namespace, then of the connection itself. */
    void disconnectAll() {
        session.closeFollows();
        try {
            for (SocketImpl socket : sockets.values()) {
                socket.disconnect(false);
            }
        } finally {
            session.close("forced close");
        }
    }

    private void connectTimedOut() {
        if (sockets.isEmpty() && session.isOpen()) {
            log.debug("session {} joined no namespace in time", session.id());
            session.close("connect timeout");
        }
    }

    @Override
    public void onClose(String reason) {
        connectTimer.cancel(false);
        for (SocketImpl socket : sockets.values()) {
            socket.onClose(reason);
        }
        sockets.clear();
    }
}
