package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.NamespaceObserver;
import dev.switchboard.engine.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The observers of a namespace as one; an observer that throws is logged and skipped. */
final class Observers implements NamespaceObserver {

    private static final Logger log = LoggerFactory.getLogger(Observers.class);

    private volatile NamespaceObserver[] all = new NamespaceObserver[0];

    synchronized void add(NamespaceObserver observer) {
        NamespaceObserver[] next = Arrays.copyOf(all, all.length + 1);
        next[all.length] = observer;
        all = next;
    }

    boolean isEmpty() {
        return all.length == 0;
    }

    @Override
    public void connected(Socket socket) {
        for (NamespaceObserver o : all) {
            try {
                o.connected(socket);
            } catch (RuntimeException e) {
                log.warn("observer failed", e);
            }
        }
    }

    @Override
    public void rejected(Socket socket, String reason) {
        for (NamespaceObserver o : all) {
            try {
                o.rejected(socket, reason);
            } catch (RuntimeException e) {
                log.warn("observer failed", e);
            }
        }
    }

    @Override
    public void disconnected(Socket socket, String reason) {
        for (NamespaceObserver o : all) {
            try {
                o.disconnected(socket, reason);
            } catch (RuntimeException e) {
                log.warn("observer failed", e);
            }
        }
    }

    @Override
    public void eventReceived(Socket socket, String event, List<JsonNode> args) {
        for (NamespaceObserver o : all) {
            try {
                o.eventReceived(socket, event, args);
            } catch (RuntimeException e) {
                log.warn("observer failed", e);
            }
        }
    }

    @Override
    public void emitted(String socketId, Set<String> rooms, String event, List<JsonNode> args) {
        for (NamespaceObserver o : all) {
            try {
                o.emitted(socketId, rooms, event, args);
            } catch (RuntimeException e) {
                log.warn("observer failed", e);
            }
        }
    }
}
