package dev.switchboard.scenario.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socket.client.AckWithTimeout;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.json.JSONObject;

/**
 * One socket of an actor (the real Java Socket.IO client): connects with a token, emits with acks, and
 * keeps the pushes it receives in an inbox that expectations consume in arrival order.
 */
final class ScenarioSocket {

    /** A push in the inbox; consumed once an expectation matched it. */
    static final class Push {
        final RunFrame frame;
        boolean consumed;

        Push(RunFrame frame) {
            this.frame = frame;
        }
    }

    /** How a connect attempt ended: {@code error} null when connected. */
    record ConnectOutcome(String error) {
    }

    private final String actor;
    private final int index;
    private final FrameLog log;
    private final Socket socket;
    private final List<Push> inbox = new ArrayList<>();
    private final CompletableFuture<ConnectOutcome> connected = new CompletableFuture<>();

    ScenarioSocket(String serverUrl, String namespace, String transport, String token, String actor, int index,
                   FrameLog log) {
        this.actor = actor;
        this.index = index;
        this.log = log;
        String[] transports = switch (transport) {
            case "polling" -> new String[]{"polling"};
            case "both" -> new String[]{"polling", "websocket"};
            default -> new String[]{"websocket"};
        };
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(transports)
                .setUpgrade("both".equals(transport))
                .setTimeout(10_000)
                .build();
        if (token != null) {
            options.auth = Map.of("accessToken", token);
        }
        String base = serverUrl.replaceAll("/+$", "");
        this.socket = IO.socket(URI.create(base + ("/".equals(namespace) ? "" : namespace)), options);
        wire();
    }

    private void wire() {
        socket.on(Socket.EVENT_CONNECT, args -> {
            frame(RunFrame.Kind.CONNECT, "connect", JsonNodeFactory.instance.objectNode().put("socketId", socket.id()));
            connected.complete(new ConnectOutcome(null));
        });
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            String reason = reason(args);
            frame(RunFrame.Kind.CONNECT_ERROR, "connect_error", JsonNodeFactory.instance.objectNode().put("message", reason));
            connected.complete(new ConnectOutcome(reason));
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> frame(RunFrame.Kind.DISCONNECT, "disconnect",
                JsonNodeFactory.instance.objectNode().put("reason", args.length > 0 ? String.valueOf(args[0]) : "")));
        socket.onAnyIncoming(args -> {
            if (args.length == 0) {
                return;
            }
            RunFrame f = frame(RunFrame.Kind.PUSH, String.valueOf(args[0]),
                    SocketJson.toTree(Arrays.copyOfRange(args, 1, args.length)));
            synchronized (inbox) {
                inbox.add(new Push(f));
                inbox.notifyAll();
            }
        });
    }

    private static String reason(Object[] args) {
        if (args.length == 0 || args[0] == null) {
            return "connect_error without a reason";
        }
        if (args[0] instanceof JSONObject o) {
            return o.optString("message", o.toString());
        }
        if (args[0] instanceof Throwable t) {
            Throwable cause = t.getCause() == null ? t : t.getCause();
            return "cannot reach the server: " + t.getMessage() + (cause == t ? "" : " (" + cause + ")");
        }
        return String.valueOf(args[0]);
    }

    private RunFrame frame(RunFrame.Kind kind, String event, JsonNode payload) {
        RunFrame f = new RunFrame(System.currentTimeMillis(), actor, index, kind, event, payload);
        log.add(f);
        return f;
    }

    String label() {
        return actor + "#" + index;
    }

    CompletableFuture<ConnectOutcome> connect() {
        socket.connect();
        return connected;
    }

    boolean isConnected() {
        return socket.connected();
    }

    /** Emits with an ack; the future holds the ack's arguments as JSON, or fails with a timeout. */
    CompletableFuture<JsonNode> emit(String event, JsonNode args, long timeoutMillis) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        frame(RunFrame.Kind.EMIT, event, args);
        socket.emit(event, SocketJson.toSocketArgs(args), new AckWithTimeout(timeoutMillis) {
            @Override
            public void onSuccess(Object... ack) {
                JsonNode node = SocketJson.toTree(ack);
                frame(RunFrame.Kind.ACK, event, node);
                reply.complete(node);
            }

            @Override
            public void onTimeout() {
                reply.completeExceptionally(new java.util.concurrent.TimeoutException(
                        "no ack for " + event + " within " + timeoutMillis + " ms"));
            }
        });
        return reply;
    }

    /**
     * Waits until an unconsumed push of that event satisfies the test, consumes it and returns it; null
     * when none came by the deadline.
     */
    RunFrame awaitPush(String event, Predicate<JsonNode> test, long deadlineMillis) throws InterruptedException {
        synchronized (inbox) {
            while (true) {
                for (Push p : inbox) {
                    if (!p.consumed && p.frame.event().equals(event) && test.test(p.frame.payload())) {
                        p.consumed = true;
                        return p.frame;
                    }
                }
                long left = deadlineMillis - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                inbox.wait(left);
            }
        }
    }

    /** The unconsumed pushes of that event, oldest first. */
    List<RunFrame> unconsumed(String event) {
        synchronized (inbox) {
            return inbox.stream().filter(p -> !p.consumed && p.frame.event().equals(event)).map(p -> p.frame).toList();
        }
    }

    /** Events of everything this socket received, in order (for "what came instead"). */
    List<String> receivedEvents() {
        synchronized (inbox) {
            return inbox.stream().map(p -> p.frame.event()).toList();
        }
    }

    void close() {
        socket.off();
        socket.offAnyIncoming();
        socket.disconnect();
        socket.close();
    }

    /** Closes with a disconnect frame, as a scenario's disconnect step does. */
    void disconnect() {
        close();
        frame(RunFrame.Kind.DISCONNECT, "disconnect", JsonNodeFactory.instance.objectNode().put("reason",
                "closed by the scenario"));
    }
}
