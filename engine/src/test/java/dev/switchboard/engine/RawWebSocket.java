package dev.switchboard.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A websocket that records every message (text as String, binary as byte[]) and its closing. */
final class RawWebSocket implements WebSocket.Listener, AutoCloseable {

    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason;
    private final StringBuilder text = new StringBuilder();
    private java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    final WebSocket ws;

    RawWebSocket(HttpClient http, String url) {
        this.ws = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    /** A websocket-only session that has joined namespace {@code /} (its open and CONNECT replies read). */
    static RawWebSocket connectedToMainNamespace(HttpClient http, int port) throws InterruptedException {
        RawWebSocket ws = new RawWebSocket(http, "ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
        org.assertj.core.api.Assertions.assertThat(ws.nextText()).startsWith("0{");
        ws.send("40");
        org.assertj.core.api.Assertions.assertThat(ws.nextText()).startsWith("40{\"sid\":");
        return ws;
    }

    /** The next message that is not an Engine.IO ping, within 5 s. */
    Object next() throws InterruptedException {
        while (true) {
            Object message = messages.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 5 s");
            }
            if (!"2".equals(message)) {
                return message;
            }
            ws.sendText("3", true);
        }
    }

    String nextText() throws InterruptedException {
        return (String) next();
    }

    RawWebSocket send(String message) {
        ws.sendText(message, true).join();
        return this;
    }

    RawWebSocket send(byte[] message) {
        ws.sendBinary(ByteBuffer.wrap(message), true).join();
        return this;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        bytes.writeBytes(chunk);
        if (last) {
            messages.add(bytes.toByteArray());
            bytes = new java.io.ByteArrayOutputStream();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            ws.abort();
        }
    }
}
