package dev.switchboard.server.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A socket.io-client-java 2.x client that records every push of the contract from the moment it
 * connects, and calls listeners with an ack and a timeout.
 */
public final class TestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final Map<String, BlockingQueue<JsonNode>> pushes = new ConcurrentHashMap<>();
    /** Every push, in arrival order, as {@code event}. */
    private final List<String> order = new CopyOnWriteArrayList<>();
    /** Completes with the reason when the server (or the network) disconnects this client. */
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();

    private TestClient(Socket socket) {
        this.socket = socket;
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length == 0 ? "" : String.valueOf(args[0])));
        for (EventSpec e : EventCatalog.emits()) {
            BlockingQueue<JsonNode> queue = queue(e.name());
            socket.on(e.name(), args -> {
                order.add(e.name());
                queue.add(toJson(args.length == 0 ? null : args[0]));
            });
        }
    }

    private BlockingQueue<JsonNode> queue(String event) {
        return pushes.computeIfAbsent(event, k -> new LinkedBlockingQueue<>());
    }

    private static IO.Options options(Map<String, ?> auth, Duration timeout) {
        return options(auth, Map.of(), timeout);
    }

    private static IO.Options options(Map<String, ?> auth, Map<String, String> headers, Duration timeout) {
        Map<String, List<String>> extraHeaders = new java.util.HashMap<>();
        headers.forEach((k, v) -> extraHeaders.put(k, List.of(v)));
        IO.Options o = IO.Options.builder()
                .setExtraHeaders(extraHeaders)
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(new String[] {"websocket"})
                .setTimeout(timeout.toMillis())
                .build();
        o.auth = new java.util.HashMap<>();
        auth.forEach((k, v) -> o.auth.put(k, v == null ? null : v.toString()));
        return o;
    }

    /** A connected client for that token (fails the test when the connection is refused). */
    public static TestClient connectTo(String url, String token) {
        return connect(url, token);
    }

    static TestClient connect(String url, String token) {
        return connect(url, token, Map.of());
    }

    /** A connected client for that token, sending these HTTP headers (e.g. {@code Origin}) in the handshake. */
    public static TestClient connect(String url, String token, Map<String, String> headers) {
        return connect(url, token, headers, TIMEOUT);
    }

    /** A connected client for that token, waiting up to {@code timeout} for the handshake (a cold server is slow). */
    public static TestClient connectWithin(String url, String token, Duration timeout) {
        return connect(url, token, Map.of(), timeout);
    }

    private static TestClient connect(String url, String token, Map<String, String> headers, Duration timeout) {
        Socket s = IO.socket(URI.create(url), options(Map.of("accessToken", token), headers, timeout));
        TestClient client = new TestClient(s);
        CompletableFuture<String> result = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, args -> result.complete("ok"));
        s.once(Socket.EVENT_CONNECT_ERROR, args -> result.complete("connect_error: " + describe(args)));
        s.connect();
        String outcome = await(result, "connection", timeout);
        if (!outcome.equals("ok")) {
            s.close();
            fail("expected the connection to be admitted, got " + outcome);
        }
        return client;
    }

    static String connectError(String url, Map<String, ?> auth) {
        return connectError(url, auth, TIMEOUT);
    }

    /** The {@code connect_error} message for that handshake auth, waiting up to {@code timeout}. */
    public static String connectError(String url, Map<String, ?> auth, Duration timeout) {
        return connectError(url, auth, Map.of(), timeout);
    }

    /** The {@code connect_error} message for that handshake auth and these HTTP headers. */
    public static String connectError(String url, Map<String, ?> auth, Map<String, String> headers, Duration timeout) {
        Socket s = IO.socket(URI.create(url), options(auth, headers, timeout));
        CompletableFuture<String> result = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, args -> result.complete(null));
        s.once(Socket.EVENT_CONNECT_ERROR, args -> result.complete(describe(args)));
        s.connect();
        try {
            String message = await(result, "connect_error", timeout);
            assertThat(message).as("connection should have been refused").isNotNull();
            return message;
        } finally {
            s.close();
        }
    }

    private static String describe(Object[] args) {
        if (args.length == 0) {
            return "(no detail)";
        }
        if (args[0] instanceof JSONObject o) {
            return o.optString("message", o.toString());
        }
        if (args[0] instanceof Exception e) {
            return e.getMessage();
        }
        return String.valueOf(args[0]);
    }

    private static <T> T await(CompletableFuture<T> f, String what) {
        return await(f, what, TIMEOUT);
    }

    private static <T> T await(CompletableFuture<T> f, String what, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("no " + what + " within " + timeout);
        } catch (Exception e) {
            return fail(what + " failed: " + e);
        }
    }

    public String id() {
        return socket.id();
    }

    /** The disconnect reason, once the server cut this client off; fails the test when it stays connected. */
    public String awaitDisconnect(Duration timeout) {
        return await(disconnected, "disconnect", timeout);
    }

    public boolean connected() {
        return socket.connected();
    }

    /** Emits the event with these arguments (Java values become JSON) and waits for its reply. */
    public JsonNode call(String event, Object... args) {
        return callWithin(TIMEOUT, event, args);
    }

    /** Like {@link #call} with a longer wait, for replies that wait on a database timeout. */
    public JsonNode callWithin(Duration timeout, String event, Object... args) {
        return await(callAsync(event, args), "reply to " + event, timeout);
    }

    /** Emits the event and returns at once; the future completes with its reply (for many calls in flight). */
    public CompletableFuture<JsonNode> callAsync(String event, Object... args) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        Object[] wire = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            wire[i] = toWire(args[i]);
        }
        socket.emit(event, wire, ack -> reply.complete(toJson(ack.length == 0 ? null : ack[0])));
        return reply;
    }

    /** Emits without asking for an ack. */
    public void send(String event, Object... args) {
        Object[] wire = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            wire[i] = toWire(args[i]);
        }
        socket.emit(event, wire);
    }

    /** The next push of that event, waiting up to the timeout. */
    public JsonNode push(String event) {
        try {
            JsonNode node = queue(event).poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (node == null) {
                fail("no " + event + " push within " + TIMEOUT);
            }
            return node;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that no push of that event arrives within {@code wait}. */
    public void noPush(String event, Duration wait) {
        try {
            JsonNode node = queue(event).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(node).as("unexpected " + event + " push").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pushes received so far, in order of arrival. */
    public List<String> pushOrder() {
        return new ArrayList<>(order);
    }

    /** Forgets the pushes received so far. */
    public TestClient clearPushes() {
        pushes.values().forEach(BlockingQueue::clear);
        order.clear();
        return this;
    }

    @Override
    public void close() {
        socket.close();
    }

    // --- JSON between org.json (the client's) and Jackson (ours) ---

    /** Jackson nodes, maps, lists and strings into what the Java client sends. */
    static Object toWire(Object value) {
        if (value == null) {
            return JSONObject.NULL;
        }
        if (value instanceof JsonNode || value instanceof Map || value instanceof List) {
            return wire(JSON.valueToTree(value).toString());
        }
        return value;
    }

    private static Object wire(String json) {
        try {
            if (json.startsWith("[")) {
                return new JSONArray(json);
            }
            if (json.startsWith("{")) {
                return new JSONObject(json);
            }
            JsonNode n = JSON.readTree(json);
            if (n.isTextual()) {
                return n.asText();
            }
            if (n.isNull()) {
                return JSONObject.NULL;
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            return n.numberValue();
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode toJson(Object value) {
        try {
            if (value == null || value == JSONObject.NULL) {
                return JSON.nullNode();
            }
            if (value instanceof JSONObject || value instanceof JSONArray) {
                return JSON.readTree(value.toString());
            }
            return JSON.valueToTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }
}
